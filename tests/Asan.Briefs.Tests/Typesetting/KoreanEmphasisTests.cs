using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Tests.Pdf.Text;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Korean has no italic (KLREQ): Hangul in emphasis or in an italic style is set upright in the theme's
/// emphasis face (Gothic inside Myeongjo text), never slanted, while Latin inside stays italic. Read back
/// with PdfPig (glyph boxes and fonts), the Open XML SDK (the draft's runs and styles) and AngleSharp (the page's CSS).
/// </summary>
public class KoreanEmphasisTests
{
    public static IEnumerable<object[]> KoreanEditions() => RenderedEditions.All().Where(e => (string)e[1] == "ko");

    [Fact]
    public void Hangul_emphasis_takes_the_upright_emphasis_face_and_Latin_keeps_its_italic()
    {
        var style = TextFixture.Theme.Style("body", "ko");
        PrintInline[] inlines = [new PrintText("한국과 ", false, false, null), new PrintText("GSOMIA 협정", false, true, null), new PrintText("을 논의했다.", false, false, null)];
        var line = Assert.Single(TextFixture.Layouter.Layout(inlines, style, "ko", 400));
        var latin = line.Runs.Single(r => r.Text.Contains("GSOMIA", StringComparison.Ordinal));
        var hangul = line.Runs.Single(r => r.Text.Contains("협정", StringComparison.Ordinal));
        Assert.True(latin.Face.Italic && !latin.Face.SynthesizeItalic, $"{latin.Face.Path} is not a true italic");
        Assert.False(hangul.Face.SynthesizeItalic);
        Assert.Equal(TextFixture.Theme.Face("sans", Script.Hangul, false, false, "ko").Path, hangul.Face.Path);
    }

    [Fact]
    public void No_face_slants_Hangul()
    {
        foreach (var role in TextFixture.Theme.FontRoles)
        foreach (var bold in new[] { false, true })
        {
            var face = TextFixture.Theme.Face(role, Script.Hangul, bold, true, "ko");
            Assert.False(face.SynthesizeItalic, $"{role} {(bold ? "bold " : "")}italic Hangul would be slanted");
            Assert.NotEqual(TextFixture.Theme.Face(role, Script.Hangul, bold, false, "ko").Path, face.Path);
        }
    }

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Pdf_Hangul_glyphs_stand_upright(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var hangul = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Length == 1 && TextRules.IsHangulLetter(l.Value[0])).ToList();
        Assert.NotEmpty(hangul);
        // A slanted glyph's box is sheared: its top edge starts to the right of its bottom edge.
        var slanted = hangul.Where(l => Math.Abs(l.BoundingBox.TopLeft.X - l.BoundingBox.BottomLeft.X) > 0.05 * l.BoundingBox.Height)
            .Select(l => $"'{l.Value}' in {l.FontName}").Distinct().Take(10).ToList();
        Assert.True(slanted.Count == 0, string.Join(", ", slanted));
    }

    [Fact]
    public void Pdf_emphasised_Hangul_of_the_tour_is_in_the_Gothic_face()
    {
        // body.ko.md: "*세 번* 발행한다" in Myeongjo body text.
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf("feature-tour", "ko"));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Length == 1 && TextRules.IsHangulLetter(l.Value[0])).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        var at = text.IndexOf("세번발행", StringComparison.Ordinal);
        Assert.True(at >= 0, "the emphasised words are not in the PDF");
        Assert.Contains("NanumGothic", letters[at].FontName, StringComparison.Ordinal);
        Assert.Contains("NanumMyeongjo", letters[at + 2].FontName, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Html_declares_an_upright_face_for_italic_Hangul(string id, string lang)
    {
        var html = System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        foreach (var role in Repository.Theme.FontRoles)
        {
            // The browser slants a family only when no italic face of it is declared.
            var family = Repository.Theme.Face(role, Script.Hangul, false, false, lang).Family;
            var upright = Path.GetFileNameWithoutExtension(Repository.Theme.Face(role, Script.Hangul, false, true, lang).Path);
            var rule = System.Text.RegularExpressions.Regex.Match(css,
                $@"@font-face \{{\s*font-family: ""{family}"";\s*src: url\(""[^""]*fonts/{upright}\.[0-9a-f]+\.woff2""\)[^}}]*font-weight: 400;\s*font-style: italic;");
            Assert.True(rule.Success, $"no italic @font-face of {family} from {upright}");
        }
    }

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Docx_Hangul_is_never_italic_and_emphasis_keeps_its_style(string id, string lang)
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(id, lang)), false);
        var main = docx.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);
        bool StyleItalic(string? styleId)
        {
            // Italic through the based-on chain: the nearest style that says.
            for (var sid = styleId; sid is not null && styles.TryGetValue(sid, out var style); sid = style.BasedOn?.Val?.Value)
                if (style.StyleRunProperties?.Italic is { } i) return i.Val is null || i.Val.Value;
            return false;
        }
        var emphasis = Repository.Theme.Face("serif", Script.Hangul, false, true, lang).Family;
        var emphasised = 0;
        var runs = main.Document!.Body!.Descendants<W.Run>().Concat(main.FootnotesPart?.Footnotes?.Descendants<W.Run>() ?? []);
        foreach (var run in runs)
        {
            var text = string.Concat(run.Elements<W.Text>().Select(t => t.Text));
            if (!text.Any(c => TextRules.IsHangulLetter(c))) continue;
            var paragraphStyle = run.Ancestors<W.Paragraph>().First().ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var runStyle = run.RunProperties?.RunStyle?.Val?.Value;
            // Word: direct formatting is absolute; a character style's italic toggles the paragraph style's.
            var italic = run.RunProperties?.Italic is { } direct ? direct.Val is null || direct.Val.Value : StyleItalic(paragraphStyle) ^ StyleItalic(runStyle);
            Assert.False(italic, $"Hangul run '{text}' (paragraph style {paragraphStyle}, run style {runStyle}) is italic");
            if (runStyle == "Emphasis" && !StyleItalic(paragraphStyle))
            {
                Assert.Equal(emphasis, run.RunProperties!.RunFonts?.EastAsia?.Value);
                emphasised++;
            }
        }
        Assert.Equal("Emphasis", styles["Emphasis"].StyleName!.Val!.Value);
        Assert.True(StyleItalic("Emphasis"), "Word's Emphasis style is italic for Latin");
        if (id == "feature-tour") Assert.True(emphasised > 0, $"no emphasised Hangul run in the emphasis face {emphasis}");
    }
}
