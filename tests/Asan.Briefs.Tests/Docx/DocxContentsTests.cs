using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Import;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Docx;

/// <summary>The Word edition's table of contents, read back with the Open XML SDK against the one contents rule.</summary>
public sealed class DocxContentsTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    [Theory, MemberData(nameof(Editions))]
    public void A_TOC_field_lists_the_rules_entries_linked_to_the_headings_bookmarks(string id, string lang)
    {
        var entries = TableOfContents.For(Repository.Brief(id), lang, Repository.Theme.File.Contents);
        using var docx = DocxSamples.Open(RenderedEditions.Docx(id, lang));
        var main = docx.MainDocumentPart!;
        var body = main.Document!.Body!;
        var fields = body.Descendants<FieldCode>().Where(c => c.Text.TrimStart().StartsWith("TOC", StringComparison.Ordinal)).ToList();
        var tocParagraphs = body.Descendants<Paragraph>().Where(p => StyleOf(p).StartsWith("TOC", StringComparison.Ordinal)).ToList();
        var updateFields = main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>();
        if (entries.Count == 0)
        {
            Assert.Empty(fields);
            Assert.Empty(tocParagraphs);
            Assert.Null(updateFields);
            return;
        }
        Assert.Equal(" TOC \\o \"1-3\" \\h \\z \\u ", Assert.Single(fields).Text);
        // Word fills in the page numbers the cache leaves out when it updates the fields on opening.
        Assert.True(updateFields!.Val!.Value);
        Assert.True(body.Descendants<FieldChar>().First().Dirty!.Value);

        var heading = Assert.Single(tocParagraphs, p => StyleOf(p) == "TOCHeading");
        Assert.Equal(Repository.Publisher.Templates.I18n(lang).Values["labels"] is Scriban.Runtime.ScriptObject l ? l["contents"] : null, heading.InnerText);
        var listed = tocParagraphs.Where(p => p != heading).ToList();
        Assert.Equal(entries.Select(e => ($"TOC{e.Level}", e.Text)), listed.Select(p => (StyleOf(p), p.Descendants<Text>().Aggregate("", (s, t) => s + t.Text))));

        // Each entry links to the bookmark on the heading paragraph with its text and level.
        var bookmarked = body.Descendants<BookmarkStart>().ToDictionary(b => b.Name!.Value!, b => b.Ancestors<Paragraph>().First());
        foreach (var (paragraph, entry) in listed.Zip(entries))
        {
            var link = Assert.Single(paragraph.Elements<Hyperlink>());
            var target = bookmarked[link.Anchor!.Value!];
            Assert.Equal($"Heading{entry.Level}", StyleOf(target));
            Assert.Equal(entry.Text, target.Descendants<Text>().Aggregate("", (s, t) => s + t.Text));
        }
        // The field opens in the first entry and closes in the last: no paragraph of the body outside it.
        Assert.Equal(FieldCharValues.Begin, listed[0].Descendants<FieldChar>().First().FieldCharType!.Value);
        Assert.Equal(FieldCharValues.End, listed[^1].Descendants<FieldChar>().Last().FieldCharType!.Value);

        // Word's built-in styles, so that its own update keeps the look; the heading is outside the outline.
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("TOC Heading", styles["TOCHeading"].StyleName!.Val!.Value);
        Assert.Equal(9, styles["TOCHeading"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        foreach (var level in entries.Select(e => e.Level).Distinct())
            Assert.Equal($"toc {level}", styles[$"TOC{level}"].StyleName!.Val!.Value);
    }

    [Fact]
    public void A_draft_whose_contents_Word_updated_imports_to_the_same_body()
    {
        const string id = Repository.FeatureTour;
        foreach (var lang in new[] { "en", "ko" })
        {
            var updated = AsUpdatedByWord(RenderedEditions.Docx(id, lang));
            var draft = ImportSupport.Read(id, lang, updated);
            Assert.Equal(File.ReadAllText(ImportSupport.BodyPath(id, lang)), ImportSupport.Markdown(id, draft));
            Assert.Empty(draft.Notices);
        }
    }

    [Fact]
    public void LibreOffice_keeps_the_contents_field_when_it_resaves_the_draft()
    {
        using var docx = DocxSamples.Open(ImportSupport.ResavedByLibreOffice(Repository.FeatureTour, "en"));
        var body = docx.MainDocumentPart!.Document!.Body!;
        var instructions = body.Descendants<FieldCode>().Select(c => c.Text).Concat(body.Descendants<SimpleField>().Select(f => f.Instruction!.Value!));
        Assert.Contains(instructions, i => i.TrimStart().StartsWith("TOC", StringComparison.Ordinal));
    }

    /// <summary>
    /// What Word writes after updating the field: the contents in a "Table of Contents" content control,
    /// _Toc bookmarks on the headings, entries linked to those with a tab and a PAGEREF page number, and
    /// the field's end in an empty paragraph of its own.
    /// </summary>
    private static byte[] AsUpdatedByWord(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var package = WordprocessingDocument.Open(stream, true))
        {
            var body = package.MainDocumentPart!.Document!.Body!;
            var paragraphs = body.Elements<Paragraph>().ToList();
            var heading = paragraphs.Single(p => StyleOf(p) == "TOCHeading");
            var entries = paragraphs.Where(p => StyleOf(p).StartsWith("TOC", StringComparison.Ordinal) && p != heading).ToList();
            var bookmarks = body.Descendants<BookmarkStart>().ToDictionary(b => b.Name!.Value!, b => b.Ancestors<Paragraph>().First());
            var n = 100;
            foreach (var entry in entries)
            {
                var link = entry.Elements<Hyperlink>().Single();
                var toc = $"_Toc{n++}";
                var target = bookmarks[link.Anchor!.Value!];
                target.ParagraphProperties!.InsertAfterSelf(new BookmarkStart { Name = toc, Id = n.ToString() });
                target.Append(new BookmarkEnd { Id = n.ToString() });
                link.Anchor = toc;
                link.Append(
                    new Run(new TabChar()),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode($" PAGEREF {toc} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new Text("2")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }
            var end = entries[^1].Elements<Run>().Last();
            end.Remove();
            var closing = new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            entries[^1].InsertAfterSelf(closing);
            var content = new SdtContentBlock();
            heading.InsertBeforeSelf(new SdtBlock(
                new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
                content));
            foreach (var p in new[] { heading }.Concat(entries).Append(closing)) { p.Remove(); content.Append(p); }
            package.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }
}
