namespace Asan.Briefs.Model;

/// <summary>The canonical brief: metadata and body in every language, validated and aligned.</summary>
public sealed record Brief(
    string Id,
    string Directory,
    BriefMetadata Metadata,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Footnote> Footnotes)
{
    public IReadOnlyList<string> Languages => Metadata.Languages;

    /// <summary>What the reader found suspicious but not wrong (invisible characters), for the build to show.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> Warnings { get; init; } = [];

    public Footnote Footnote(string label) => Footnotes.First(f => f.Label == label);

    public IEnumerable<Block> AllBlocks => Sections.SelectMany(s => Blocks.Descendants(s.Blocks));
}

public sealed record BriefMetadata(
    IReadOnlyList<string> Languages,
    bool Example,
    string Series,
    string Number,
    DateOnly Date,
    Localized<string> Title,
    Localized<string> ShortTitle,
    Localized<string> Subtitle,
    Localized<string> Summary,
    Localized<IReadOnlyList<string>> Keywords,
    IReadOnlyList<Author> Authors,
    Localized<string> Disclaimer)
{
    /// <summary>brief.yaml's smart_punctuation: straight quotes, -- and ... in running text become typographic (the default).</summary>
    public bool SmartPunctuation { get; init; } = true;
}

public sealed record Author(
    Localized<string> Name,
    Localized<string> Role,
    Localized<string> Affiliation,
    Localized<string> Bio);

/// <summary>
/// A run of blocks under one heading. The introduction is the section before the first heading:
/// level 0, no heading, id "introduction".
/// </summary>
public sealed record Section(string Id, int Level, Localized<IReadOnlyList<Inline>>? Heading, IReadOnlyList<Block> Blocks);

/// <summary>A footnote; <see cref="Number"/> counts notes in order of first reference.</summary>
public sealed record Footnote(string Label, int Number, Localized<IReadOnlyList<IReadOnlyList<Inline>>> Paragraphs);
