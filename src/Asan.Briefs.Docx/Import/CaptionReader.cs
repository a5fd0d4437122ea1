using Asan.Briefs.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// A figure's or table's caption back from Word: the number the writer made ("Table " and a SEQ field,
/// as Word's Insert Caption makes it, then ". ") is the model's count, not text, so only what follows
/// it is the caption; the id comes back from the bookmark the writer put on the figure or caption.
/// A caption whose number an editor typed over (no SEQ field) is kept as it reads.
/// </summary>
internal static class CaptionReader
{
    /// <summary>The caption's text after its number.</summary>
    public static List<Inline> Text(Paragraph caption, InlineReader inlines)
    {
        var copy = (Paragraph)caption.CloneNode(true);
        if (!StripNumber(copy)) return inlines.Read(caption);
        var text = inlines.Read(copy);
        if (text is [TextInline head, ..])
        {
            var rest = head.Text.TrimStart('.', '．').TrimStart();
            if (rest.Length == 0) text.RemoveAt(0); else text[0] = new TextInline(rest);
        }
        return text;
    }

    /// <summary>The figure's or table's id from a bookmark the writer named after it (fig_trade → fig:trade), or null.</summary>
    public static string? Label(OpenXmlElement element) =>
        element.Descendants<BookmarkStart>()
            .Select(b => Model.Numbering.LabelOfAnchor((b.Name?.Value ?? "").Replace('_', '-').ToLowerInvariant()))
            .FirstOrDefault(label => label is not null);

    /// <summary>An element's text without the words of its cross-references (links to a figure's or table's bookmark).</summary>
    public static string TextWithoutReferences(OpenXmlElement element) =>
        string.Concat(element.Descendants<Text>()
            .Where(t => !t.Ancestors<Hyperlink>().Any(h => h.Anchor?.Value is { } anchor && Model.Numbering.LabelOfAnchor(anchor.Replace('_', '-').ToLowerInvariant()) is not null))
            .Select(t => t.Text));

    /// <summary>Removes everything up to and including the first SEQ field (simple, or begin…end as LibreOffice saves it); false when there is none.</summary>
    private static bool StripNumber(Paragraph paragraph)
    {
        var children = paragraph.ChildElements.ToList();
        var end = -1;
        var inSequence = false;
        for (var i = 0; i < children.Count && end < 0; i++)
        {
            var child = children[i];
            if (child is SimpleField field && IsSequence(field.Instruction?.Value)) end = i;
            else if (child.Descendants<FieldCode>().Any(code => IsSequence(code.Text))) inSequence = true;
            else if (inSequence && child.Descendants<FieldChar>().Any(c => c.FieldCharType?.Value == FieldCharValues.End)) end = i;
        }
        if (end < 0) return false;
        foreach (var child in children.Take(end + 1).Where(c => c is not ParagraphProperties and not BookmarkStart and not BookmarkEnd))
            child.Remove();
        return true;
    }

    private static bool IsSequence(string? instruction) =>
        instruction is not null && instruction.TrimStart().StartsWith("SEQ ", StringComparison.OrdinalIgnoreCase);
}
