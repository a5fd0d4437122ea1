using Asan.Briefs.Theming;

namespace Asan.Briefs.PrintMarkup;

// The paged layout markup as objects: what the print templates produce, and what the PDF engine and
// the DOCX writer both consume. templates/print/README.md documents each element.

public sealed record PrintDocument(
    string Lang,
    DocumentInfo Info,
    PageGeometry Page,
    RunningContent Header,
    RunningContent Footer,
    IReadOnlyList<PrintBlock> Blocks)
{
    /// <summary>Every note in the order its call appears in the flow.</summary>
    public IEnumerable<PrintNote> Notes() => PrintWalker.Notes(Blocks);
}

public sealed record DocumentInfo(
    string Title, string Author, string Subject, string Keywords, string Creator,
    DateTimeOffset Created, DateTimeOffset Modified);

/// <summary>A running head or foot: up to three slots; <see cref="SkipFirstPage"/> leaves the cover page clean.</summary>
public sealed record RunningContent(IReadOnlyList<RunningSlot> Slots, bool SkipFirstPage, double RuleThickness);

public enum SlotAlign { Left, Center, Right }

public sealed record RunningSlot(SlotAlign Align, string Style, IReadOnlyList<PrintInline> Inlines);

public abstract record PrintBlock
{
    /// <summary>Theme style name (templates/theme.yaml, styles:).</summary>
    public string Style { get; init; } = "body";
    /// <summary>Anchor id for links and bookmarks; null when the block has none.</summary>
    public string? Id { get; init; }
    /// <summary>Keep this block on the same page as the next one.</summary>
    public bool KeepWithNext { get; init; }
}

public sealed record PrintParagraph(IReadOnlyList<PrintInline> Inlines) : PrintBlock;

/// <summary>A heading; headings with <see cref="Outline"/> become PDF bookmarks and Word heading levels.</summary>
public sealed record PrintHeading(int Level, IReadOnlyList<PrintInline> Inlines, bool Outline) : PrintBlock;

public sealed record PrintList(bool Ordered, int Start, IReadOnlyList<PrintListItem> Items) : PrintBlock;

/// <summary>A list item; <see cref="Marker"/> is the text the template chose ("1.", "•").</summary>
public sealed record PrintListItem(string Marker, IReadOnlyList<PrintBlock> Blocks);

public sealed record PrintQuote(IReadOnlyList<PrintBlock> Blocks) : PrintBlock;

/// <summary>An image scaled to <see cref="WidthFraction"/> of the measure, with caption and source lines.</summary>
public sealed record PrintFigure(
    string Source, string Alt, double WidthFraction,
    PrintParagraph? Caption, PrintParagraph? Credit) : PrintBlock;

/// <summary>A table; its <see cref="Caption"/> ("Table 1. …") stands above it and is kept with it.</summary>
public sealed record PrintTable(IReadOnlyList<PrintRow> Rows) : PrintBlock
{
    public PrintParagraph? Caption { get; init; }

    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);
}

public sealed record PrintRow(bool IsHeader, IReadOnlyList<PrintCell> Cells);

public sealed record PrintCell(string Style, TextAlign? Align, IReadOnlyList<PrintInline> Inlines);

/// <summary>
/// A table of contents: its heading and one entry per heading it lists, each naming that heading's
/// <see cref="PrintBlock.Id"/>. The template writes it from edition.contents (the one rule); the PDF
/// sets it with page numbers, the Word writer as a TOC field.
/// </summary>
public sealed record PrintContents(PrintParagraph Title, IReadOnlyList<PrintContentsEntry> Entries) : PrintBlock;

/// <summary>An entry: the heading's <see cref="Level"/>, the id it points at, and its text (style toc&lt;level&gt;).</summary>
public sealed record PrintContentsEntry(int Level, string Target, PrintParagraph Text);

/// <summary>Blocks kept together with a role (cover, end matter) that writers may treat specially.</summary>
public sealed record PrintGroup(string Role, bool KeepTogether, IReadOnlyList<PrintBlock> Blocks) : PrintBlock;

public sealed record PrintRule(double Thickness, string Color, double SpaceBefore, double SpaceAfter) : PrintBlock;

public sealed record PrintSpacer(double Height) : PrintBlock;

public sealed record PrintPageBreak : PrintBlock;

public abstract record PrintInline;

/// <summary>Text with its inline formatting flattened from the nesting of em/strong/code/link; code is set in the theme's code face.</summary>
public sealed record PrintText(string Text, bool Bold, bool Italic, string? Href, bool Code = false) : PrintInline
{
    /// <summary>For a caption's number (&lt;number of="table"&gt;): the sequence it counts in, "figure" or "table"; Word writes it as a SEQ field.</summary>
    public string? Sequence { get; init; }
}

/// <summary>Where a footnote is cited; the note travels with its call so pagination can place it.</summary>
public sealed record PrintNoteCall(PrintNote Note) : PrintInline;

public sealed record PrintNote(string Id, string Mark, IReadOnlyList<PrintParagraph> Paragraphs);

public sealed record PrintLineBreak : PrintInline;

public enum PrintFieldKind { PageNumber, PageCount }

public sealed record PrintField(PrintFieldKind Kind) : PrintInline;
