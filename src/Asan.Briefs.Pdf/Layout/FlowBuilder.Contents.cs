using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>
/// The table of contents: its title, then one entry per heading, each a TOCI whose text links to the
/// heading. The page numbers are not known until the flow is paginated, so every line of an entry
/// leaves a column of <see cref="PageNumberDigits"/> digits free at the right, and its last line
/// carries a <see cref="PageNumberSlot"/> that <see cref="ContentsPageNumbers"/> fills once the pages
/// are built. The numbers therefore never change how the entries break, nor how long the contents are.
/// </summary>
internal sealed partial class FlowBuilder
{
    /// <summary>Space between an entry's text (or its leader) and its page number column.</summary>
    private const double PageNumberGap = 6;

    /// <summary>How many digits the page-number column holds; the layout widens it if a number does not fit.</summary>
    public int PageNumberDigits { get; init; } = 2;

    protected override void VisitContents(PrintContents contents, Context ctx)
    {
        var titleStyle = _doc.StyleOf(contents.Title);
        Paragraph(contents.Title.Inlines, titleStyle, ctx, new BoxRole(StructureKind.Paragraph, titleStyle.Name, 0, ++_element, ctx.GroupRole, ctx.Within),
            contents.Title with { Id = contents.Id, KeepWithNext = true }, null);
        var toc = new StructPath(StructureKind.Contents, ++_element, ctx.Within);
        foreach (var entry in contents.Entries)
        {
            var style = _doc.StyleOf(entry.Text);
            var column = _text.Measure([new PrintText(new string('0', PageNumberDigits), false, false, null)], style, _lang).Natural;
            var element = ++_element;
            var role = new BoxRole(StructureKind.ContentsEntry, style.Name, entry.Level, element, ctx.GroupRole, new StructPath(StructureKind.ContentsEntry, element, toc));
            // The whole entry links to its heading: each run of its text, and (when filled) its page number.
            var href = "#" + entry.Target;
            var inlines = entry.Text.Inlines.Select(i => i is PrintText t ? t with { Href = href } : i).ToList();
            var last = Paragraph(inlines, style, ctx, role, entry.Text, null, column + PageNumberGap);
            if (last?.Content.OfType<TextLineItem>().LastOrDefault() is { } line)
                last.Content.Add(new PageNumberSlot(role, line.X + line.Line.Width, ctx.Left + ctx.Width, column, PageNumberGap, line.Baseline, line.Line, entry.Target, style));
        }
        // As much room after the contents as before their title.
        _pendingSpace = Math.Max(_pendingSpace, titleStyle.SpaceBefore);
        if (contents.KeepWithNext) _pendingKeep = true;
    }
}
