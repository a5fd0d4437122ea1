using System.Text.RegularExpressions;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Pdf.Standards;

/// <summary>
/// The print file with the theme's crop marks turned on (pdf.print.crop_marks): the page grows to hold
/// them, the trim and bleed stay where the theme puts them, and the marks print in registration colour
/// on every plate, outside the BleedBox; read back with qpdf, poppler, PdfPig, pdf.js and Ghostscript.
/// </summary>
public sealed partial class CropMarkTests : IDisposable
{
    private readonly ScratchBrief _scratch = new();

    /// <summary>Both editions of the seed brief, web and print, built with crop marks on.</summary>
    private (byte[] Web, byte[] Print) Build(string lang)
    {
        var templates = _scratch.CopyTemplates();
        var theme = Path.Combine(templates, "theme.yaml");
        var yaml = File.ReadAllText(theme);
        Assert.Contains("crop_marks: false", yaml);
        File.WriteAllText(theme, yaml.Replace("crop_marks: false", "crop_marks: true", StringComparison.Ordinal));
        var publisher = new Publisher(new Workspace(Repository.Content, templates, _scratch.Artifacts), new BuildStamp(null));
        Assert.True(publisher.Theme.Pdf.Print.CropMarks);
        var brief = publisher.ReadBriefs([Repository.SeedBrief])[0];
        var files = publisher.Render(brief, lang, OutputFormat.Pdf | OutputFormat.Print);
        byte[] Of(string ext) => files.Single(f => f.RelativePath.EndsWith($".{lang}.{ext}", StringComparison.Ordinal)).Bytes;
        return (Of("pdf"), Of("print.pdf"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Crop_marks_print_on_every_plate_outside_the_bleed_on_a_page_grown_to_hold_them(string lang)
    {
        var (web, print) = Build(lang);
        var size = Repository.Theme.Page;
        var bleed = Repository.Theme.Pdf.Print.Bleed;
        var qpdf = QpdfObjects.Of(print);
        var media = qpdf.Box(qpdf.Pages[0], "/MediaBox");
        var margin = media[2] / 2 - size.Width / 2;
        // Room beyond the bleed for the marks: at least the usual 3 mm offset and a few millimetres of line.
        Assert.True(margin - bleed > 5 * 72 / 25.4 - 0.01, $"the page grows by {margin} pt on each side, the bleed is {bleed} pt");
        foreach (var p in qpdf.Pages)
        {
            PdfPrintTests.AssertBox([0, 0, size.Width + 2 * margin, size.Height + 2 * margin], qpdf.Box(p, "/MediaBox"));
            PdfPrintTests.AssertBox([margin - bleed, margin - bleed, margin + size.Width + bleed, margin + size.Height + bleed], qpdf.Box(p, "/BleedBox"));
            PdfPrintTests.AssertBox([margin, margin, margin + size.Width, margin + size.Height], qpdf.Box(p, "/TrimBox"));
        }
        // poppler reads the same boxes; the trim is still exact A4.
        var boxes = ExternalTool.RunOnFile("pdfinfo", "-box {file}", print, "pdf");
        var trim = Regex.Match(boxes, @"TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)");
        Assert.True(trim.Success, boxes);
        Assert.Equal(size.Width, double.Parse(trim.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(trim.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1);
        Assert.Matches(@"MediaBox:\s+0\.00\s+0\.00\s+" + Regex.Escape((size.Width + 2 * margin).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)), boxes);

        // The content moved by the whole margin, letter for letter.
        PdfPrintTests.AssertLettersMoved(web, print, margin);

        // Ghostscript's separations of every page (72 dpi: a pixel is a point, top left origin).
        for (var n = 1; n <= qpdf.Pages.Count; n++)
        {
            var plates = InkPlates.Separate(print, n);
            var b = qpdf.Box(qpdf.Pages[n - 1], "/BleedBox");
            var h = (int)Math.Round(media[3]);
            var w = (int)Math.Round(media[2]);
            Assert.Equal((w, h), (plates.Width, plates.Height));
            // The bleed band (BleedBox outside the TrimBox) has no ink: no mark reaches into it. One pixel
            // of tolerance at each edge for the rasteriser.
            int bx0 = (int)Math.Floor(b[0]) + 1, bx1 = (int)Math.Ceiling(b[2]) - 1, by0 = h - (int)Math.Ceiling(b[3]) + 1, by1 = h - (int)Math.Floor(b[1]) - 1;
            int tx0 = (int)Math.Floor(margin) - 1, tx1 = (int)Math.Ceiling(margin + size.Width) + 1, ty0 = (int)Math.Floor(margin) - 1, ty1 = (int)Math.Ceiling(margin + size.Height) + 1;
            foreach (var ink in Inks)
            {
                var band = plates.Inked(ink, bx0, by0, bx1, ty0) + plates.Inked(ink, bx0, ty1, bx1, by1)
                    + plates.Inked(ink, bx0, ty0, tx0, ty1) + plates.Inked(ink, tx1, ty0, bx1, ty1);
                Assert.True(band == 0, $"page {n}: {band} pixels of {ink} in the bleed band");
            }
            // Outside the BleedBox the same pixels are inked on all four plates (registration colour)…
            var outside = Inks.Select(ink => plates.Inked(ink, 0, 0, w, by0 - 1) + plates.Inked(ink, 0, by1 + 1, w, h)
                + plates.Inked(ink, 0, by0 - 1, bx0 - 1, by1 + 1) + plates.Inked(ink, bx1 + 1, by0 - 1, w, by1 + 1)).ToList();
            Assert.True(outside.All(c => c == outside[0]) && outside[0] > 0, $"page {n}: ink outside the bleed: {string.Join(", ", Inks.Zip(outside))}");
            // …and there is a mark on each of the eight lines of the trim's edges beyond its corners.
            foreach (var (x0, y0, x1, y1) in Corners(w, h, bx0 - 1, by0 - 1, bx1 + 1, by1 + 1, margin))
                foreach (var ink in Inks)
                    Assert.True(plates.Inked(ink, x0, y0, x1, y1) > 0, $"page {n}: no {ink} mark in [{x0} {y0} {x1} {y1}]");
        }

        // The marks are Artifacts of type Page, in registration colour; body text stays on the black plate alone.
        foreach (var page in qpdf.Pages)
        foreach (var content in PdfArchiveTests.Contents(qpdf, page))
        {
            var marks = MarksArtifact().Matches(content);
            Assert.Single(marks);
            Assert.Equal(8, Regex.Matches(marks[0].Value, @"1 1 1 1 K").Count);
            Assert.Equal(8, Regex.Matches(content, @"1 1 1 1 K").Count); // no registration colour elsewhere
        }
        Assert.True(PdfPrintTests.AssertBodyTextOnBlackOnly(print) > 200);
        Assert.Equal(PdfJsStructTree.Read(web), PdfJsStructTree.Read(print));
        ExternalTool.RunOnFile("qpdf", "--check {file}", print, "pdf");
    }

    private static readonly string[] Inks = ["Cyan", "Magenta", "Yellow", "Black"];

    /// <summary>Eight strips outside the bleed where a mark lies: beyond each corner, on the lines of the trim's edges.</summary>
    private static IEnumerable<(int, int, int, int)> Corners(int w, int h, int bx0, int by0, int bx1, int by1, double margin)
    {
        int l = (int)Math.Round(margin), r = (int)Math.Round(w - margin), t = (int)Math.Round(margin), b = (int)Math.Round(h - margin);
        foreach (var x in new[] { l, r })
        {
            yield return (x - 1, 0, x + 1, by0);   // above the page, on the vertical edge
            yield return (x - 1, by1, x + 1, h);   // below it
        }
        foreach (var y in new[] { t, b })
        {
            yield return (0, y - 1, bx0, y + 1);   // left of the page, on the horizontal edge
            yield return (bx1, y - 1, w, y + 1);   // right of it
        }
    }

    [GeneratedRegex(@"/Artifact << /Type /Page >> BDC.*?EMC", RegexOptions.Singleline)]
    private static partial Regex MarksArtifact();

    public void Dispose() => _scratch.Dispose();
}
