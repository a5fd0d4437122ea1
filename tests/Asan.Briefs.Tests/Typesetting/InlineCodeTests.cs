using System.Text;
using AngleSharp.Html.Parser;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Inline code (`code`) is a node of the model and each output marks it: &lt;code&gt; in HTML
/// (AngleSharp), the "HTML Code" character style in Word (Open XML SDK), the theme's code face in
/// the PDF (PdfPig) — compared with the code spans the model holds.
/// </summary>
public sealed class InlineCodeTests
{
    public static IEnumerable<object[]> TourEditions() => RenderedEditions.All().Where(e => (string)e[0] == Repository.FeatureTour);

    private static List<string> ModelCode(string lang)
    {
        var brief = Repository.Brief(Repository.FeatureTour);
        var sequences = brief.Sections.Select(s => s.Heading?[lang] ?? [])
            .Concat(brief.AllBlocks.SelectMany(b => Blocks.InlineSequences(b, lang)));
        var code = sequences.SelectMany(Inlines.Descendants).OfType<CodeInline>().Select(c => c.Text).ToList();
        Assert.True(code.Count >= 3, $"the feature tour holds {code.Count} code spans in {lang}; it shows at least three");
        return code;
    }

    /// <summary>Each code span of the tour with the character that follows it in its sequence (null at the end).</summary>
    private static List<(string Code, char? Next)> CodeAndNext(string lang)
    {
        var brief = Repository.Brief(Repository.FeatureTour);
        var result = new List<(string, char?)>();
        foreach (var sequence in brief.Sections.Select(s => s.Heading?[lang] ?? []).Concat(brief.AllBlocks.SelectMany(b => Blocks.InlineSequences(b, lang))))
        {
            var plain = Inlines.PlainText(sequence);
            var from = 0;
            foreach (var code in Inlines.Descendants(sequence).OfType<CodeInline>())
            {
                var at = plain.IndexOf(code.Text, from, StringComparison.Ordinal);
                from = at + code.Text.Length;
                result.Add((code.Text, from < plain.Length ? plain[from] : null));
            }
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(TourEditions))]
    public void Poppler_reads_code_and_the_word_it_belongs_to_without_a_space_between(string id, string lang)
    {
        // poppler starts a new word at every change of size (a face's size correction) and reads a gap there
        // as a space, so justification adds no spacing beside code: "brief.yaml에" stays one word.
        var text = ExternalTool.RunOnFile("pdftotext", "-q {file} -", RenderedEditions.Pdf(id, lang), "pdf");
        var joined = CodeAndNext(lang).Where(c => c.Next is { } next && !char.IsWhiteSpace(next)).ToList();
        Assert.NotEmpty(joined);
        foreach (var (code, next) in joined)
            Assert.True(text.Contains(code + next, StringComparison.Ordinal), $"poppler does not read '{code}{next}' (it reads '{code}' as {(text.Contains(code + " " + next, StringComparison.Ordinal) ? "a word of its own" : "missing")})");
    }

    [Fact]
    public void The_reader_keeps_code_as_a_node_with_its_literal_text()
    {
        using var scratch = new ScratchBrief();
        var path = scratch.Write("body.en.md", "Run `a *b* [c](d)` and ``x`y`` and `` `z` `` here.");
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(scratch.Directory, "en", path, problems);
        Assert.Empty(problems);
        var paragraph = Assert.IsType<DraftParagraph>(Assert.Single(body.Sections.SelectMany(s => s.Blocks)));
        Assert.Equal(["a *b* [c](d)", "x`y", "`z`"], paragraph.Inlines.OfType<CodeInline>().Select(c => c.Text));
        Assert.DoesNotContain(paragraph.Inlines.OfType<TextInline>(), t => t.Text.Contains('`'));
    }

    [Theory]
    [MemberData(nameof(TourEditions))]
    public void Html_writes_each_code_span_as_a_code_element_in_the_code_face(string id, string lang)
    {
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        Assert.Equal(ModelCode(lang), html.QuerySelectorAll("main code").Select(c => c.TextContent));
        var family = Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Latin, false, false, lang).Family;
        var css = string.Concat(html.QuerySelectorAll("style").Select(s => s.TextContent));
        var hangul = Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Hangul, false, false, lang).Family;
        Assert.Matches($@"(^|\n)code \{{ font-family: ""{family}"", ""{hangul}""", css);
        // The face is served: its @font-face names a WOFF2 subset written beside the page.
        var rule = System.Text.RegularExpressions.Regex.Match(css, $@"@font-face \{{\s*font-family: ""{family}"";\s*src: url\(""[^""]*fonts/([^""/]+)""\)[^}}]*font-weight: 400;\s*font-style: normal;");
        Assert.True(rule.Success, $"no @font-face for {family}");
        var file = RenderedEditions.Files(id, lang).Single(f => f.RelativePath.EndsWith("fonts/" + rule.Groups[1].Value, StringComparison.Ordinal));
        Assert.Equal("wOF2"u8.ToArray(), file.Bytes[..4]);
        // The theme's size correction of the code face (scale:) is its @font-face's size-adjust, which
        // scales that face's glyphs alone, not the Hangul set in the stack's next face; no other face has one.
        var scale = Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Latin, false, false, lang).Scale;
        var adjusts = System.Text.RegularExpressions.Regex.Matches(css, @"@font-face \{[^}]*font-family: ""([^""]+)""[^}]*?size-adjust: ([0-9.]+)%;")
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).Distinct().ToList();
        Assert.Equal(scale == 1 ? [] : new[] { (family, scale * 100) }, adjusts);
    }

    [Theory]
    [MemberData(nameof(TourEditions))]
    public void Word_sets_each_code_span_in_the_HTML_Code_character_style(string id, string lang)
    {
        using var stream = new MemoryStream(RenderedEditions.Docx(id, lang));
        using var doc = WordprocessingDocument.Open(stream, false);
        var main = doc.MainDocumentPart!;
        var spans = new List<string>();
        foreach (var paragraph in main.Document.Body!.Descendants<Paragraph>())
        {
            StringBuilder? span = null;
            foreach (var run in paragraph.Descendants<Run>())
            {
                if (run.RunProperties?.RunStyle?.Val?.Value == "HTMLCode") (span ??= new StringBuilder()).Append(run.InnerText);
                else if (span is not null) { spans.Add(span.ToString()); span = null; }
            }
            if (span is not null) spans.Add(span.ToString());
        }
        Assert.Equal(ModelCode(lang), spans);
        // The code face's size correction (theme scale:) is each Latin code run's size, in half points; a
        // face without one leaves the size to the paragraph's style.
        var face = Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Latin, false, false, lang);
        var expected = face.Scale == 1 ? null : ((int)Math.Round(Repository.Theme.Style("body", lang).Size * face.Scale * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var codeRuns = main.Document.Body!.Descendants<Run>().Where(r => r.RunProperties?.RunStyle?.Val?.Value == "HTMLCode").ToList();
        Assert.All(codeRuns.Where(r => r.RunProperties!.RunFonts?.Ascii?.Value == face.Family),
            r => Assert.Equal((expected, expected), (r.RunProperties!.FontSize?.Val?.Value, r.RunProperties.FontSizeComplexScript?.Val?.Value)));
        // The text around the code keeps its paragraph's size.
        var around = codeRuns.Select(r => r.Ancestors<Paragraph>().First()).Distinct()
            .SelectMany(p => p.Descendants<Run>()).Where(r => r.RunProperties?.RunStyle?.Val?.Value != "HTMLCode" && r.InnerText.Length > 0).ToList();
        Assert.NotEmpty(around);
        Assert.All(around, r => Assert.Null(r.RunProperties?.FontSize));

        var style = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "HTMLCode");
        Assert.Equal("HTML Code", style.StyleName!.Val!.Value);
        Assert.Equal(StyleValues.Character, style.Type!.Value);
        var family = Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Latin, false, false, lang).Family;
        Assert.Equal(family, style.StyleRunProperties!.RunFonts!.Ascii!.Value);
        // The font table tells Word the face is monospaced (read from the file's post table), so a machine
        // without it substitutes a monospaced face.
        Assert.Equal("mono", Repository.Theme.CodeFontRole);
        var entry = main.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == family);
        Assert.Equal(FontPitchValues.Fixed, entry.Pitch!.Val!.Value);
        Assert.Equal(FontFamilyValues.Modern, entry.FontFamily!.Val!.Value);
    }

    [Theory]
    [MemberData(nameof(TourEditions))]
    public void Pdf_sets_code_in_the_code_face_and_the_text_around_it_in_the_body_face(string id, string lang)
    {
        // The embedded font's name is its file's PostScript name, e.g. NotoSansMono-Light.
        var codeFace = Path.GetFileNameWithoutExtension(Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Latin, false, false, lang).Path);
        var bodyFace = Path.GetFileNameWithoutExtension(Repository.Theme.Face(Repository.Theme.Style("body", lang).FontRole, Script.Latin, false, false, lang).Path);
        Assert.NotEqual(bodyFace, codeFace);
        var scale = Repository.Theme.Face(Repository.Theme.CodeFontRole, Script.Latin, false, false, lang).Scale;
        var bodySize = Repository.Theme.Style("body", lang).Size;
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        // Letter of each character: a ligature's letter carries several characters.
        var text = new StringBuilder();
        var owner = new List<int>();
        for (var i = 0; i < letters.Count; i++)
        {
            text.Append(letters[i].Value);
            owner.AddRange(Enumerable.Repeat(i, letters[i].Value.Length));
        }
        var from = 0;
        foreach (var code in ModelCode(lang))
        {
            var word = code.Replace(" ", "");
            var at = text.ToString().IndexOf(word, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"code '{code}' not found in the PDF after character {from}");
            var set = Enumerable.Range(at, word.Length).Select(k => letters[owner[k]]).ToList();
            Assert.True(set.All(l => (l.FontName ?? "").Contains(codeFace, StringComparison.Ordinal)), $"'{code}' set in {string.Join(", ", set.Select(l => l.Value + ":" + l.FontName))}");
            Assert.DoesNotContain(codeFace, letters[owner[at] - 1].FontName ?? "", StringComparison.Ordinal);
            // Monospaced: every Latin letter of the span advances by the same width (PdfPig's glyph widths).
            var widths = set.Where(l => l.Value.All(char.IsAscii)).Select(l => Math.Round(l.Width / l.PointSize, 3)).Distinct().ToList();
            Assert.True(widths.Count == 1, $"'{code}' advances by {string.Join(", ", widths)} em: not one width");
            // The theme's size correction of the code face (scale:), against the body size of the text before it.
            var latin = set.Where(l => l.Value.All(char.IsAscii)).ToList();
            Assert.All(latin, l => Assert.Equal(bodySize * scale, l.PointSize, 2));
            Assert.Equal(bodySize, letters[owner[at] - 1].PointSize, 2);
            from = at + word.Length;
        }
    }
}
