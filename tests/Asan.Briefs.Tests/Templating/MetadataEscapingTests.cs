using System.Text.Json;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Templating;

/// <summary>
/// Markup characters in the metadata (&amp;, &lt;, ") are escaped once, where each output is written:
/// read back by tools we did not write, every output holds the text exactly as the brief gives it.
/// </summary>
public class MetadataEscapingTests
{
    private const string Title = "Trade & Tariffs <2022> \"Now\"";
    private const string Summary = "Costs & \"benefits\" <up>.";
    private static readonly string[] Keywords = ["R&D", "a<b", "\"quoted\""];

    [Fact]
    public void Ampersands_angle_brackets_and_quotes_in_the_metadata_reach_every_output_as_written()
    {
        using var scratch = new ScratchBrief();
        // Straight quotes kept (smart_punctuation: false), so that escaping " is what is tested.
        scratch.Write("brief.yaml", "smart_punctuation: false\n" + ScratchBrief.Yaml
            .Replace("title: { en: \"A Test Brief\"", "title: { en: 'Trade & Tariffs <2022> \"Now\"'")
            .Replace("summary: { en: \"Summary.\"", "summary: { en: 'Costs & \"benefits\" <up>.'")
            .Replace("keywords: { en: [test]", "keywords: { en: ['R&D', 'a<b', '\"quoted\"']"));
        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var brief = Assert.Single(publisher.ReadBriefs());
        var files = publisher.Render(brief, "en", OutputFormat.All);
        byte[] Output(string extension) => files.Single(f => f.RelativePath.EndsWith(".en." + extension, StringComparison.Ordinal)).Bytes;
        var joined = string.Join(", ", Keywords);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(Output("html")));
        Assert.StartsWith(Title, html.Title);
        Assert.Equal(joined, html.QuerySelector("meta[name=keywords]")!.GetAttribute("content"));
        Assert.Equal(Keywords, html.QuerySelectorAll("meta[name=citation_keywords]").Select(m => m.GetAttribute("content")));
        Assert.Equal(Summary, html.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Contains(Title, html.QuerySelector("h1")!.TextContent);
        var ld = JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(Title, ld.GetProperty("headline").GetString());
        Assert.Equal(Summary, ld.GetProperty("description").GetString());
        Assert.Equal(Keywords, ld.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));

        using var docx = WordprocessingDocument.Open(new MemoryStream(Output("docx")), false);
        Assert.Equal(Title, docx.PackageProperties.Title);
        Assert.Equal(Summary, docx.PackageProperties.Subject);
        Assert.Equal(joined, docx.PackageProperties.Keywords);
        Assert.Contains(Title, string.Concat(docx.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)));

        using var pdf = PdfDocument.Open(Output("pdf"));
        Assert.Equal(Title, pdf.Information.Title);
        Assert.Equal(Summary, pdf.Information.Subject);
        Assert.Equal(joined, pdf.Information.Keywords);
        Assert.Contains("Trade & Tariffs <2022>", string.Join(" ", pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))));
        Assert.True(pdf.TryGetXmpMetadata(out var xmp), "the PDF has XMP metadata");
        var xmpText = xmp.GetXDocument().ToString();
        Assert.Contains("R&amp;D", xmpText);
        Assert.DoesNotContain("&amp;amp;", xmpText);
    }
}
