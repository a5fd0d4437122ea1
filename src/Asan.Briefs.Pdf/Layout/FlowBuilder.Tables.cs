using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>Tables: rows set cell by cell at widths measured from their content, header rows kept for repetition.</summary>
internal sealed partial class FlowBuilder
{
    // Room between a cell's rules and its text, as browsers' default cell padding.
    private const double CellPadX = 4, CellPadY = 3;
    // Rules under body rows are hairlines; the head and top rules are heavier to mark the header.
    private const double TableRule = 0.5, TableHeadRule = 0.8;

    protected override void VisitTable(PrintTable table, Context ctx)
    {
        var tableStyle = _doc.StyleOf(table);
        var tableElement = ++_element;
        if (table.Caption is { } caption)
        {
            // The caption comes first in the Table element (PDF/UA: Caption inside Table), carries the
            // table's anchor, so a reference lands on it, and is kept with the rows below it.
            var captionStyle = _doc.StyleOf(caption);
            captionStyle = captionStyle with { SpaceBefore = Math.Max(captionStyle.SpaceBefore, PagedLayout.TableCaptionSpaceAbove) };
            var role = new BoxRole(StructureKind.Caption, captionStyle.Name, 0, ++_element, ctx.GroupRole, new StructPath(StructureKind.Table, tableElement, ctx.Within));
            Paragraph(caption.Inlines, captionStyle, ctx, role, caption with { Id = table.Id, KeepWithNext = true }, null);
            table = table with { Id = null };
        }
        OpenBlock(Math.Max(tableStyle.SpaceBefore, PagedLayout.TableSpaceAbove), table);
        var columns = table.ColumnCount;
        if (columns == 0) { CloseBlock(tableStyle.SpaceAfter, false); return; }
        var widths = ColumnWidths(table, ctx.Width);
        VItem? header = null;
        var bodyRows = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var isFirst = r == 0;
            var item = RowItem(row, widths, ctx, tableElement, isFirst);
            if (row.IsHeader && bodyRows == 0)
            {
                // Header rows are kept with the first body row and collected for repetition.
                if (header is null) { header = item; _items.Add(item); }
                else
                {
                    foreach (var c in item.Content) header.Content.Add(c.Offset(0, header.Height));
                    header.Height += item.Height;
                }
                continue;
            }
            var boxed = new VItem
            {
                Kind = VKind.Box,
                Height = item.Height,
                CanBreakBefore = bodyRows > 0 && _keepTogether == 0 && (header is not null || r > 0),
                RepeatHeader = header,
                Notes = item.Notes,
            };
            boxed.Content.AddRange(item.Content);
            if (header is null && isFirst) boxed.CanBreakBefore = false;
            _items.Add(boxed);
            bodyRows++;
        }
        // Closing rule under the last row is part of each row (a rule under every row).
        CloseBlock(Math.Max(tableStyle.SpaceAfter, PagedLayout.TableSpaceBelow), table.KeepWithNext);
    }

    private VItem RowItem(PrintRow row, double[] widths, Context ctx, int tableElement, bool isFirst)
    {
        var item = new VItem { Kind = VKind.Box };
        var cells = new List<(IReadOnlyList<LineBox> Lines, double X, BoxRole Role)>();
        var rowPath = new StructPath(StructureKind.TableRow, ++_element, new StructPath(StructureKind.Table, tableElement, ctx.Within));
        var x = ctx.Left;
        var height = 0.0;
        for (var c = 0; c < widths.Length; c++)
        {
            if (c < row.Cells.Count)
            {
                var cell = row.Cells[c];
                var style = _doc.StyleOf(cell);
                if (cell.Align is { } align) style = style with { Align = align };
                var lines = _text.Set(cell.Inlines, style, _lang, Math.Max(1, widths[c] - 2 * CellPadX), 0);
                var role = new BoxRole(row.IsHeader ? StructureKind.TableHeaderCell : StructureKind.TableCell, style.Name, 0, ++_element, ctx.GroupRole, rowPath);
                cells.Add((lines, x + CellPadX, role));
                height = Math.Max(height, lines.Sum(l => l.Height));
            }
            x += widths[c];
        }
        height += 2 * CellPadY;
        foreach (var (lines, cx, role) in cells)
        {
            var y = CellPadY;
            foreach (var line in lines)
            {
                AddLine(item, line, cx, y + Baseline(line), role);
                y += line.Height;
            }
        }
        var ruleRole = new BoxRole(StructureKind.Rule, "table", 0, tableElement, ctx.GroupRole);
        var color = _theme.Color(row.IsHeader ? "accent" : "rule");
        if (isFirst) item.Content.Add(new RuleItem(ruleRole, ctx.Left, 0, ctx.Left + ctx.Width, 0, TableHeadRule, _theme.Color("accent")));
        var thickness = row.IsHeader ? TableHeadRule : TableRule;
        item.Content.Add(new RuleItem(ruleRole, ctx.Left, height, ctx.Left + ctx.Width, height, thickness, color));
        item.Height = height;
        return item;
    }

    /// <summary>
    /// Column widths from content, as browsers do for auto tables: every column gets its widest
    /// unbreakable piece, and the rest of the measure is shared in proportion to what each column
    /// would need to set its cells on one line.
    /// </summary>
    private double[] ColumnWidths(PrintTable table, double available)
    {
        var n = table.ColumnCount;
        var natural = new double[n];
        var minimum = new double[n];
        foreach (var row in table.Rows)
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                var (nat, min) = _text.Measure(cell.Inlines, _doc.StyleOf(cell), _lang);
                natural[c] = Math.Max(natural[c], nat + 2 * CellPadX + 1);
                minimum[c] = Math.Max(minimum[c], min + 2 * CellPadX + 1);
            }
        var sumNat = natural.Sum();
        var sumMin = minimum.Sum();
        var widths = new double[n];
        if (sumNat <= available)
            for (var c = 0; c < n; c++) widths[c] = natural[c] + (available - sumNat) * natural[c] / sumNat;
        else if (sumMin >= available)
            for (var c = 0; c < n; c++) widths[c] = available * minimum[c] / sumMin;
        else
        {
            var slack = sumNat - sumMin;
            for (var c = 0; c < n; c++)
                widths[c] = minimum[c] + (available - sumMin) * (slack > 0 ? (natural[c] - minimum[c]) / slack : 1.0 / n);
        }
        return widths;
    }
}
