using System.Globalization;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>Tables: one Word table per markup table, columns of equal width, header rows repeated.</summary>
internal sealed partial class BodyBuilder
{
    protected override void VisitTable(PrintTable table, Context ctx)
    {
        if (table.Rows.Count == 0) return;
        // Word merges tables that touch; a page break needs a paragraph to sit on.
        if (_state.PageBreakPending || (_state.Body.Count > 0 && _state.Body[^1] is Table))
            _state.Body.Add(NewParagraph(Body, ctx));
        if (table.Caption is { } caption)
        {
            // Above the table, in Word's Caption style, kept with it; it carries the table's bookmark, so a reference lands on it.
            var captionContext = ctx with { Number = null, ContinuationLevel = ctx.Number?.Level ?? ctx.ContinuationLevel };
            var captionParagraph = TextParagraph(Doc.StyleOf(caption), caption.Inlines, captionContext, caption);
            var captionProperties = captionParagraph.ParagraphProperties ??= new ParagraphProperties();
            captionProperties.KeepNext = new KeepNext();
            if (Doc.StyleOf(caption).SpaceBefore < PagedLayout.TableCaptionSpaceAbove)
                (captionProperties.SpacingBetweenLines ??= new SpacingBetweenLines()).Before = DocxUnits.Twips(PagedLayout.TableCaptionSpaceAbove);
            if (table.Id is not null) _bookmarks.Add(captionParagraph, table.Id);
            _state.Body.Add(captionParagraph);
        }
        var columns = table.ColumnCount;
        // In a list item the table is indented to the item's text: the importer's mark that it belongs to the item.
        var indent = (ctx.Number?.Level ?? ctx.ContinuationLevel) is { } level ? _numbering.TextIndent(level) : 0;
        var columnWidth = Length.ToTwips((_ctx.ContentWidth - indent) / columns);
        var hasHeader = table.Rows.Any(r => r.IsHeader);
        var tbl = new Table(new TableProperties(
            new TableStyle { Val = WordStyles.TableGridId },
            indent > 0
                ? new TableWidth { Width = DocxUnits.Twips(_ctx.ContentWidth - indent), Type = TableWidthUnitValues.Dxa }
                : new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook
            {
                Val = hasHeader ? "0620" : "0600", FirstRow = hasHeader, LastRow = false, FirstColumn = false, LastColumn = false,
                NoHorizontalBand = true, NoVerticalBand = true,
            }));
        if (indent > 0) tbl.GetFirstChild<TableProperties>()!.TableIndentation = new TableIndentation { Width = Length.ToTwips(indent), Type = TableWidthUnitValues.Dxa };
        _state.UsedStyles.Add(WordStyles.TableGridId);
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++) grid.Append(new GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) });
        tbl.Append(grid);
        foreach (var row in table.Rows)
        {
            var tr = new TableRow();
            var trPr = new TableRowProperties(new CantSplit());
            if (row.IsHeader) trPr.Append(new TableHeader());
            tr.Append(trPr);
            for (var c = 0; c < columns; c++)
            {
                var cell = c < row.Cells.Count ? row.Cells[c] : null;
                var style = cell is not null ? Doc.StyleOf(cell) : Doc.Style(row.IsHeader ? "table-header" : "table-cell");
                var paragraph = NewParagraph(style, Context.Flow);
                if (cell?.Align is { } align) paragraph.ParagraphProperties!.Justification = new Justification { Val = StylesBuilder.Justify(align) };
                if (cell is not null) paragraph.Append(Inlines(cell.Inlines, _ctx.Main, style));
                tr.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = columnWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    paragraph));
            }
            tbl.Append(tr);
        }
        // Word has no keep-together for a table: a short one is held on one page by keep-with-next on its
        // paragraphs; a long one may break between rows. (The PDF edition breaks any table between rows.)
        var tableRows = tbl.Elements<TableRow>().ToList();
        if (tableRows.Count <= KeepTogetherRows)
        {
            foreach (var paragraph in tableRows.SkipLast(1).SelectMany(r => r.Descendants<Paragraph>()))
                paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        }
        if (table.Id is not null && table.Caption is null)
        {
            var firstParagraph = tbl.Descendants<Paragraph>().First();
            _bookmarks.Add(firstParagraph, table.Id);
        }
        _state.Body.Add(tbl);
        _state.SpaceBeforePending = PagedLayout.TableSpaceBelow;
    }

    // A table this short moves whole to the next page rather than leave a row or two behind.
    private const int KeepTogetherRows = 15;
}
