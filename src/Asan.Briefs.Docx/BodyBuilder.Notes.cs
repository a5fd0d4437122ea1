using Asan.Briefs.PrintMarkup;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>Notes: each note call becomes a native footnote, bookmarked with the note's id.</summary>
internal sealed partial class BodyBuilder
{
    private int Footnote(PrintNote note)
    {
        var id = _state.Footnotes.Count + 1;
        var footnote = new Footnote { Id = id };
        var paragraphs = note.Paragraphs.Count > 0 ? note.Paragraphs : [new PrintParagraph([]) { Style = "note" }];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var style = note.Paragraphs.Count > 0 ? Doc.StyleOf(p) : Doc.Style("note");
            var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleId(style) } });
            if (i == 0) paragraph.Append(new Run(new RunProperties(new RunStyle { Val = WordStyles.FootnoteReferenceId }), new FootnoteReferenceMark()));
            // Word's footnote text follows its mark after a space.
            paragraph.Append(Inlines(p.Inlines, _ctx.Main.FootnotesPart!, style, afterSpace: i == 0));
            // The note's id as a bookmark: an import reads the note's label back from it.
            if (i == 0) _bookmarks.Add(paragraph, note.Id);
            footnote.Append(paragraph);
        }
        _state.Footnotes.Add(footnote);
        return id;
    }
}
