using System.Text;
using AngleSharp.Html.Parser;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Smart punctuation beyond the body: brief.yaml's running text, a figure's alt text and credit are made
/// typographic as the body is, and a brief that says <c>smart_punctuation: false</c> keeps every straight
/// quote, -- and ... as typed, in the PDF (pdftotext, and qpdf for /Alt), the web page (AngleSharp) and the DOCX (Open XML SDK).
/// </summary>
public sealed class SmartPunctuationSwitchTests
{
    private const string Figure = "\n\n^^^\n![The chart's \"bars\" by year](chart.png \"Source: the authors' 'data'\")\n^^^ Figure 1. A chart\n";

    private static ScratchBrief Brief(bool? smart)
    {
        var scratch = new ScratchBrief();
        File.Copy(MarkupSamples.Figure, Path.Combine(scratch.Directory, "chart.png"));
        var yaml = ScratchBrief.Yaml
            .Replace("title: { en: \"A Test Brief\"", "title: { en: \"Korea's \\\"Test\\\" Brief -- Again\"", StringComparison.Ordinal)
            .Replace("ko: \"아산정책연구원\" }", "ko: \"아산정책연구원\" }\n    bio: { en: \"The author's notes...\", ko: \"저자의 메모\" }", StringComparison.Ordinal);
        if (smart is { } on) yaml = $"smart_punctuation: {(on ? "true" : "false")}\n" + yaml;
        scratch.Write("brief.yaml", yaml);
        scratch.Write("body.en.md", ScratchBrief.English.Replace("- two", "- two" + Figure, StringComparison.Ordinal)
            .Replace("A paragraph with", "It's a \"plain\" paragraph -- or so... with", StringComparison.Ordinal));
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("- 둘", "- 둘" + Figure, StringComparison.Ordinal));
        return scratch;
    }

    /// <summary>The English edition's text as pdftotext, AngleSharp (text, alt attributes) and the Open XML SDK (text, drawing descriptions) read it.</summary>
    private static IEnumerable<(string Reader, string Text)> Outputs(ScratchBrief scratch)
    {
        var brief = BriefReader.Read(scratch.Directory);
        var outputs = Repository.Publisher.Render(brief, "en", OutputFormat.All);
        byte[] Output(string suffix) => outputs.Single(o => o.RelativePath.EndsWith(suffix, StringComparison.Ordinal)).Bytes;

        // The page text, and the figures' /Alt in the structure tree as qpdf reads it ("u:" marks text).
        var pdf = Output(".en.pdf");
        var alts = QpdfObjects.Of(pdf).All
            .Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object && o.Value.TryGetProperty("/Alt", out _))
            .Select(o => o.Value.GetProperty("/Alt").GetString()![2..]);
        yield return ("pdftotext and qpdf", ExternalTool.RunOnFile("pdftotext", "-enc UTF-8 {file} -", pdf, "pdf").Replace("\u00AD\n", "").Replace('\n', ' ')
            + " " + string.Join(' ', alts));

        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Output(".en.html")));
        yield return ("AngleSharp", page.Body!.TextContent + " " + page.Title + " " + string.Join(' ', page.QuerySelectorAll("img[alt]").Select(i => i.GetAttribute("alt"))));

        using var stream = new MemoryStream(Output(".en.docx"));
        using var doc = WordprocessingDocument.Open(stream, false);
        var descriptions = doc.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description?.Value);
        yield return ("Open XML SDK", doc.MainDocumentPart.Document.Body!.InnerText + " " + string.Join(' ', descriptions));
    }

    // Title, bio, body, alt text and credit, as typed and as smart punctuation makes them.
    private static readonly (string Straight, string Typographic)[] Samples =
    [
        ("Korea's \"Test\" Brief -- Again", "Korea’s “Test” Brief – Again"),
        ("The author's notes...", "The author’s notes…"),
        ("It's a \"plain\" paragraph -- or so...", "It’s a “plain” paragraph – or so…"),
        ("The chart's \"bars\" by year", "The chart’s “bars” by year"),
        ("the authors' 'data'", "the authors’ ‘data’"),
    ];

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    public void Brief_yaml_text_alt_text_and_credits_are_made_typographic_in_every_output(bool? smart)
    {
        using var scratch = Brief(smart);
        foreach (var (reader, text) in Outputs(scratch))
        foreach (var (straight, typographic) in Samples)
        {
            Assert.True(text.Contains(typographic, StringComparison.Ordinal), $"{reader}: '{typographic}' is missing");
            Assert.False(text.Contains(straight, StringComparison.Ordinal), $"{reader}: '{straight}' kept its straight punctuation");
        }
    }

    [Fact]
    public void A_brief_that_switches_smart_punctuation_off_keeps_straight_quotes_dashes_and_dots_in_every_output()
    {
        using var scratch = Brief(false);
        foreach (var (reader, text) in Outputs(scratch))
        foreach (var (straight, typographic) in Samples)
        {
            Assert.True(text.Contains(straight, StringComparison.Ordinal), $"{reader}: '{straight}' is missing");
            Assert.False(text.Contains(typographic, StringComparison.Ordinal), $"{reader}: '{typographic}' was made typographic");
        }
    }
}
