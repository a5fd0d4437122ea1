using System.Diagnostics;
using System.Text.RegularExpressions;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Asan.Briefs.Tests.Editions;

/// <summary>The PDF editions of both briefs, read back with PdfPig and poppler and compared with the model.</summary>
public partial class PdfEditionTests
{
    private static PdfText Read(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        return new PdfText(RenderedEditions.Pdf(id, lang), document, Repository.Theme.Style("note", lang).Size);
    }

    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();


    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Every_word_of_the_flow_is_in_the_pdf_in_reading_order(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var expected = PdfText.Expected(document);
        var pdf = Read(id, lang);
        var body = PdfText.Squeeze(pdf.Body.ToString());
        var expectedBody = expected.Body;
        // The contents (checked in ContentsPageTests) are not flow text: the markup holds their title and
        // entries, the page adds leaders and page numbers. Taken out here, in one piece, where they are.
        foreach (var contents in document.Blocks.OfType<PrintContents>())
        {
            string Text(PrintParagraph p) => System.Text.RegularExpressions.Regex.Escape(PdfText.Squeeze(PrintWalker.PlainText(p.Inlines)));
            var pattern = Text(contents.Title) + string.Concat(contents.Entries.Select(e => Text(e.Text) + @"\.*\d+"));
            var found = System.Text.RegularExpressions.Regex.Match(body, pattern);
            Assert.True(found.Success, $"the contents are not in the PDF in one piece: {pattern}");
            body = body.Remove(found.Index, found.Length);
        }
        // A figure may float to the top of the next page, so its caption and credit are checked
        // on their own and the rest of the flow must be in order around them.
        foreach (var figure in PrintWalker.Descendants(document.Blocks).OfType<PrintFigure>())
        {
            foreach (var line in new[] { figure.Caption, figure.Credit }.OfType<PrintParagraph>())
            {
                var text = PdfText.Squeeze(PrintWalker.PlainText(line.Inlines));
                var at = body.IndexOf(text, StringComparison.Ordinal);
                Assert.True(at >= 0, $"figure text missing from the PDF: {text}");
                body = body.Remove(at, text.Length);
                expectedBody = expectedBody.Remove(expectedBody.IndexOf(text, StringComparison.Ordinal), text.Length);
            }
        }
        Assert.True(expectedBody == body, PdfText.Describe(expectedBody, body));
        var notes = PdfText.Squeeze(pdf.Notes.ToString());
        Assert.True(expected.Notes == notes, PdfText.Describe(expected.Notes, notes));
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Each_footnote_starts_on_the_page_that_cites_it(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var pdf = Read(id, lang);
        var notes = document.Notes().ToList();
        Assert.Equal(notes.Select(n => n.Mark), pdf.NoteCalls.Select(c => c.Mark));
        foreach (var (note, call) in notes.Zip(pdf.NoteCalls))
        {
            var opening = PdfText.Squeeze(note.Mark + PrintWalker.PlainText(note.Paragraphs[0].Inlines));
            opening = opening[..Math.Min(opening.Length, 12)];
            Assert.True(pdf.PageNotes[call.Page - 1].Contains(opening, StringComparison.Ordinal),
                $"note {note.Mark} is cited on page {call.Page} but does not start there");
        }
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Pages_are_A4_and_fonts_are_embedded_subsets(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(595.28, page.Width, 0.5);
            Assert.Equal(841.89, page.Height, 0.5);
            foreach (var font in page.Letters.Select(l => l.FontName).Distinct())
                Assert.Matches(@"^[A-Z]{6}\+", font);
        }
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Metadata_language_and_outline_come_from_the_content(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        Assert.Equal(document.Info.Title, pdf.Information.Title);
        Assert.Equal(document.Info.Author, pdf.Information.Author);
        Assert.Equal(document.Info.Subject, pdf.Information.Subject);
        Assert.Equal(document.Info.Keywords, pdf.Information.Keywords);
        Assert.Equal(document.Info.Creator, pdf.Information.Creator);
        Assert.StartsWith("D:" + document.Info.Created.ToString("yyyyMMdd"), pdf.Information.CreationDate);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Create("Lang"), out var langToken), "no /Lang in the catalog");
        Assert.Equal(lang, (langToken as StringToken)?.Data);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "no outline");
        var expected = PrintWalker.Descendants(document.Blocks).OfType<PrintHeading>().Where(h => h.Outline)
            .Select(h => PrintWalker.PlainText(h.Inlines)).ToList();
        var actual = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.Equal(expected, actual);
        var brief = Repository.Brief(id);
        Assert.Equal(brief.Sections.Count(s => s.Level > 0), actual.Count);
    }

    [Fact]
    public void Two_builds_give_identical_bytes()
    {
        var brief = Repository.Brief(Repository.FeatureTour);
        byte[] Build() => new Publisher(Workspace.At(Repository.Root), new BuildStamp(null)).Render(brief, "ko", OutputFormat.Pdf).Single().Bytes;
        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void Seed_brief_stays_under_250_KB_per_language()
    {
        foreach (var lang in new[] { "en", "ko" })
            Assert.InRange(RenderedEditions.Pdf(Repository.SeedBrief, lang).Length, 1, 250 * 1024);
    }

    [Fact]
    public void Pdftotext_of_the_English_seed_holds_every_sentence_of_the_corrected_source()
    {
        // Only the text area: the running head and foot would otherwise split sentences that run over a page.
        var page = RenderedEditions.PrintDocument(Repository.SeedBrief, "en").Page;
        var top = (int)(page.HeaderOffset + 4);
        var height = (int)(page.Height - page.HeaderOffset - page.FooterOffset - 12);
        var text = ExternalTool.Run("pdftotext", $"-enc UTF-8 -x 0 -y {top} -W {(int)page.Width} -H {height} - -", RenderedEditions.Pdf(Repository.SeedBrief, "en"));
        // Lines rejoin with a space, except after a hyphen or dash the line was broken at, and a
        // hyphen added at a break (extracted as a soft hyphen) goes with its line end.
        var joined = SeedSource.Normalize(Regex.Replace(Regex.Replace(text, @"\u00AD\s*", ""), @"(?<=[-–—])\n", "").Replace('\n', ' '));
        var missing = SeedSource.Sentences().Where(s => !joined.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in pdftotext output:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Qpdf_finds_no_errors(string id, string lang)
    {
        var output = ExternalTool.RunOnFile("qpdf", "--check {file}", RenderedEditions.Pdf(id, lang), "pdf");
        Assert.Contains("No syntax or stream encoding errors", output);
    }
}
