using System.Globalization;
using System.Text.RegularExpressions;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Typography;
using HarfBuzzSharp;
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
