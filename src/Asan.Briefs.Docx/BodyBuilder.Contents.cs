using Asan.Briefs.PrintMarkup;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// The table of contents as Word's own: a heading in "TOC Heading", then a TOC field whose cached
/// result is one "toc N" paragraph per entry, each a hyperlink to its heading's bookmark. The cache has
/// no page numbers (the writer does not paginate); the field is marked dirty and the settings ask Word
/// to update fields on opening, which fills them in. The importer drops the heading, the field and its
/// paragraphs, so the round trip stays exact.
/// </summary>
internal sealed partial class BodyBuilder
{
    /// <summary>The field's instruction: heading levels 1–3 by outline level (\o, \u), entries as links (\h), no page numbers in web view (\z).</summary>
    public const string ContentsInstruction = " TOC \\o \"1-3\" \\h \\z \\u ";

    /// <summary>Whether the body has a contents field, for the settings' updateFields.</summary>
    public bool HasContents { get; private set; }

    protected override void VisitContents(PrintContents contents, Context ctx)
    {
        if (contents.Entries.Count == 0) return;
        HasContents = true;
        var title = TextParagraph(Doc.StyleOf(contents.Title), contents.Title.Inlines, ctx, contents.Title);
        (title.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
        _state.Body.Add(title);
        for (var i = 0; i < contents.Entries.Count; i++)
        {
            var entry = contents.Entries[i];
            var style = Doc.StyleOf(entry.Text);
            var paragraph = NewParagraph(style, ctx);
            if (i == 0)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                    new Run(new FieldCode(ContentsInstruction) { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }
            var link = new Hyperlink { Anchor = _bookmarks.Name(entry.Target), History = OnOffValue.FromBoolean(true) };
            link.Append(Inlines(entry.Text.Inlines, _ctx.Main, style));
            paragraph.Append(link);
            if (i == contents.Entries.Count - 1)
            {
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                // The gap below the contents, from the block's own style.
                paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = DocxUnits.Twips(Math.Max(style.SpaceAfter, Doc.StyleOf(contents).SpaceAfter)) };
            }
            _state.Body.Add(paragraph);
        }
    }
}
