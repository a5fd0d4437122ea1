using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Asan.Briefs.Tests.Support;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Pdf.Standards;

/// <summary>
/// The PDF/X-4 print file of every edition (ISO 15930-7), read back with qpdf, poppler, PdfPig,
/// pdf.js and Ghostscript's separations, and compared with the theme it was made from.
/// </summary>
public partial class PdfPrintTests
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    private static double Bleed => Repository.Theme.Pdf.Print.Bleed;

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Trim_is_exact_A4_and_the_page_grows_by_the_themes_bleed_with_the_content_moved_with_it(string id, string lang)
    {
        var print = RenderedEditions.Print(id, lang);
        var page = Repository.Theme.Page;
        var b = Bleed;
        Assert.Equal(3 * 72 / 25.4, b, 3); // theme.yaml: bleed 3mm
        var qpdf = QpdfObjects.Of(print);
        foreach (var p in qpdf.Pages)
        {
            AssertBox([b, b, b + page.Width, b + page.Height], qpdf.Box(p, "/TrimBox"));
            AssertBox([0, 0, page.Width + 2 * b, page.Height + 2 * b], qpdf.Box(p, "/BleedBox"));
            AssertBox([0, 0, page.Width + 2 * b, page.Height + 2 * b], qpdf.Box(p, "/MediaBox"));
        }
        // poppler reads the same boxes: TrimBox inside BleedBox inside MediaBox.
        var boxes = ExternalTool.RunOnFile("pdfinfo", "-box {file}", print, "pdf");
        Assert.Matches(@"TrimBox:\s+8\.50\s+8\.50\s+603\.78\s+850\.39", boxes);
        Assert.Matches(@"BleedBox:\s+0\.00\s+0\.00\s+612\.28\s+858\.90", boxes);
        // Every letter of the web file is in the print file, moved by the bleed.
        AssertLettersMoved(RenderedEditions.Pdf(id, lang), print, b);
    }

    /// <summary>Every letter of the web file is in the print file, moved by <paramref name="by"/> on both axes (PdfPig).</summary>
    internal static void AssertLettersMoved(byte[] webFile, byte[] printFile, double by)
    {
        using var web = PdfDocument.Open(webFile);
        using var press = PdfDocument.Open(printFile);
        Assert.Equal(web.NumberOfPages, press.NumberOfPages);
        for (var n = 1; n <= web.NumberOfPages; n++)
        {
            var a = web.GetPage(n).Letters;
            var c = press.GetPage(n).Letters;
            Assert.Equal(a.Select(l => l.Value), c.Select(l => l.Value));
            for (var i = 0; i < a.Count; i++)
            {
                // Both files round positions to four decimals.
                Assert.True(Math.Abs(a[i].StartBaseLine.X + by - c[i].StartBaseLine.X) < 0.001 && Math.Abs(a[i].StartBaseLine.Y + by - c[i].StartBaseLine.Y) < 0.001,
                    $"page {n}: '{c[i].Value}' at {c[i].StartBaseLine}, expected {a[i].StartBaseLine} moved by {by}");
            }
        }
    }

    internal static void AssertBox(double[] expected, double[] actual)
    {
        Assert.Equal(4, actual.Length);
        // The file writes four decimals.
        for (var i = 0; i < 4; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < 0.0001, $"box [{string.Join(' ', actual)}], expected [{string.Join(' ', expected)}]");
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Output_intent_metadata_and_trapping_identify_PDF_X_4_for_FOGRA39(string id, string lang)
    {
        var print = RenderedEditions.Print(id, lang);
        Assert.Equal("%PDF-1.6\n", Encoding.ASCII.GetString(print, 0, 9)); // PDF/X-4 is PDF 1.6
        var pdf = QpdfObjects.Of(print);
        var intent = Assert.Single(pdf.Get(pdf.Catalog.GetProperty("/OutputIntents")).EnumerateArray().Select(pdf.Get));
        Assert.Equal("/GTS_PDFX", intent.GetProperty("/S").GetString());
        Assert.Equal("u:FOGRA39", intent.GetProperty("/OutputConditionIdentifier").GetString());
        Assert.Equal("u:http://www.color.org", intent.GetProperty("/RegistryName").GetString());
        var profileRef = intent.GetProperty("/DestOutputProfile");
        Assert.Equal(4, pdf.Get(profileRef).GetProperty("/N").GetInt32());
        var profile = pdf.Data(profileRef);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Templates, "color", "FOGRA39L.icc")), profile);
        Assert.Equal("prtrCMYK", Encoding.ASCII.GetString(profile, 12, 8)); // an output profile of a CMYK press

        var info = pdf.Get(pdf.Trailer.GetProperty("/Info"));
        Assert.Equal("/False", info.GetProperty("/Trapped").GetString());
        Assert.Equal("u:PDF/X-4", info.GetProperty("/GTS_PDFXVersion").GetString());
        Assert.StartsWith("u:", info.GetProperty("/Title").GetString());
        // ISO 15930-7 asks for a title and both dates, the same in Info and XMP, and an intent /Info string.
        Assert.StartsWith("u:", intent.GetProperty("/Info").GetString());
        string Date(string key) => System.Text.RegularExpressions.Regex.Match(info.GetProperty(key).GetString()!, @"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)").Groups
            .Values.Skip(1).Select(g => g.Value).Aggregate((a, b) => a + b);

        var xmp = XDocument.Parse(Encoding.UTF8.GetString(pdf.Data(pdf.Catalog.GetProperty("/Metadata"))));
        string One(string ns, string name) => xmp.Descendants(XName.Get(name, ns)).Single().Value;
        Assert.Equal("PDF/X-4", One("http://www.npes.org/pdfx/ns/id/", "GTS_PDFXVersion"));
        Assert.Equal("False", One("http://ns.adobe.com/pdf/1.3/", "Trapped"));
        Assert.Equal(Date("/CreationDate"), string.Concat(One("http://ns.adobe.com/xap/1.0/", "CreateDate").Where(char.IsAsciiDigit)));
        Assert.Equal(Date("/ModDate"), string.Concat(One("http://ns.adobe.com/xap/1.0/", "ModifyDate").Where(char.IsAsciiDigit)));
        Assert.Equal(info.GetProperty("/Title").GetString()![2..], xmp.Descendants(XName.Get("title", "http://purl.org/dc/elements/1.1/")).Single().Value);
        Assert.StartsWith("uuid:", One("http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
        Assert.Equal("1", One("http://ns.adobe.com/xap/1.0/mm/", "VersionID"));
        Assert.Equal("default", One("http://ns.adobe.com/xap/1.0/mm/", "RenditionClass"));
        Assert.Equal("1", One("http://www.aiim.org/pdfua/ns/id/", "part"));
        Assert.Empty(xmp.Descendants(XName.Get("part", "http://www.aiim.org/pdfa/ns/id/"))); // it does not claim PDF/A

        // Links stay in the file and its structure, off the press: no annotation prints.
        foreach (var (reference, value) in pdf.All.Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("/Subtype", out var s) && s.GetString() == "/Link"))
            Assert.True((value.GetProperty("/F").GetInt32() & 4) == 0, $"link {reference} prints");
        ExternalTool.RunOnFile("qpdf", "--check {file}", print, "pdf");
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Content_paints_only_in_DeviceCMYK_with_the_themes_values_and_body_text_is_100_K(string id, string lang)
    {
        var pdf = QpdfObjects.Of(RenderedEditions.Print(id, lang));
        var theme = Repository.Theme.Pdf.Print.CmykByHex.Values.Select(v => string.Join(" ", v.Select(c => c.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)))).ToHashSet();
        var used = new HashSet<string>();
        foreach (var page in pdf.Pages)
        foreach (var content in PdfArchiveTests.Contents(pdf, page))
        {
            // No RGB and no other colour space in any content stream: rg/RG, cs/CS, sc/scn, g/G are absent.
            Assert.DoesNotMatch(@"(^|\s)(rg|RG|cs|CS|sc|SC|scn|SCN|g|G)(\s|$)", content);
            foreach (Match m in CmykOperator().Matches(content)) used.Add(m.Groups[1].Value);
        }
        Assert.Subset(theme, used);
        Assert.Contains("0 0 0 1", used); // body text: black ink only
        foreach (var (reference, value) in pdf.All.Where(o => o.Value.ValueKind == JsonValueKind.Object))
        {
            Assert.DoesNotContain("/DeviceRGB", value.GetRawText());
            if (value.TryGetProperty("/Subtype", out var s) && s.GetString() == "/Image" && value.GetProperty("/ColorSpace").ValueKind != JsonValueKind.String)
                Assert.Contains("/ICCBased", value.GetProperty("/ColorSpace").GetRawText()); // RGB figures keep their profile for the press to convert
        }
    }

    [GeneratedRegex(@"(?:^|\s)([\d.]+ [\d.]+ [\d.]+ [\d.]+) [kK](?=\s|$)")]
    private static partial Regex CmykOperator();

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Ghostscripts_separations_show_body_text_on_the_black_plate_only(string id, string lang)
    {
        var checkedLetters = AssertBodyTextOnBlackOnly(RenderedEditions.Print(id, lang));
        Assert.True(checkedLetters > 500, $"only {checkedLetters} body letters found");
    }

    /// <summary>
    /// Separates each page with Ghostscript and asserts that no C, M or Y ink lies under any body letter
    /// (the serif faces at the body size, outside links, which are in the accent colour) and that the
    /// black plate has them; returns how many letters it checked.
    /// </summary>
    internal static int AssertBodyTextOnBlackOnly(byte[] print)
    {
        var qpdf = QpdfObjects.Of(print);
        using var pdf = PdfDocument.Open(print);
        var checkedLetters = 0;
        for (var n = 1; n <= pdf.NumberOfPages; n++)
        {
            var page = pdf.GetPage(n);
            var links = (qpdf.Pages[n - 1].TryGetProperty("/Annots", out var annots) ? qpdf.Get(annots).EnumerateArray().Select(a => qpdf.Box(qpdf.Get(a), "/Rect")).ToList() : []);
            var body = page.Letters.Where(l => Math.Abs(l.PointSize - 10) < 0.01 && l.Value.Trim().Length > 0
                    && ((l.FontName ?? "").Contains("Serif", StringComparison.Ordinal) || (l.FontName ?? "").Contains("Myeongjo", StringComparison.Ordinal))
                    && !links.Any(r => l.BoundingBox.Centroid.X >= r[0] && l.BoundingBox.Centroid.X <= r[2] && l.BoundingBox.Centroid.Y >= r[1] && l.BoundingBox.Centroid.Y <= r[3]))
                .ToList();
            if (body.Count == 0) continue;
            var plates = InkPlates.Separate(print, n);
            var height = page.Height;
            var black = 0;
            foreach (var letter in body)
            {
                var box = letter.BoundingBox;
                int x0 = (int)Math.Ceiling(box.Left), x1 = (int)Math.Floor(box.Right), y0 = (int)Math.Ceiling(height - box.Top), y1 = (int)Math.Floor(height - box.Bottom);
                foreach (var ink in new[] { "Cyan", "Magenta", "Yellow" })
                    Assert.True(plates.Inked(ink, x0, y0, x1, y1) == 0, $"page {n}: '{letter.Value}' at {box} has {ink} ink");
                black += plates.Inked("Black", x0, y0, x1, y1);
                checkedLetters++;
            }
            Assert.True(black > body.Count, $"page {n}: the body text is not on the black plate");
        }
        return checkedLetters;
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Carries_the_same_structure_tree_as_the_web_file(string id, string lang)
    {
        Assert.Equal(PdfJsStructTree.Read(RenderedEditions.Pdf(id, lang)), PdfJsStructTree.Read(RenderedEditions.Print(id, lang)));
    }
}
