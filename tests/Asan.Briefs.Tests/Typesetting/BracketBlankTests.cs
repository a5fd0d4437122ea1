using System.Globalization;
using System.Text.RegularExpressions;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HarfBuzzSharp;
using Blob = HarfBuzzSharp.Blob;
using Face = HarfBuzzSharp.Face;
using Font = HarfBuzzSharp.Font;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// KLREQ and JLREQ: a full-width bracket beside a space loses its half-width blank (an opener after a space,
/// a closer before one: TextRules.LosesLeadingBlank / LosesTrailingBlank), in the PDF as in the web page.
/// Measured on the page as poppler draws it (the ink), read back with pdftotext and MuPDF (the text keeps its
/// spaces and brackets), and in the embedded font programs (each glyph advances by its /W width).
/// </summary>
public class BracketBlankTests
{
    public static IEnumerable<object[]> KoreanEditions() => RenderedEditions.All().Where(e => (string)e[1] == "ko");

    private const string Brackets = TextRules.FullWidthOpening + TextRules.FullWidthClosing;

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Pdf_blank_beside_a_bracket_next_to_a_space_is_an_ordinary_word_space(string id, string lang)
    {
        var pdf = RenderedEditions.Pdf(id, lang);
        using var reader = PdfDocument.Open(pdf);
        var trimmed = TrimmedJoints(id, lang).ToHashSet(StringComparer.Ordinal);
        var measured = new List<string>();
        var inks = new Dictionary<int, PageInk>();
        foreach (var (page, top, bottom, words) in PdfText.BoxedWords(pdf))
        {
            var joints = words.Zip(words.Skip(1)).ToList();
            bool Trims((PdfText.BoxedWord A, PdfText.BoxedWord B) j) => trimmed.Contains(j.A.Text + " " + j.B.Text);
            if (!joints.Any(Trims)) continue;
            if (!inks.TryGetValue(page, out var ink)) inks[page] = ink = PageInk.Draw(pdf, page);
            var height = reader.GetPage(page).Height;
            var size = reader.GetPage(page).Letters
                .Where(l => Brackets.Contains(l.Value) && height - l.StartBaseLine.Y >= top && height - l.StartBaseLine.Y <= bottom)
                .Select(l => l.PointSize).DefaultIfEmpty(0).Max();
            Assert.True(size > 0, $"page {page}: no bracket letter on '{string.Join(' ', words.Select(w => w.Text))}'");
            double? Blank((PdfText.BoxedWord A, PdfText.BoxedWord B) j) =>
                ink.BlankAround((j.A.Right + j.B.Left) / 2, top + 1, bottom - 1, j.A.Left, j.B.Right);
            var ordinary = joints.Where(j => char.IsLetterOrDigit(j.First.Text[^1]) && char.IsLetterOrDigit(j.Second.Text[0]))
                .Select(Blank).OfType<double>().Order().ToList();
            if (ordinary.Count == 0) continue;
            var space = ordinary[ordinary.Count / 2];
            foreach (var joint in joints.Where(Trims))
            {
                var blank = Blank(joint);
                Assert.True(blank is not null, $"page {page}: ink between '{joint.First.Text}' and '{joint.Second.Text}'");
                var excess = (blank!.Value - space) / size;
                measured.Add(string.Create(CultureInfo.InvariantCulture, $"'{joint.First.Text} {joint.Second.Text}' {blank:0.00} pt against {space:0.00} pt"));
                Assert.True(Math.Abs(excess) <= 0.15,
                    $"page {page}: the blank in '{joint.First.Text} {joint.Second.Text}' is {blank:0.00} pt, the line's word space {space:0.00} pt " +
                    $"({excess:+0.00;-0.00} em): a full-width bracket beside a space keeps its half-width blank");
            }
        }
        if (id == Repository.FeatureTour) Assert.True(measured.Count >= 4, "the tour's brackets beside spaces: " + string.Join("; ", measured));
    }

    /// <summary>
    /// PdfPig's letters, each as wide as its glyph's W: a bracket beside a space on its line is half its em wide, one
    /// between two letters ("조약」은") keeps its full width.
    /// </summary>
    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Pdf_brackets_beside_a_space_are_half_width_and_the_others_full_width(string id, string lang)
    {
        using var reader = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        int half = 0, full = 0;
        foreach (var page in reader.GetPages())
        foreach (var line in page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y * 2) / 2))
        {
            var letters = line.OrderBy(l => l.StartBaseLine.X).ToList();
            for (var k = 1; k + 1 < letters.Count; k++)
            {
                var c = letters[k].Value;
                if (c.Length != 1 || !Brackets.Contains(c[0])) continue;
                var opening = TextRules.FullWidthOpening.Contains(c[0]);
                var beside = opening ? letters[k - 1].Value == " " : letters[k + 1].Value == " ";
                var between = char.IsLetterOrDigit(letters[k - 1].Value[0]) && char.IsLetterOrDigit(letters[k + 1].Value[0]);
                if (!beside && !between) continue;
                var em = (letters[k].EndBaseLine.X - letters[k].StartBaseLine.X) / letters[k].PointSize;
                if (em < 0.8 && em > 0.3) Assert.True(beside, $"page {page.Number}: '{c}' between letters is set {em:0.00} em wide");
                else if (beside && em >= 0.8) Assert.Fail($"page {page.Number}: '{c}' beside a space is set {em:0.00} em wide");
                if (beside) half++; else full++;
            }
        }
        if (id == Repository.FeatureTour) Assert.True(half >= 4 && full >= 2, $"the tour's brackets: {half} beside a space, {full} between letters");
    }

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Pdf_text_keeps_the_space_beside_each_trimmed_bracket_in_poppler_and_MuPDF(string id, string lang)
    {
        var expected = TrimmedJoints(id, lang);
        if (id == Repository.FeatureTour) Assert.True(expected.Count >= 4, $"the tour's brackets beside spaces: {expected.Count}");
        var pdf = RenderedEditions.Pdf(id, lang);
        foreach (var (tool, read) in new (string, string)[]
        {
            ("pdftotext", ExternalTool.RunOnFile("pdftotext", "-enc UTF-8 -q {file} -", pdf, "pdf")),
            ("mutool", ExternalTool.RunOnFile("mutool", "draw -q -F txt {file}", pdf, "pdf")),
        })
        {
            var flat = Regex.Replace(read, @"\s+", " ");
            foreach (var words in expected)
                Assert.True(flat.Contains(words, StringComparison.Ordinal), $"{tool} reads no '{words}' in the {id} {lang} PDF");
        }
    }

    /// <summary>PDF/A-2 §6.2.11.5: each glyph's /W width is the advance the embedded font program gives it (read with HarfBuzz).</summary>
    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Pdf_embedded_fonts_advance_every_glyph_by_its_W_width(string id, string lang)
    {
        var pdf = QpdfObjects.Of(RenderedEditions.Pdf(id, lang));
        var checkedFonts = 0;
        foreach (var (_, value) in pdf.All)
        {
            if (value.ValueKind != System.Text.Json.JsonValueKind.Object || !value.TryGetProperty("/Subtype", out var subtype) || subtype.GetString() != "/CIDFontType2") continue;
            var descriptor = pdf.Get(value.GetProperty("/FontDescriptor"));
            var program = pdf.Data(descriptor.GetProperty("/FontFile2"));
            var gids = value.GetProperty("/CIDToGIDMap") is { ValueKind: System.Text.Json.JsonValueKind.String } map && map.GetString() == "/Identity"
                ? null : pdf.Data(value.GetProperty("/CIDToGIDMap"));
            using var blob = Blob.FromStream(new MemoryStream(program));
            using var face = new Face(blob, 0);
            using var font = new Font(face);
            var widths = pdf.Get(value.GetProperty("/W")).EnumerateArray().ToList();
            Assert.True(widths.Count == 2 && widths[0].GetInt32() == 0, "W is one run from CID 0");
            var cid = 0;
            foreach (var w in widths[1].EnumerateArray())
            {
                var gid = gids is null ? cid : gids[2 * cid] << 8 | gids[2 * cid + 1];
                var advance = font.GetHorizontalGlyphAdvance((uint)gid) * 1000.0 / face.UnitsPerEm;
                Assert.True(Math.Abs(advance - w.GetDouble()) <= 0.5,
                    $"{descriptor.GetProperty("/FontName").GetString()}: CID {cid} is {w.GetDouble()} wide in W, {advance:0.##} in the font program");
                cid++;
            }
            Assert.True(face.GlyphCount >= cid - (gids is null ? 0 : cid), "W lists more glyphs than the font has");
            checkedFonts++;
        }
        Assert.True(checkedFonts >= 2, $"{checkedFonts} CID fonts found");
    }


    /// <summary>
    /// At a line's start (the line broke at the space before an opener) and end (at the space after a closer) the bracket is
    /// set half-width too: the space is still in the text, so the rule applies, and the ink stands near the margin as the
    /// text's other edges do. The first character of a paragraph follows no space and keeps its blank.
    /// </summary>
    [Fact]
    public void Pdf_bracket_at_a_line_start_or_end_after_a_break_at_its_space_is_half_width()
    {
        const string text = "「한일관계사」는 책이고 「대한민국과 일본국 간의 기본관계에 관한 조약」 같은 조약은 홑낫표로 묶으며, 『한국 외교의 과제』 같은 책은 겹낫표로 묶는다.";
        var style = Asan.Briefs.Tests.Pdf.Text.TextFixture.Theme.Style("body", "ko");
        var font = new Asan.Briefs.Fonts.FontLibrary().Get(Path.Combine(Repository.Templates, "fonts", "NanumMyeongjo.ttf"));
        var full = font.Font.GetHorizontalGlyphAdvance(font.GlyphFor('「')) * style.Size / font.UnitsPerEm;
        int starts = 0, ends = 0;
        for (var width = 90.0; width <= 300; width += 3)
        {
            var lines = Asan.Briefs.Tests.Pdf.Text.TextFixture.Layouter.Layout(Asan.Briefs.Tests.Pdf.Text.TextFixture.Plain(text), style, "ko", width, 0, LineBreaking.TotalFit);
            for (var n = 0; n < lines.Count; n++)
            {
                var runs = lines[n].Runs.Where(r => r.Glyphs.Length > 0).ToList();
                var first = runs[0];
                if (TextRules.FullWidthOpening.Contains(first.Text[0]))
                {
                    var advance = (first.Glyphs.Length > 1 ? first.Positions[1] : first.Width) - first.Positions[0];
                    var expected = n == 0 ? full : full / 2;
                    Assert.True(Math.Abs(advance - expected) < 0.3, $"at {width} pt, line {n + 1} '{Asan.Briefs.Tests.Pdf.Text.TextFixture.LineText(lines[n])}' starts with a bracket {advance:0.00} pt wide, not {expected:0.00}");
                    if (n > 0) starts++;
                }
                var last = runs[^1];
                var end = last.Text.TrimEnd();
                if (n + 1 < lines.Count && end.Length > 0 && TextRules.FullWidthClosing.Contains(end[^1]))
                {
                    var g = last.Glyphs.Length - 1;
                    while (g > 0 && last.Clusters[g] >= end.Length) g--; // a space set after it
                    var advance = (g + 1 < last.Glyphs.Length ? last.Positions[g + 1] : last.Width) - last.Positions[g];
                    Assert.True(advance < full / 2 + 0.3, $"at {width} pt, line {n + 1} '{Asan.Briefs.Tests.Pdf.Text.TextFixture.LineText(lines[n])}' ends with a bracket {advance:0.00} pt wide");
                    ends++;
                }
            }
        }
        Assert.True(starts > 0 && ends > 0, $"no width set a bracket at a line start ({starts}) and at a line end ({ends})");
    }

    /// <summary>
    /// The DOCX, read with the Open XML SDK: the closer, or the space before the opener, is a run of its own condensed by the
    /// bracket's blank in NanumMyeongjo (half its em, read with HarfBuzz; none for NanumGothic's proportional brackets), Word's
    /// character spacing after a character (ECMA-376 17.3.2.35). LibreOffice 7.4 does not draw it (condensing a one-character
    /// run moves nothing in its PDF): the report of issue #11 has the figures.
    /// </summary>
    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Docx_condenses_each_bracket_beside_a_space_by_its_half_width_blank(string id, string lang)
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(id, lang)), false);
        var main = docx.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        var byId = styles.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, StringComparer.Ordinal);
        double Size(string? styleId)
        {
            for (var style = styleId is null ? null : byId.GetValueOrDefault(styleId); style is not null; style = style.BasedOn?.Val?.Value is { } b ? byId.GetValueOrDefault(b) : null)
                if (style.StyleRunProperties?.FontSize?.Val?.Value is { } sz) return double.Parse(sz, CultureInfo.InvariantCulture) / 2;
            return double.Parse(styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val!.Value!, CultureInfo.InvariantCulture) / 2;
        }
        var condensed = 0;
        var paragraphs = main.Document!.Body!.Descendants<Paragraph>().Concat(main.FootnotesPart?.Footnotes?.Descendants<Paragraph>() ?? []);
        foreach (var paragraph in paragraphs)
        {
            var runs = paragraph.Descendants<Run>().Select(r => (Run: r, Text: string.Concat(r.Elements<Text>().Select(t => t.Text)))).Where(r => r.Text.Length > 0).ToList();
            var text = string.Concat(runs.Select(r => r.Text));
            var runAt = runs.SelectMany(r => Enumerable.Repeat(r.Run, r.Text.Length)).ToList();
            var size = Size(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal");
            var expected = new SortedDictionary<int, int>();
            for (var i = 0; i < text.Length; i++)
            {
                var leading = TextRules.LosesLeadingBlank(text, i);
                if (!leading && !TextRules.LosesTrailingBlank(text, i)) continue;
                var family = runAt[i].RunProperties?.RunFonts?.EastAsia?.Value;
                if (family is not ("NanumMyeongjo" or "NanumGothic")) continue;
                var blank = Blank(family, text[i], leading);
                if (blank > 0) expected[leading ? i - 1 : i] = -(int)Math.Round(blank * size * 20);
            }
            var found = new SortedDictionary<int, int>();
            for (var i = 0; i < text.Length; i++)
                if (runAt[i].RunProperties?.Spacing?.Val?.Value is { } spacing && spacing != 0 && (i == 0 || runAt[i - 1] != runAt[i]))
                {
                    Assert.True(i + 1 == text.Length || runAt[i + 1] != runAt[i], $"'{text}': the condensed run at {i} holds more than its character");
                    found[i] = spacing;
                }
            Assert.True(expected.SequenceEqual(found),
                $"'{text}': the rule condenses [{string.Join(", ", expected.Select(e => $"{e.Key}:{e.Value}"))}], the draft [{string.Join(", ", found.Select(e => $"{e.Key}:{e.Value}"))}]");
            condensed += found.Count;
        }
        if (id == Repository.FeatureTour) Assert.True(condensed >= 3, $"the tour's brackets beside spaces: {condensed} condensed");
    }

    /// <summary>The blank of a full-width bracket on the side that goes, at most half its em, in em; 0 for a proportional one.</summary>
    private static double Blank(string family, char bracket, bool opening)
    {
        using var blob = Blob.FromFile(Path.Combine(Repository.Root, "templates", "fonts", family + ".ttf"));
        using var face = new Face(blob, 0);
        using var font = new Font(face);
        font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        if (!font.TryGetNominalGlyph(bracket, out var glyph)) return 0;
        var advance = font.GetHorizontalGlyphAdvance(glyph);
        if (advance < face.UnitsPerEm * 0.9 || !font.TryGetGlyphExtents(glyph, out var ink)) return 0;
        var blank = opening ? ink.XBearing : advance - ink.XBearing - ink.Width;
        return Math.Max(0, Math.Min(advance / 2, blank)) / (double)face.UnitsPerEm;
    }

    /// <summary>
    /// Where the rule trims a bracket, the two words on either side of its space as the text has them
    /// ("체결된 「대한민국과", "『한일관계사』 같은"), from each paragraph and note of the print markup.
    /// </summary>
    private static List<string> TrimmedJoints(string id, string lang)
    {
        var (body, notes) = PdfText.Written(RenderedEditions.PrintDocument(id, lang));
        // A note's text follows its mark after an indent, not a space.
        var paragraphs = body.Split('\n').Concat(notes.Split('\n').Select(n => Regex.Replace(n, @"^\S+ ", "")));
        var joints = new List<string>();
        foreach (var text in paragraphs)
        {
            int Start(int k) { while (k > 0 && !char.IsWhiteSpace(text[k - 1])) k--; return k; }
            int End(int k) { while (k < text.Length && !char.IsWhiteSpace(text[k])) k++; return k; }
            for (var i = 0; i < text.Length; i++)
            {
                if (TextRules.LosesLeadingBlank(text, i)) joints.Add(text[Start(i - 1)..End(i)]);
                else if (TextRules.LosesTrailingBlank(text, i)) joints.Add(text[Start(i)..End(i + 2)]);
            }
        }
        return joints;
    }
}
