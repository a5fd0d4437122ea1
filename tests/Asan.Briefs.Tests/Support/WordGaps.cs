using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// The spaces between words on the justified lines of a PDF, read back with poppler's
/// `pdftotext -bbox-layout` (word boxes) and PdfPig (the size of the line's letters). A justified
/// line has three or more words and its right edge meets the measure (the page's right margin);
/// its gaps are given in em of its font size. This is how issue #11 measures looseness.
/// </summary>
public static partial class WordGaps
{
    public sealed record Line(int Page, string Text, double Size, IReadOnlyList<double> Gaps)
    {
        public double Max => Gaps.Max();
        public double Mean => Gaps.Average();
    }

    public sealed record Summary(int Lines, double MaxGap, double MedianMean, int Over)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Lines} justified lines, widest gap {MaxGap:0.00} em, median line mean {MedianMean:0.000} em, {Over} line(s) over 0.5 em");
    }

    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    /// <summary>The justified lines of a PDF whose text column ends <paramref name="rightMargin"/> points from the right edge.</summary>
    public static IReadOnlyList<Line> JustifiedLines(byte[] pdf, double rightMargin)
    {
        var xhtml = ExternalTool.RunOnFile("pdftotext", "-bbox-layout -q {file} -", pdf, "pdf");
        var doc = XDocument.Parse(xhtml[..(xhtml.LastIndexOf("</html>", StringComparison.Ordinal) + 7)]);
        using var reader = PdfDocument.Open(pdf);
        var lines = new List<Line>();
        var pageNumber = 0;
        foreach (var page in doc.Descendants(X + "page"))
        {
            pageNumber++;
            var letters = reader.GetPage(pageNumber).Letters;
            var width = Num(page, "width");
            var height = Num(page, "height");
            var measure = width - rightMargin;
            foreach (var line in page.Descendants(X + "line"))
            {
                if (Math.Abs(Num(line, "xMax") - measure) > 0.5) continue;
                var top = height - Num(line, "yMax");
                var bottom = height - Num(line, "yMin");
                var onLine = letters.Where(l => l.StartBaseLine.Y >= top && l.StartBaseLine.Y <= bottom && !string.IsNullOrWhiteSpace(l.Value)).ToList();
                double SizeOf(double left, double right) => onLine
                    .Where(l => l.StartBaseLine.X >= left - 0.2 && l.StartBaseLine.X <= right + 0.2)
                    .Select(l => l.PointSize).DefaultIfEmpty(0).Max();
                var words = line.Elements(X + "word")
                    .Select(w => (Text: w.Value, Left: Num(w, "xMin"), Right: Num(w, "xMax"), Size: SizeOf(Num(w, "xMin"), Num(w, "xMax"))))
                    .ToList();
                var size = Math.Round(words.Max(w => w.Size), 2);
                if (size == 0) continue;
                // A note call (smaller letters) is part of the word it marks, and poppler also splits a
                // word where the font changes (Hangul to Latin) with no space between: not a gap.
                var merged = new List<(string Text, double Left, double Right)>();
                foreach (var w in words)
                {
                    if (merged.Count > 0 && (w.Size < size * 0.85 || w.Left - merged[^1].Right < 0.08 * size))
                        merged[^1] = (merged[^1].Text + w.Text, merged[^1].Left, w.Right);
                    else merged.Add((w.Text, w.Left, w.Right));
                }
                // The mark that opens a footnote or list item is set apart by an indent, not a word space.
                if (merged.Count > 1 && Marker().IsMatch(merged[0].Text)) merged.RemoveAt(0);
                if (merged.Count < 3) continue;
                var gaps = merged.Zip(merged.Skip(1), (a, b) => (b.Left - a.Right) / size).ToList();
                lines.Add(new Line(pageNumber, string.Join(' ', merged.Select(m => m.Text)), size, gaps));
            }
        }
        return lines;
    }

    public static Summary Summarise(IReadOnlyCollection<Line> lines)
    {
        if (lines.Count == 0) return new Summary(0, 0, 0, 0);
        var means = lines.Select(l => l.Mean).OrderBy(m => m).ToList();
        var median = means.Count % 2 == 1 ? means[means.Count / 2] : (means[means.Count / 2 - 1] + means[means.Count / 2]) / 2;
        return new Summary(lines.Count, lines.Max(l => l.Max), median, lines.Count(l => l.Max > 0.5));
    }

    [GeneratedRegex(@"^(\d{1,2}\.?|[•·–-])$")]
    private static partial Regex Marker();

    private static double Num(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
}
