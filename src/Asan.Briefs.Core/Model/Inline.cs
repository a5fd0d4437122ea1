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

/// <summary>
/// A cross-reference to a figure or table by its id (`[@fig:trade]`, `[@tbl:exports]`): every output
/// writes the target's number word ("Figure 1", "표 1"), counted by <see cref="Numbering"/>, linked to it.
/// </summary>
public sealed record ReferenceInline(string Target) : Inline;

public sealed record LineBreakInline : Inline;

public static class Inlines
{
    public static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(PlainText));

    public static string PlainText(Inline inline) => PlainText(inline, null);

    /// <summary>The text as an edition shows it: each cross-reference as <paramref name="reference"/> words it ("Table 1").</summary>
    public static string PlainText(IEnumerable<Inline> inlines, Func<ReferenceInline, string>? reference) =>
        string.Concat(inlines.Select(i => PlainText(i, reference)));

    private static string PlainText(Inline inline, Func<ReferenceInline, string>? reference) => inline switch
    {
        TextInline t => t.Text,
        CodeInline c => c.Text,
        EmphasisInline e => PlainText(e.Children, reference),
        StrongInline s => PlainText(s.Children, reference),
        LinkInline l => PlainText(l.Children, reference),
        ReferenceInline r when reference is not null => reference(r),
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
