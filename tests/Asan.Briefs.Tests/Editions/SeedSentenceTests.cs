using System.Text;
using AngleSharp.Html.Parser;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Editions;

/// <summary>Every sentence of the seed, after the declared corrections, in the Word and web editions (the PDF's is checked with pdftotext).</summary>
public class SeedSentenceTests
{
    private static void AssertHoldsEverySentence(string text, string edition)
    {
        var joined = SeedSource.Normalize(text);
        var missing = SeedSource.Sentences().Where(s => !joined.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"not in the {edition}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_English_Word_draft_holds_every_sentence()
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(Repository.SeedBrief, "en")), false);
        var text = new StringBuilder();
        foreach (var paragraph in docx.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
            text.Append(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text))).Append('\n');
        AssertHoldsEverySentence(text.ToString(), "Word draft");
    }

    [Fact]
    public void The_English_web_page_holds_every_sentence()
    {
        var html = Encoding.UTF8.GetString(RenderedEditions.File(Repository.SeedBrief, "en", "html"));
        var page = new HtmlParser().ParseDocument(html);
        var text = string.Join("\n", page.QuerySelectorAll("main p, main h1, main h2, main h3").Select(e => e.TextContent));
        AssertHoldsEverySentence(text, "web page");
    }
}
