namespace Asan.Briefs.Model;

/// <summary>
/// A block of the body. Its structure is shared by every language; only text differs, so blocks line
/// up across languages by <see cref="Id"/> (section id and position, e.g. "diagnosis.3").
/// </summary>
public abstract record Block(string Id);

public sealed record ParagraphBlock(string Id, Localized<IReadOnlyList<Inline>> Text) : Block(Id);

public sealed record ListBlock(string Id, bool Ordered, int Start, IReadOnlyList<ListItem> Items) : Block(Id);

public sealed record ListItem(string Id, IReadOnlyList<Block> Blocks);

public sealed record QuoteBlock(string Id, IReadOnlyList<Block> Blocks) : Block(Id);

/// <summary>An image inside the brief's folder with its caption and source line.</summary>
public sealed record FigureBlock(
    string Id,
    string ImagePath,
    Localized<string> Alt,
    Localized<IReadOnlyList<Inline>> Caption,
    Localized<string> Credit) : Block(Id)
{
    /// <summary>Each language's own image, where it has one beside <see cref="ImagePath"/> (chart.ko.png beside chart.png).</summary>
    public IReadOnlyDictionary<string, string> LanguageImages { get; init; } = new Dictionary<string, string>();

    /// <summary>The image an edition shows: its language's own, else the one the Markdown names.</summary>
    public string ImageFor(string lang) => LanguageImages.TryGetValue(lang, out var path) ? path : ImagePath;

    /// <summary>The figure's cross-reference id ("fig:trade"), the same in every language; null when nothing may cite it.</summary>
    public string? Label { get; init; }

    /// <summary>chart.png → chart.ko.png: where a language's own image of a figure is looked for.</summary>
    public static string LanguageVariant(string path, string lang) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}.{lang}{Path.GetExtension(path)}");
}

public enum ColumnAlign { Default, Left, Center, Right }

public sealed record TableBlock(string Id, IReadOnlyList<ColumnAlign> Columns, IReadOnlyList<TableRow> Rows) : Block(Id)
{
    /// <summary>The caption's text after its number (`Table: …` in the Markdown); empty in every language when it has none.</summary>
    public Localized<IReadOnlyList<Inline>>? Caption { get; init; }

    /// <summary>The table's cross-reference id ("tbl:exports"), the same in every language; null when nothing may cite it.</summary>
    public string? Label { get; init; }
}

public sealed record TableRow(bool IsHeader, IReadOnlyList<Localized<IReadOnlyList<Inline>>> Cells);

public static class Blocks
{
    /// <summary>Every block in reading order, containers before their children.</summary>
    public static IEnumerable<Block> Descendants(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var children = block switch
            {
                ListBlock l => l.Items.SelectMany(i => i.Blocks),
                QuoteBlock q => q.Blocks,
                _ => [],
            };
            foreach (var child in Descendants(children)) yield return child;
        }
    }

    /// <summary>
    /// A paragraph that ends with a colon introduces what follows it (a list, a quotation), so the
    /// paged outputs keep it with the next block, as they keep a heading (theme: keep_with_next).
    /// </summary>
    public static bool IntroducesNext(IReadOnlyList<Inline> text) =>
        Inlines.PlainText(text).TrimEnd() is { Length: > 0 } plain && plain[^1] is ':' or '：';

    /// <summary>The inline sequences of a block in one language, in reading order.</summary>
    public static IEnumerable<IReadOnlyList<Inline>> InlineSequences(Block block, string lang) => block switch
    {
        ParagraphBlock p => [p.Text[lang]],
        FigureBlock f => [f.Caption[lang]],
        TableBlock t => (t.Caption is { } caption ? [caption[lang]] : Enumerable.Empty<IReadOnlyList<Inline>>()).Concat(t.Rows.SelectMany(r => r.Cells).Select(c => c[lang])),
        _ => [],
    };
}
