using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Smart punctuation is read once, in Core: the model holds ’ ‘ “ ” – — …, every output shows them
/// (read back with pdftotext, AngleSharp and the Open XML SDK), and code, addresses and escaped
/// characters keep what the author typed.
/// </summary>
public sealed partial class SmartPunctuationTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    [Fact]
    public void The_reader_makes_quotes_dashes_and_ellipses_typographic_outside_code_and_addresses()
    {
        using var scratch = new ScratchBrief();
        var path = scratch.Write("body.en.md",
            "At arm's length, \"Korea's\" 'view' of the '90s (\"a\") -- 1965---2022... `it's \"code\"` <https://example.org/?q='a'> \\\"kept\\\" \\'too\\' and **\"strong\"**.");
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(scratch.Directory, "en", path, problems);
        Assert.Empty(problems);
        var paragraph = Assert.IsType<DraftParagraph>(Assert.Single(body.Sections.SelectMany(s => s.Blocks)));
        Assert.Equal(
            "At arm’s length, “Korea’s” ‘view’ of the ’90s (“a”) – 1965—2022… it's \"code\" https://example.org/?q='a' \"kept\" 'too' and “strong”.",
            Inlines.PlainText(paragraph.Inlines));
        Assert.Equal("it's \"code\"", Assert.Single(paragraph.Inlines.OfType<CodeInline>()).Text);
    }

    private static string ModelText(string id, string lang) =>
        string.Join('\n', Repository.Brief(id).AllBlocks.SelectMany(b => Blocks.InlineSequences(b, lang)).Select(Inlines.PlainText));

    /// <summary>The model's words with a typographic apostrophe or in typographic quotes (arm’s, “AV”).</summary>
    private static List<string> TypographicWords(string id, string lang) =>
        Typographic().Matches(ModelText(id, lang)).Select(m => m.Value).Distinct().ToList();

    private static string Straight(string word) => word.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');

    private static void AssertTypographic(string id, string lang, string output, string reader)
    {
        var words = TypographicWords(id, lang);
        var model = ModelText(id, lang);
        if (id == Repository.FeatureTour && lang == "en") Assert.Contains("arm’s", words);
        foreach (var word in words)
        {
            Assert.True(output.Contains(word, StringComparison.Ordinal), $"{reader}: '{word}' of the model is not in the output");
            // A straight form the author escaped (the tour's escaping sample) is in the model too, and may be in the output.
            if (!model.Contains(Straight(word), StringComparison.Ordinal))
                Assert.False(output.Contains(Straight(word), StringComparison.Ordinal), $"{reader}: '{Straight(word)}' is written with straight quotes");
        }
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Pdf_html_and_word_show_the_typographic_punctuation_of_the_model(string id, string lang)
    {
        var pdf = ExternalTool.RunOnFile("pdftotext", "-enc UTF-8 {file} -", RenderedEditions.Pdf(id, lang), "pdf");
        AssertTypographic(id, lang, pdf.Replace("\u00AD\n", "").Replace("\n", " "), "pdftotext");

        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        AssertTypographic(id, lang, html.Body!.TextContent, "AngleSharp");

        using var stream = new MemoryStream(RenderedEditions.Docx(id, lang));
        using var doc = WordprocessingDocument.Open(stream, false);
        var word = doc.MainDocumentPart!.Document.Body!.InnerText + doc.MainDocumentPart.FootnotesPart?.Footnotes?.InnerText;
        AssertTypographic(id, lang, word, "Open XML SDK");
    }

    [GeneratedRegex(@"\p{L}+’\p{L}*|“[^”\n]{1,40}”|‘[^’\n]{1,40}’")]
    private static partial Regex Typographic();
}
