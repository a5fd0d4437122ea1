namespace Asan.Briefs.PrintMarkup;

/// <summary>Walks the markup tree in reading order.</summary>
public static class PrintWalker
{
    public static IEnumerable<PrintBlock> Descendants(IEnumerable<PrintBlock> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var children = block switch
            {
                PrintQuote q => q.Blocks,
                PrintGroup g => g.Blocks,
                PrintList l => l.Items.SelectMany(i => i.Blocks).ToList(),
                _ => (IReadOnlyList<PrintBlock>)[],
            };
            foreach (var child in Descendants(children)) yield return child;
        }
    }

    public static IEnumerable<IReadOnlyList<PrintInline>> InlineSequences(PrintBlock block) => block switch
    {
        PrintParagraph p => [p.Inlines],
        PrintHeading h => [h.Inlines],
        PrintFigure f => new[] { f.Caption?.Inlines, f.Credit?.Inlines }.OfType<IReadOnlyList<PrintInline>>(),
        PrintTable t => new[] { t.Caption?.Inlines }.OfType<IReadOnlyList<PrintInline>>().Concat(t.Rows.SelectMany(r => r.Cells).Select(c => c.Inlines)),
        _ => [],
    };

    public static IEnumerable<PrintNote> Notes(IEnumerable<PrintBlock> blocks) =>
        Descendants(blocks).SelectMany(InlineSequences).SelectMany(s => s).OfType<PrintNoteCall>().Select(c => c.Note);

    /// <summary>The plain text of inlines (note calls give their mark), for outlines and metadata.</summary>
    public static string PlainText(IEnumerable<PrintInline> inlines) =>
        string.Concat(inlines.Select(i => i switch
        {
            PrintText t => t.Text,
            PrintLineBreak => " ",
            _ => "",
        }));
}
