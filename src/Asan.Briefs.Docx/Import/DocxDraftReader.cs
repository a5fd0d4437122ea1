using System.IO.Packaging;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Footnote = DocumentFormat.OpenXml.Wordprocessing.Footnote;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// Reads a Word draft of a brief back into one language's body, as pandoc's readers turn a file into
/// its syntax tree: the same <see cref="DraftBody"/> the Markdown reader gives, so the canonical
/// Markdown writer can write it and the language aligner can line it up. Native footnotes keep their
/// labels through the bookmark the writer puts in each; headings keep their ids through theirs.
/// </summary>
public static class DocxDraftReader
{
    /// <exception cref="DraftException">when the file is not a Word document, is damaged, or is not a draft of a brief.</exception>
    public static ImportedDraft Read(string path, ImportTarget target)
    {
        var file = Diagnostics.DisplayPath.Of(path);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentException or System.Xml.XmlException)
        {
            throw new DraftException($"{file}: error: not a Word document, or a damaged one ({e.Message.TrimEnd('.')}); export the draft again with `asan-briefs build --format docx`, or re-save it from Word as .docx");
        }
        using (document)
        {
            try
            {
                return Read(document, file, target);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException)
            {
                throw new DraftException($"{file}: error: the document is damaged ({e.Message.TrimEnd('.')}); open it in Word or LibreOffice and save it again");
            }
        }
    }

    private static ImportedDraft Read(WordprocessingDocument document, string file, ImportTarget target)
    {
        var main = document.MainDocumentPart ?? throw new DraftException($"{file}: error: the package has no Word document in it; import a .docx written by Word, LibreOffice or `asan-briefs build`");
        var body = main.Document?.Body ?? throw new DraftException($"{file}: error: the document has no body");
        var styles = new StyleRoles(main);
        var changes = new DraftChanges();
        var names = new DraftNames(target);
        var notices = new List<string>();
        var newImages = new List<NewImage>();

        var notes = main.FootnotesPart?.Footnotes?.Elements<Footnote>()
            .Where(f => f.Type?.InnerText is null or "" or "normal")
            .ToDictionary(f => f.Id?.Value ?? 0) ?? [];
        var labels = new Dictionary<long, string>();
        // Labels some note's bookmark carries: never given to another note by position.
        var claimed = notes.Values.SelectMany(n => n.Descendants<BookmarkStart>()).Select(b => b.Name?.Value ?? "")
            .Where(DraftNames.IsNote).Select(names.Note).ToHashSet(StringComparer.Ordinal);
        string Label(long id)
        {
            if (labels.TryGetValue(id, out var known)) return known;
            var note = notes.GetValueOrDefault(id);
            var bookmark = note?.Descendants<BookmarkStart>().Select(b => b.Name?.Value ?? "").FirstOrDefault(DraftNames.IsNote);
            return labels[id] = bookmark is not null ? names.Note(bookmark) : Unlabelled(note, labels, claimed, target, file, notices);
        }
        var inlines = new InlineReader(main, changes, Label, names.Heading);
        var blocks = new DraftBlockReader(main, styles, inlines, changes, names, target, file, notices, newImages);
        var sections = blocks.Read(body.ChildElements);

        if (!IsOurs(blocks.Matter, sections, labels.Count))
            throw new DraftException($"{file}: error: this is not a Word draft of a brief (no cover with a title, no headings with ids); import only drafts made by `asan-briefs build` and edited in Word or LibreOffice");

        var footnotes = new List<DraftFootnote>();
        var noteInlines = main.FootnotesPart is { } part ? new InlineReader(part, changes, Label, names.Heading) : inlines;
        foreach (var (id, label) in labels.ToList())
        {
            changes.Block = $"note [^{label}]";
            var paragraphs = notes[id].Elements<Paragraph>().Select(p => (IReadOnlyList<Inline>)noteInlines.Read(p)).Where(p => p.Count > 0).ToList();
            footnotes.Add(new DraftFootnote(label, new SourceSpot(file, 0, 0), paragraphs));
        }
        var order = labels.Values.ToList();
        var draftBody = new DraftBody(target.Lang, file, sections, footnotes, order);
        var metadata = Metadata(blocks.Matter) with
        {
            RunningHead = RunningHead(main),
            Subject = document.PackageProperties.Subject,
            Keywords = document.PackageProperties.Keywords,
        };
        return new ImportedDraft(draftBody, metadata, notices, changes.Changes, Comments(main, styles, sections), newImages);
    }

    /// <summary>
    /// The label of a note whose bookmark is gone (LibreOffice keeps only the first note's; a note added
    /// in Word never had one): the brief's note with the same text, else the one at the same place,
    /// else a new label.
    /// </summary>
    private static string Unlabelled(Footnote? note, Dictionary<long, string> labels, HashSet<string> claimed, ImportTarget target, string file, List<string> notices)
    {
        var taken = labels.Values.Concat(claimed).ToHashSet(StringComparer.Ordinal);
        // The brief's note text has no words for its cross-references ("Figure 1" is the writer's): compared without them.
        var text = Squeeze(note is null ? "" : CaptionReader.TextWithoutReferences(note));
        if (target.Notes.FirstOrDefault(n => !taken.Contains(n.Label) && Squeeze(n.Text) == text) is { } same) return same.Label;
        var position = labels.Count;
        if (position < target.Notes.Count && !taken.Contains(target.Notes[position].Label))
        {
            var label = target.Notes[position].Label;
            notices.Add($"{file}: note {position + 1} has lost its label and its text changed; matched by position to [^{label}]");
            return label;
        }
        var existing = target.NoteLabels.ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var label = $"note-{n}";
            if (taken.Contains(label) || existing.Contains(label)) continue;
            notices.Add($"{file}: note {position + 1} is new; it is labelled [^{label}] (rename the label in both languages if you like)");
            return label;
        }
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsOurs(List<(string Style, string Text)> matter, List<DraftSection> sections, int notes) =>
        matter.Any(m => m.Style == "title") || sections.Any(s => s.Level > 0);

    /// <summary>The cover's title, subtitle and authors (name, then the "role, affiliation" line).</summary>
    private static DraftMetadata Metadata(List<(string Style, string Text)> matter)
    {
        var cover = matter.TakeWhile(m => m.Style is not ("endmatter-heading" or "endmatter")).ToList();
        var authors = new List<DraftAuthor>();
        foreach (var (style, text) in cover)
        {
            if (style == "author") authors.Add(new DraftAuthor(text, null));
            else if (style == "affiliation" && authors.Count > 0) authors[^1] = authors[^1] with { Line = text };
        }
        var endMatter = new List<DraftEndMatter>();
        foreach (var (style, text) in matter.Skip(cover.Count))
        {
            if (style == "endmatter-heading") endMatter.Add(new DraftEndMatter(text, []));
            else if (style == "endmatter" && endMatter.Count > 0) endMatter[^1] = endMatter[^1] with { Paragraphs = [.. endMatter[^1].Paragraphs, text] };
        }
        return new DraftMetadata(
            cover.FirstOrDefault(m => m.Style == "title").Text,
            cover.FirstOrDefault(m => m.Style == "subtitle").Text,
            authors)
        { EndMatter = endMatter };
    }

    /// <summary>The slots of the running head after the first page (tab-separated in one paragraph), empty ones left out.</summary>
    private static IReadOnlyList<string> RunningHead(MainDocumentPart main)
    {
        var section = main.Document!.Body!.Elements<SectionProperties>().LastOrDefault();
        var reference = section?.Elements<HeaderReference>().FirstOrDefault(h => h.Type?.InnerText is null or "default");
        if (reference?.Id?.Value is not { } id || main.GetPartById(id) is not HeaderPart header) return [];
        var paragraph = header.Header?.Elements<Paragraph>().FirstOrDefault(p => p.InnerText.Length > 0);
        if (paragraph is null) return [];
        var slots = new List<string> { "" };
        foreach (var piece in paragraph.Descendants().Where(e => e is Text or TabChar))
        {
            if (piece is TabChar) slots.Add("");
            else slots[^1] += ((Text)piece).Text;
        }
        return slots.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    private static List<DraftComment> Comments(MainDocumentPart main, StyleRoles styles, List<DraftSection> sections)
    {
        var comments = main.WordprocessingCommentsPart?.Comments?.Elements<Comment>().ToList() ?? [];
        if (comments.Count == 0) return [];
        // The block a comment is anchored in: the heading before its range start.
        var anchors = new Dictionary<string, string>();
        var section = MarkdownBodyReader.IntroductionId;
        var headingIndex = 0;
        var headingSections = sections.Where(s => s.Level > 0).ToList();
        foreach (var paragraph in main.Document!.Body!.Descendants<Paragraph>())
        {
            if (styles.Of(paragraph) is { } style && WordStyles.HeadingLevel(style) is not null && headingIndex < headingSections.Count)
                section = headingSections[headingIndex++].Id;
            foreach (var start in paragraph.Descendants<CommentRangeStart>().Concat<OpenXmlElement>(paragraph.Descendants<CommentReference>()))
            {
                var id = start is CommentRangeStart s ? s.Id?.Value : ((CommentReference)start).Id?.Value;
                if (id is not null) anchors.TryAdd(id, $"section '{section}': \"{Excerpt(paragraph.InnerText)}\"");
            }
        }
        return comments.Select(c => new DraftComment(c.Author?.Value ?? "", c.Date?.InnerText ?? "",
            string.Join(" ", c.Elements<Paragraph>().Select(p => p.InnerText)), anchors.TryGetValue(c.Id?.Value ?? "", out var a) ? a : "")).ToList();
    }

    private static string Excerpt(string text) => text.Length <= 50 ? text : text[..50] + "…";
}
