using Asan.Briefs.Images;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Resolution;

/// <summary>Walks the markup once, deciding each block's style (in the context of its quote or list) and reading each figure's image.</summary>
internal sealed class Resolver(PrintDocument markup, Theme theme)
{
    private readonly Dictionary<object, ParagraphStyle> _styles = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PrintFigure, ResolvedFigure> _figures = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, PngImage> _images = new(StringComparer.Ordinal);

    public ResolvedDocument Run()
    {
        Blocks(markup.Blocks, "body");
        foreach (var slot in markup.Header.Slots.Concat(markup.Footer.Slots)) Set(slot, slot.Style);
        foreach (var note in markup.Notes())
            foreach (var p in note.Paragraphs) Block(p, "note");
        return new ResolvedDocument(markup, theme, _styles, _figures);
    }

    private ParagraphStyle Style(string name) => ResolvedDocument.StyleOrBody(theme, name, markup.Lang);

    private void Set(object node, string name) => _styles[node] = Style(name);

    private void Blocks(IReadOnlyList<PrintBlock> blocks, string defaultStyle)
    {
        foreach (var block in blocks) Block(block, defaultStyle);
    }

    private void Block(PrintBlock block, string defaultStyle)
    {
        // A plain paragraph in a quote or list takes the quote's or list's style.
        Set(block, block is PrintParagraph && block.Style == "body" ? defaultStyle : block.Style);
        switch (block)
        {
            case PrintQuote quote:
                Blocks(quote.Blocks, quote.Style);
                break;
            case PrintGroup group:
                Blocks(group.Blocks, defaultStyle);
                break;
            case PrintList list:
                foreach (var item in list.Items) Blocks(item.Blocks, list.Style);
                break;
            case PrintFigure figure:
                _figures[figure] = new ResolvedFigure(Image(figure.Source), figure.WidthFraction);
                if (figure.Caption is { } caption) Set(caption, caption.Style);
                if (figure.Credit is { } credit) Set(credit, credit.Style);
                break;
            case PrintContents contents:
                Set(contents.Title, contents.Title.Style);
                foreach (var entry in contents.Entries) Set(entry.Text, entry.Text.Style);
                break;
            case PrintTable table:
                if (table.Caption is { } tableCaption) Set(tableCaption, tableCaption.Style);
                foreach (var cell in table.Rows.SelectMany(r => r.Cells)) Set(cell, cell.Style);
                break;
        }
    }

    private PngImage Image(string path)
    {
        if (!_images.TryGetValue(path, out var image)) _images[path] = image = PngImage.Read(path, theme.Limits.ImagePixels);
        return image;
    }
}
