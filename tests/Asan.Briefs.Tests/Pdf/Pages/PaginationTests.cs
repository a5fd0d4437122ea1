using System.Text;
using Asan.Briefs.Pdf;
using Asan.Briefs.Pdf.Layout;

namespace Asan.Briefs.Tests.Pdf.Pages;

/// <summary>
/// Break rules checked on the layout stage's pages (boxes with roles), over constructed documents in
/// which a spacer of growing height pushes every heading and paragraph across every position of a
/// page foot.
/// </summary>
public class PaginationTests
{
    private static readonly string Words = string.Join(" ", Enumerable.Repeat("policy brief text sets a line of words across the measure", 4));

    private static string Flow(double spacer, int seed)
    {
        var flow = new StringBuilder($"<spacer height=\"{spacer:0.#}pt\"/>");
        for (var i = 0; i < 14; i++)
        {
            var lines = 2 + (i * 7 + seed) % 5; // paragraphs of 2 to 6 lines
            if (i % 3 == 0) flow.Append($"<h level=\"{1 + i % 2}\">Heading {i}</h>");
            var text = string.Join(" ", Enumerable.Repeat(Words, lines));
            text = text[..text.LastIndexOf(' ', lines * 95)];
            flow.Append($"<p>{i}: ").Append(text).Append("</p>");
        }
        return flow.ToString();
    }

    private static IEnumerable<LaidOutDocument> Variants(PdfWriter writer)
    {
        for (var spacer = 0.0; spacer < 200; spacer += 7)
            yield return writer.Layout(PageSamples.Parse(PdfOutputTests.Sample(Flow(spacer, (int)spacer))), PageSamples.Theme);
    }

    private static List<TextLineItem> BodyLines(LaidOutPage page) =>
        page.Items.OfType<TextLineItem>().Where(l => l.Role.Kind is StructureKind.Paragraph or StructureKind.Heading).ToList();

    public static TheoryData<string> Engines => new() { "greedy", "text-engine" };

    private static PdfWriter Writer(string engine) => engine == "greedy" ? PageSamples.GreedyWriter() : new PdfWriter();

    [Theory]
    [MemberData(nameof(Engines))]
    public void No_heading_is_the_last_block_on_a_page(string engine)
    {
        foreach (var document in Variants(Writer(engine)))
        {
            Assert.True(document.Pages.Count >= 2);
            foreach (var page in document.Pages.SkipLast(1))
            {
                var last = BodyLines(page).Last();
                Assert.NotEqual(StructureKind.Heading, last.Role.Kind);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void No_orphan_or_widow_line(string engine)
    {
        var splits = 0;
        foreach (var document in Variants(Writer(engine)))
        {
            for (var p = 1; p < document.Pages.Count; p++)
            {
                var before = BodyLines(document.Pages[p - 1]);
                var after = BodyLines(document.Pages[p]);
                var split = after[0].Role.Element;
                if (before[^1].Role.Element != split) continue; // the page break falls between blocks
                splits++;
                Assert.True(before.Count(l => l.Role.Element == split) >= 2, $"orphan: one line of a paragraph alone at the foot of page {p}");
                Assert.True(after.Count(l => l.Role.Element == split) >= 2, $"widow: one line of a paragraph alone at the top of page {p + 1}");
            }
        }
        Assert.True(splits > 5, "the constructed documents should split paragraphs across pages");
    }

    [Fact]
    public void Content_stays_inside_the_margins()
    {
        var writer = new PdfWriter();
        var document = writer.Layout(PageSamples.Load("brief.en.xml"), PageSamples.Theme);
        var page = PageSamples.Theme.Page;
        foreach (var p in document.Pages)
        foreach (var line in p.Items.OfType<TextLineItem>())
        {
            Assert.True(line.X >= page.MarginLeft - 0.5, $"line starts left of the margin on page {p.Number}");
            Assert.True(line.X + line.Line.Width <= page.Width - page.MarginRight + 0.5, $"line runs past the right margin on page {p.Number}");
            if (line.Role.Kind == StructureKind.Furniture) continue;
            Assert.True(line.Baseline - line.Line.Ascent >= page.MarginTop - 0.5, $"line above the top margin on page {p.Number}");
            Assert.True(line.Baseline + line.Line.Descent <= page.Height - page.MarginBottom + 0.5, $"line below the bottom margin on page {p.Number}");
        }
    }

    [Theory]
    [InlineData(120)]
    [InlineData(260)]
    [InlineData(400)]
    public void A_figure_that_does_not_fit_floats_to_the_next_page_and_text_fills_the_gap(double spacer)
    {
        var text = string.Join(" ", Enumerable.Repeat(Words, 5));
        var figure = $"<figure src=\"{PageSamples.Figure}\" alt=\"A chart\" width=\"100%\"><caption>Figure 1. Caption</caption></figure>";
        var flow = $"<spacer height=\"{spacer}pt\"/><p>before: {text}</p>{figure}<p>after: {text}</p><p>more: {text}</p><p>last: {text}</p>";
        var layout = new PdfWriter().Layout(PageSamples.Parse(PdfOutputTests.Sample(flow)), PageSamples.Theme);
        var page = PageSamples.Theme.Page;

        var figurePage = layout.Pages.Single(p => p.Items.OfType<ImageItem>().Any());
        var image = figurePage.Items.OfType<ImageItem>().Single();
        var before = layout.Pages.TakeWhile(p => p != figurePage).ToList();
        if (before.Count > 0)
        {
            // The page before the figure is filled with the text that follows the figure, not left empty.
            var previous = before[^1];
            var lowest = previous.Items.OfType<TextLineItem>().Where(l => l.Role.Kind == StructureKind.Paragraph).Max(l => l.Baseline);
            Assert.True(lowest > page.Height - page.MarginBottom - 60, $"page {previous.Number} ends at {lowest:F0} pt, leaving the foot empty");
        }
        var afterPage = layout.Pages.First(p => p.Items.OfType<TextLineItem>()
            .Any(l => string.Concat(l.Line.Runs.Select(r => r.Text)).StartsWith("after:", StringComparison.Ordinal)));
        if (spacer >= 260)
        {
            Assert.True(figurePage.Number > 1, "this figure does not fit page 1 and should float");
            Assert.True(afterPage.Number < figurePage.Number, "the text after a floated figure fills the page before it");
        }
        // A floated figure opens its page.
        var firstText = figurePage.Items.OfType<TextLineItem>().Where(l => l.Role.Kind == StructureKind.Paragraph).Select(l => l.Baseline).DefaultIfEmpty(double.MaxValue).Min();
        Assert.True(image.Y <= firstText || before.Count == 0 || image.Y < page.MarginTop + 1, "the figure sits below text on its page");
    }
}
