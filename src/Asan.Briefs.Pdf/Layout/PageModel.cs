using Asan.Briefs.Pdf.Text;

namespace Asan.Briefs.Pdf.Layout;

// The output of the layout stage: pages of positioned boxes in points, origin at the page's top-left
// corner, y growing downwards. Every box keeps the structural role it came from, so a tagged-PDF
// backend can rebuild the structure tree without re-running layout.

public enum StructureKind
{
    Paragraph,
    Heading,
    List,
    ListItem,
    ListMarker,
    Quote,
    Figure,
    Caption,
    Table,
    TableHeaderCell,
    TableCell,
    Note,
    NoteMark,
    Group,
    Rule,
    TableRow,
    /// <summary>A table of contents (TOC), and one of its entries (TOCI, whose text is a Reference).</summary>
    Contents,
    ContentsEntry,
    /// <summary>Drawing that only guides the eye, such as a contents entry's dotted leader: an artifact.</summary>
    Decoration,
    /// <summary>Running heads, page numbers and the note separator: artifacts, not content.</summary>
    Furniture,
}

/// <summary>
/// What a box is in the document's structure: kind, heading level, style and the id of the structure
/// element it belongs to; <see cref="Within"/> names the enclosing elements (list item, list, quote,
/// table row, table), innermost first, so a tagged PDF can nest them.
/// </summary>
public sealed record BoxRole(StructureKind Kind, string Style, int Level = 0, int Element = 0, string? GroupRole = null, StructPath? Within = null)
{
    public static readonly BoxRole Furniture = new(StructureKind.Furniture, "");
}

/// <summary>An enclosing structure element: its kind, its id, and the element around it.</summary>
public sealed record StructPath(StructureKind Kind, int Element, StructPath? Parent);

public abstract record PageItem(BoxRole Role)
{
    /// <summary>The same item moved down by <paramref name="dy"/> and right by <paramref name="dx"/>.</summary>
    public abstract PageItem Offset(double dx, double dy);
}

/// <summary>A set line; <see cref="X"/> is the line's left edge, <see cref="Baseline"/> its baseline.</summary>
public sealed record TextLineItem(BoxRole Role, double X, double Baseline, LineBox Line) : PageItem(Role)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Baseline = Baseline + dy };
}

public sealed record RuleItem(BoxRole Role, double X1, double Y1, double X2, double Y2, double Thickness, string Color) : PageItem(Role)
{
    public override PageItem Offset(double dx, double dy) => this with { X1 = X1 + dx, X2 = X2 + dx, Y1 = Y1 + dy, Y2 = Y2 + dy };
}

public sealed record ImageItem(BoxRole Role, double X, double Y, double Width, double Height, string Source, string Alt) : PageItem(Role)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A clickable area: an external URI, or (when <see cref="Internal"/>) a named destination in this document.</summary>
public sealed record LinkItem(BoxRole Role, double X, double Y, double Width, double Height, string Target, bool Internal) : PageItem(Role)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A named destination (a block id, a note, a note call) at a point.</summary>
public sealed record DestinationItem(BoxRole Role, double X, double Y, string Name) : PageItem(Role)
{
    public override PageItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

public sealed record LaidOutPage(int Number, IReadOnlyList<PageItem> Items);

/// <summary>A bookmark: a heading with its level and where it landed.</summary>
public sealed record OutlineEntry(int Level, string Title, int PageIndex, double Y);

public sealed record LaidOutDocument(
    double Width, double Height, string Lang,
    IReadOnlyList<LaidOutPage> Pages,
    IReadOnlyList<OutlineEntry> Outline);
