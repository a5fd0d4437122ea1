using Asan.Briefs.Reading;

namespace Asan.Briefs.Docx.Import;

/// <summary>What the importer knows of the brief a draft belongs to, so ids and labels Word cannot carry exactly come back exactly.</summary>
/// <param name="BriefDirectory">The brief's folder: figure images are matched against its PNG files.</param>
/// <param name="HeadingIds">Heading ids of the brief's current bodies, in order (this language first).</param>
/// <param name="Notes">The brief's notes in this language, in order of first citation: label and plain text.</param>
public sealed record ImportTarget(string BriefDirectory, string Lang, IReadOnlyList<string> HeadingIds, IReadOnlyList<TargetNote> Notes)
{
    public IEnumerable<string> NoteLabels => Notes.Select(n => n.Label);

    /// <summary>The target for importing into <paramref name="body"/>: its heading ids, then other languages' ones, and its notes.</summary>
    public static ImportTarget Of(string briefDirectory, DraftBody body, IEnumerable<string> otherHeadingIds) => new(
        briefDirectory, body.Lang,
        body.Sections.Where(s => s.Level > 0).Select(s => s.Id).Concat(otherHeadingIds).Distinct().ToList(),
        body.ReferenceOrder.Select(label => new TargetNote(label,
            string.Join(" ", body.Footnotes.First(f => f.Label == label).Paragraphs.Select(Model.Inlines.PlainText)))).ToList());
}

public sealed record TargetNote(string Label, string Text);

/// <summary>An unresolved tracked change: who made it, when, what it does, and the block it is in.</summary>
public sealed record TrackedChange(string Kind, string Author, string Date, string Text, string Block);

public sealed record DraftComment(string Author, string Date, string Text, string Block);

/// <summary>An image of the draft that no PNG of the brief's folder holds; its bytes as Word stored them.</summary>
public sealed record NewImage(string FileName, byte[] Bytes);

/// <summary>
/// The localised brief.yaml fields the draft carries: the cover (title, subtitle, authors), the running
/// head's slots (the short title), the end matter by heading (bios, disclaimer) and the document
/// properties Word shows under File › Info (summary as subject, keywords).
/// </summary>
public sealed record DraftMetadata(string? Title, string? Subtitle, IReadOnlyList<DraftAuthor> Authors)
{
    public IReadOnlyList<string> RunningHead { get; init; } = [];
    public IReadOnlyList<DraftEndMatter> EndMatter { get; init; } = [];
    public string? Subject { get; init; }
    public string? Keywords { get; init; }
}

public sealed record DraftAuthor(string Name, string? Line);

/// <summary>One heading of the end matter and the plain text of the paragraphs under it.</summary>
public sealed record DraftEndMatter(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A draft read back: its body as the Markdown reader would give it, and what the importer must tell the user.</summary>
public sealed record ImportedDraft(
    DraftBody Body,
    DraftMetadata Metadata,
    IReadOnlyList<string> Notices,
    IReadOnlyList<TrackedChange> Changes,
    IReadOnlyList<DraftComment> Comments,
    IReadOnlyList<NewImage> NewImages);

/// <summary>A file that is not a Word draft of ours, or is damaged: the message says which and what to do.</summary>
public sealed class DraftException(string message) : Exception(message);
