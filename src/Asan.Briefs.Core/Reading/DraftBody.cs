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

    /// <summary>The cross-reference id after the image (`{#fig:trade}`), or null.</summary>
    public string? Label { get; init; }
}

public sealed record DraftTable(SourceSpot Spot, IReadOnlyList<ColumnAlign> Columns, IReadOnlyList<DraftRow> Rows) : DraftBlock(Spot)
{
    public override string Kind => "table";

    /// <summary>The caption's text (`Table: …` before the table), or null when the table has none.</summary>
    public IReadOnlyList<Inline>? Caption { get; init; }

    /// <summary>The cross-reference id at the end of the caption (`{#tbl:exports}`), or null.</summary>
    public string? Label { get; init; }
}

/// <summary>A table's caption as read (`Table: …`), before it is joined to the table right after it.</summary>
public sealed record DraftTableCaption(SourceSpot Spot, IReadOnlyList<Inline> Inlines, string? Label) : DraftBlock(Spot)
{
    public override string Kind => "table caption";
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

    /// <summary>Every cross-reference (`[@fig:trade]`), by the id it names, where it stands.</summary>
    public IReadOnlyList<(string Target, SourceSpot Spot)> References { get; init; } = [];
}
