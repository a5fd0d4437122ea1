using AngleSharp.Html.Parser;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>The DOCX and HTML follow the PDF's hyphenation as far as Word and CSS allow.</summary>
public class HyphenationSettingsTests
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Word_hyphenates_english_at_most_two_lines_in_a_row_and_never_korean(string id, string lang)
    {
        using var stream = new MemoryStream(RenderedEditions.Docx(id, lang));
        using var doc = WordprocessingDocument.Open(stream, false);
        var settings = doc.MainDocumentPart!.DocumentSettingsPart!.Settings;
        var auto = settings.GetFirstChild<AutoHyphenation>();
        if (lang == "ko") { Assert.Null(auto); return; }
        Assert.NotNull(auto);
        Assert.Equal(2, settings.GetFirstChild<ConsecutiveHyphenLimit>()!.Val!.Value);
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        var heading = styles.First(s => s.StyleName?.Val?.Value?.StartsWith("heading", StringComparison.OrdinalIgnoreCase) == true);
        Assert.NotNull(heading.StyleParagraphProperties?.SuppressAutoHyphens);
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Html_asks_for_hyphens_only_under_lang_en(string id, string lang)
    {
        var html = System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html"));
        var page = new HtmlParser().ParseDocument(html);
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        var rule = css[css.IndexOf(":lang(en) .brief-body p", StringComparison.Ordinal)..];
        Assert.Contains("hyphens: auto", rule[..rule.IndexOf('}')]);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
    }
}
