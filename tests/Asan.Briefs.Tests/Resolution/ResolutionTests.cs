using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Docx;
using Asan.Briefs.Pdf;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Tests.Docx;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Resolution;

/// <summary>What the resolution stage decides once holds in every writer's output.</summary>
public sealed class ResolutionTests
{
    private static HashSet<char> Where(Func<char, bool> rule) =>
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(rule).ToHashSet();

    [Fact]
    public void Word_break_lists_are_the_line_breakers_sets()
    {
        // Read back with the Open XML SDK and compared with what the PDF line breaker tests, character by character.
        using var docx = DocxSamples.Open(RenderedEditions.Docx(Repository.FeatureTour, "ko"));
        var settings = docx.MainDocumentPart!.DocumentSettingsPart!.Settings!;
        var before = settings.GetFirstChild<NoLineBreaksBeforeKinsoku>()!;
        var after = settings.GetFirstChild<NoLineBreaksAfterKinsoku>()!;
        Assert.Equal("ko-KR", before.Language!.Value);
        Assert.Equal("ko-KR", after.Language!.Value);
        Assert.Equal(Where(TextRules.IsLineStartProhibited).Order(), before.Val!.Value!.ToHashSet().Order());
        Assert.Equal(Where(TextRules.IsLineEndProhibited).Order(), after.Val!.Value!.ToHashSet().Order());
        // The union of the two lists the engine and the Word writer used to keep apart.
        Assert.Superset("-‥、。％¢°–—〗〙〛".ToHashSet(), before.Val!.Value!.ToHashSet());
        Assert.Superset("$£¥〖〘〚".ToHashSet(), after.Val!.Value!.ToHashSet());
    }

    [Fact]
    public void Note_anchors_in_the_PDF_are_the_HTML_editions()
    {
        var html = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(RenderedEditions.File(Repository.FeatureTour, "en", "html")));
        var htmlAnchors = html.QuerySelectorAll("[id^='note-'], [id^='call-note-']").Select(e => e.Id!).Where(id => !id.StartsWith("note-note", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(htmlAnchors);
        // qpdf's uncompressed form lists the destination names as PDF strings.
        var qdf = ExternalTool.RunOnFile("qpdf", "--qdf --object-streams=disable {file} -", RenderedEditions.Pdf(Repository.FeatureTour, "en"), "pdf");
        var names = Regex.Matches(qdf, @"\((?<n>(note|call)-[A-Za-z0-9-]+)\)").Select(m => m.Groups["n"].Value).ToHashSet();
        Assert.DoesNotContain(names, n => n.StartsWith("note-note-", StringComparison.Ordinal));
        Assert.Subset(names, htmlAnchors);
    }

    [Fact]
    public void A_style_the_theme_lacks_falls_back_to_body_and_a_body_paragraph_takes_its_quotes_style()
    {
        var document = MarkupSamples.Parse(Markup("""<p style="no-such-style">x</p><quote><p>y</p></quote>"""));
        var resolved = ResolvedDocument.Resolve(document, Repository.Theme);
        Assert.Equal("body", resolved.StyleOf(document.Blocks[0]).Name);
        var quote = Assert.IsType<PrintQuote>(document.Blocks[1]);
        Assert.Equal("quote", resolved.StyleOf(quote.Blocks[0]).Name);
    }

    [Fact]
    public void A_figure_that_is_not_a_PNG_is_one_content_error_for_both_writers()
    {
        var fake = Path.Combine(Path.GetTempPath(), $"resolve-{Guid.NewGuid():N}.png");
        File.WriteAllText(fake, "GIF89a not a png at all, padded to more than twenty-four bytes");
        try
        {
            var document = MarkupSamples.Parse(Markup($"""<figure src="{fake}" alt="a"/>"""));
            var pdf = Assert.Throws<BriefException>(() => new PdfWriter().Write(document, Repository.Theme));
            var docx = Assert.Throws<BriefException>(() => new DocxWriter().Write(document, Repository.Theme));
            Assert.Equal(pdf.Message, docx.Message);
            Assert.Contains("not a PNG image", pdf.Message);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public void A_figure_is_sized_the_same_in_both_writers()
    {
        var document = MarkupSamples.Parse(Markup($"""<figure src="{MarkupSamples.Figure}" alt="a" width="50%"/>"""));
        var layout = new PdfWriter().Layout(document, Repository.Theme);
        var image = layout.Pages.SelectMany(p => p.Items).OfType<Asan.Briefs.Pdf.Layout.ImageItem>().Single();
        using var docx = DocxSamples.Open(new DocxWriter().Write(document, Repository.Theme));
        var extent = docx.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Single();
        Assert.Equal(image.Width, extent.Cx!.Value / 12700.0, 2);
        Assert.Equal(image.Height, extent.Cy!.Value / 12700.0, 2);
    }

    private static string Markup(string flow) => MarkupSamples.Wrap(flow);
}
