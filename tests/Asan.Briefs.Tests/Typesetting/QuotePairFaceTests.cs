using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Asan.Briefs.Fonts;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// A pair of quotes or brackets takes one face, decided by the text it encloses, in the web page as in the PDF
/// (TextRules.ResolveScripts): the page's font stacks name the Latin face first, which has every quote, so a
/// pair that encloses Hangul is marked to take the Hangul face. Read back with AngleSharp, and the Hangul
/// face's web font decoded with woff2_decompress. And a full-width bracket beside a space loses its half-width blank.
/// </summary>
public class QuotePairFaceTests
{
    public static IEnumerable<object[]> KoreanEditions() => RenderedEditions.All().Where(e => (string)e[1] == "ko");

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Html_sets_each_pair_in_the_face_of_what_it_encloses_in_the_body_and_in_brief_yaml_s_strings(string id, string lang)
    {
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        var checkedPairs = 0;
        // The body and its notes (text from the Markdown), and brief.yaml's plain strings: the cover's title,
        // subtitle and author lines, the authors' notes and the disclaimer.
        var endmatter = 0;
        foreach (var paragraph in page.QuerySelectorAll(".brief-body p, .brief-body li, .brief-body td, .brief-body th, .brief-body figcaption, .brief-body caption, .notes p, .cover h1, .cover .subtitle, .cover .authors li, .endmatter p"))
        {
            var text = paragraph.TextContent;
            var scripts = new CharScript[text.Length];
            TextRules.ResolveScripts(text, scripts, lang == "ko" ? CharScript.Hangul : CharScript.Latin);
            var expected = text.Where((c, i) => TextRules.IsPairPunctuation(c) && scripts[i] == CharScript.Hangul).Select(c => c.ToString()).ToList();
            var marked = paragraph.QuerySelectorAll("span.hangul-face").Where(s => s.Closest("code") is null).Select(s => s.TextContent).ToList();
            Assert.True(expected.SequenceEqual(marked), $"'{text}': the rule gives [{string.Join(" ", expected)}], the page marks [{string.Join(" ", marked)}]");
            checkedPairs += expected.Count;
            if (paragraph.Closest(".endmatter") is not null) endmatter += expected.Count;
        }
        if (lang == "ko") Assert.True(checkedPairs > 0, "no pair encloses Hangul on the Korean page");
        // The tour's Korean author note: 한국어에서 ‘아무개’를.
        if (id == Repository.FeatureTour && lang == "ko") Assert.True(endmatter >= 2, $"the authors' notes mark {endmatter} quotes");
    }

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Html_Hangul_face_of_a_pair_is_declared_and_its_web_font_has_the_marks(string id, string lang)
    {
        var html = System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html"));
        var page = new HtmlParser().ParseDocument(html);
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.Contains(".hangul-face { font-family: var(--hangul-face); }", css, StringComparison.Ordinal);
        var hangul = Repository.Theme.Face(Repository.Theme.Style("body", lang).FontRole, Script.Hangul, false, false, lang).Family;
        Assert.Matches($@"\nbody \{{[^}}]*--hangul-face: ""{hangul}""", css);

        var marks = page.QuerySelectorAll("main span.hangul-face").Select(s => s.TextContent).Distinct().ToList();
        Assert.NotEmpty(marks);
        var rule = Regex.Match(css, $@"@font-face \{{\s*font-family: ""{hangul}"";\s*src: url\(""[^""]*fonts/([^""/]+)""\)[^}}]*font-weight: 400;\s*font-style: normal;");
        Assert.True(rule.Success, $"no @font-face for {hangul}");
        var woff2 = RenderedEditions.Files(id, lang).Single(f => f.RelativePath.EndsWith("fonts/" + rule.Groups[1].Value, StringComparison.Ordinal)).Bytes;
        var folder = Directory.CreateTempSubdirectory("asan-pair-");
        try
        {
            var input = Path.Combine(folder.FullName, "font.woff2");
            File.WriteAllBytes(input, woff2);
            ExternalTool.Run("woff2_decompress", $"\"{input}\"");
            var font = new FontLibrary().Get(Path.Combine(folder.FullName, "font.ttf"));
            foreach (var mark in marks)
                Assert.True(font.HasGlyph(mark[0]), $"the page's {hangul} subset lacks '{mark}', which it sets");
        }
        finally { folder.Delete(recursive: true); }
    }

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Html_full_width_brackets_beside_a_space_lose_their_half_width_blank(string id, string lang)
    {
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.Contains(".trim-start { margin-inline-start: -0.5em; }", css, StringComparison.Ordinal);
        Assert.Contains(".trim-end { margin-inline-end: -0.5em; }", css, StringComparison.Ordinal);
        var trimmed = 0;
        foreach (var paragraph in page.QuerySelectorAll(".brief-body p, .notes p"))
        {
            var text = paragraph.TextContent;
            var expected = Enumerable.Range(0, text.Length)
                .Select(i => TextRules.LosesLeadingBlank(text, i) ? "start " + text[i] : TextRules.LosesTrailingBlank(text, i) ? "end " + text[i] : null)
                .OfType<string>().ToList();
            var marked = paragraph.QuerySelectorAll("span.trim-start, span.trim-end").Select(s => s.ClassName![5..] + " " + s.TextContent).ToList();
            Assert.True(expected.SequenceEqual(marked), $"'{text}': KLREQ trims [{string.Join(", ", expected)}], the page [{string.Join(", ", marked)}]");
            trimmed += expected.Count;
        }
        if (id == Repository.FeatureTour) Assert.True(trimmed >= 3, $"the tour's 「 」 『 』 beside spaces: {trimmed} trimmed");
    }
}
