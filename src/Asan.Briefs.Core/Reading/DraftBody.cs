using Asan.Briefs.Model;

namespace Asan.Briefs.Reading;

// One language's body as read from its Markdown file, with source positions, before the languages
// are aligned into the canonical model.

public sealed record SourceSpot(string File, int Line, int Column);

public abstract record DraftBlock(SourceSpot Spot)
{
    public abstract string Kind { get; }
}

public sealed record DraftParagraph(SourceSpot Spot, IReadOnlyList<Inline> Inlines) : DraftBlock(Spot)
{
    public override string Kind => "paragraph";
}

public sealed record DraftList(SourceSpot Spot, bool Ordered, int Start, IReadOnlyList<DraftListItem> Items) : DraftBlock(Spot)
{
    public override string Kind => Ordered ? "ordered list" : "unordered list";
}

public sealed record DraftListItem(SourceSpot Spot, IReadOnlyList<DraftBlock> Blocks);

public sealed record DraftQuote(SourceSpot Spot, IReadOnlyList<DraftBlock> Blocks) : DraftBlock(Spot)
{
    public override string Kind => "block quote";
}

/// <summary>A figure; <see cref="LanguageImagePath"/> is this language's own image beside it (chart.ko.png), if there is one.</summary>
public sealed record DraftFigure(SourceSpot Spot, string ImagePath, string Alt, IReadOnlyList<Inline> Caption, string Credit, string? LanguageImagePath = null) : DraftBlock(Spot)
{
    public override string Kind => "figure";
}

public sealed record DraftTable(SourceSpot Spot, IReadOnlyList<ColumnAlign> Columns, IReadOnlyList<DraftRow> Rows) : DraftBlock(Spot)
{
    public override string Kind => "table";
}

public sealed record DraftRow(bool IsHeader, IReadOnlyList<IReadOnlyList<Inline>> Cells);

public sealed record DraftSection(string Id, int Level, IReadOnlyList<Inline>? Heading, SourceSpot Spot, IReadOnlyList<DraftBlock> Blocks);

public sealed record DraftFootnote(string Label, SourceSpot Spot, IReadOnlyList<IReadOnlyList<Inline>> Paragraphs);

public sealed record DraftBody(
    string Lang,
    string File,
    IReadOnlyList<DraftSection> Sections,
    IReadOnlyList<DraftFootnote> Footnotes,
    IReadOnlyList<string> ReferenceOrder)
{
    /// <summary>Every link to an anchor of this document (#id), by the anchor, where it stands.</summary>
    public IReadOnlyList<(string Anchor, SourceSpot Spot)> InternalLinks { get; init; } = [];
}
