using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Pdf.Layout;

// TeX's main vertical list, simplified: the flow becomes a list of boxes (a line, a table row, a
// figure) and glue (the space between blocks), each saying whether a page may end right before it.
// Pagination walks this list once.

internal enum VKind { Box, Glue, ForcedBreak }

internal sealed class VItem
{
    public VKind Kind { get; init; }
    public double Height { get; set; }

    /// <summary>Positioned content; x is absolute on the page, y is relative to the item's top.</summary>
    public List<PageItem> Content { get; } = [];

    /// <summary>Notes cited inside this item: they go to the foot of the page the item lands on.</summary>
    public List<PrintNote>? Notes { get; set; }

    /// <summary>A page may end right before this item (for glue: at this glue, which is then dropped).</summary>
    public bool CanBreakBefore { get; set; }

    /// <summary>The table's header rows, repeated when this row opens a page.</summary>
    public VItem? RepeatHeader { get; init; }

    /// <summary>
    /// A figure: when it does not fit the rest of the page, the text after it fills the page and the
    /// figure opens the next one, as TeX floats a figure to the top of the next page.
    /// </summary>
    public bool Floats { get; init; }

    /// <summary>A bookmark for a heading whose first line this is.</summary>
    public (int Level, string Title)? Outline { get; set; }

    public static VItem Glue(double height, bool canBreak) => new() { Kind = VKind.Glue, Height = height, CanBreakBefore = canBreak };
}

/// <summary>A footnote set at the text width: its lines (with the mark hanging in the first) as boxes that can be split.</summary>
internal sealed record NoteLayout(PrintNote Note, IReadOnlyList<VItem> Lines)
{
    public double Height => Lines.Sum(l => l.Height);
}
