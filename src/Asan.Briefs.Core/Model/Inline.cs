namespace Asan.Briefs.Model;

/// <summary>Inline content of one language: text with emphasis, strong, code, links and note references.</summary>
public abstract record Inline;

public sealed record TextInline(string Text) : Inline;

public sealed record EmphasisInline(IReadOnlyList<Inline> Children) : Inline;

public sealed record StrongInline(IReadOnlyList<Inline> Children) : Inline;

/// <summary>Code or another literal (`code` in Markdown): set in the theme's code face, never rewritten by text rules.</summary>
public sealed record CodeInline(string Text) : Inline;

public sealed record LinkInline(string Url, IReadOnlyList<Inline> Children) : Inline;

/// <summary>A footnote reference by label; the note itself lives in <see cref="Brief.Footnotes"/>.</summary>
public sealed record NoteReferenceInline(string Label) : Inline;

public sealed record LineBreakInline : Inline;

public static class Inlines
{
    public static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(PlainText));

    public static string PlainText(Inline inline) => inline switch
    {
        TextInline t => t.Text,
        CodeInline c => c.Text,
        EmphasisInline e => PlainText(e.Children),
        StrongInline s => PlainText(s.Children),
        LinkInline l => PlainText(l.Children),
        LineBreakInline => " ",
        _ => "",
    };

    public static IEnumerable<Inline> Descendants(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            var children = inline switch
            {
                EmphasisInline e => e.Children,
                StrongInline s => s.Children,
                LinkInline l => l.Children,
                _ => [],
            };
            foreach (var child in Descendants(children)) yield return child;
        }
    }
}
