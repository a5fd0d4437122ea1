using System.Globalization;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>
/// Where a contents entry's page number goes, left by <see cref="FlowBuilder"/> on the entry's last
/// line: the number is right-aligned at <see cref="Right"/> in a column <see cref="Column"/> wide,
/// and a leader may run from <see cref="TextEnd"/> to that column.
/// </summary>
internal sealed record PageNumberSlot(BoxRole Role, double TextEnd, double Right, double Column, double Gap, double Baseline, LineBox Line, string Target, ParagraphStyle Style)
    : PageItem(Role)
{
    public override PageItem Offset(double dx, double dy) => this with { TextEnd = TextEnd + dx, Right = Right + dx, Baseline = Baseline + dy };
}

/// <summary>
/// Fills the contents' page numbers once the flow is paginated: each entry gets the number of the page
/// its heading's destination landed on, right-aligned and linked to the heading like the entry's text,
/// after a dotted leader (an artifact) when the theme asks for one (contents.leader).
/// </summary>
internal static class ContentsPageNumbers
{
    /// <summary>Replaces every slot on <paramref name="pages"/>; false when a number is wider than the column left for it (lay out again with a wider one).</summary>
    public static bool Fill(IReadOnlyList<PageBuilder.BuiltPage> pages, ITextSetter text, string lang, bool dots)
    {
        var pageOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
            foreach (var destination in pages[p].Items.OfType<DestinationItem>())
                pageOf.TryAdd(destination.Name, p + 1);
        var fits = true;
        foreach (var page in pages)
        {
            var items = page.Items;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not PageNumberSlot slot) continue;
                var filled = new List<PageItem>();
                // The reader's check guarantees the target exists; its page is where its destination is.
                var number = pageOf.TryGetValue(slot.Target, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "";
                var style = slot.Style with { Align = TextAlign.Left, IndentFirst = 0, IndentLeft = 0 };
                var set = text.Set([new PrintText(number, false, false, "#" + slot.Target)], style, lang, slot.Column * 4, 0);
                if (set.Count > 0)
                {
                    var line = set[0];
                    if (line.Width > slot.Column + 0.01) fits = false;
                    var x = slot.Right - line.Width;
                    if (dots) Leader(slot, text, lang, style, filled);
                    filled.Add(new TextLineItem(slot.Role, x, slot.Baseline, line));
                    var top = slot.Baseline - line.Ascent;
                    filled.Add(new LinkItem(slot.Role, x, top, line.Width, line.Ascent + line.Descent, slot.Target, true));
                }
                items.RemoveAt(i);
                items.InsertRange(i, filled);
                i += filled.Count - 1;
            }
        }
        return fits;
    }

    /// <summary>Dots from the entry's text to the number column, ending at the column so they line up from entry to entry.</summary>
    private static void Leader(PageNumberSlot slot, ITextSetter text, string lang, ParagraphStyle style, List<PageItem> into)
    {
        // The pitch of ". " as set between two dots (a lone trailing space would not count).
        var unit = Natural(text, ". .", style, lang) - Natural(text, ".", style, lang);
        if (unit <= 0) return;
        var end = slot.Right - slot.Column - slot.Gap;
        var count = (int)Math.Floor((end - slot.TextEnd - slot.Gap) / unit);
        if (count < 2) return;
        var set = text.Set([new PrintText(string.Join(" ", Enumerable.Repeat(".", count)), false, false, null)], style, lang, end - slot.TextEnd, 0);
        if (set.Count != 1 || set[0].Width > end - slot.TextEnd) return;
        into.Add(new TextLineItem(slot.Role with { Kind = StructureKind.Decoration, Within = null }, end - set[0].Width, slot.Baseline, set[0]));
    }

    private static double Natural(ITextSetter text, string s, ParagraphStyle style, string lang) =>
        text.Measure([new PrintText(s, false, false, null)], style, lang).Natural;
}
