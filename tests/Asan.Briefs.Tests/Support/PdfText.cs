using System.Globalization;
using System.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// Reads a PDF back the way a reader's software does and sorts its text into the body flow, the
/// footnotes and the page furniture, by position and size, so tests can compare each with the model.
/// </summary>
public sealed class PdfText
{
    public sealed record Line(int Page, double Baseline, double Left, double Right, double Size, string Text, IReadOnlyList<Letter> Letters);

    public PdfText(byte[] pdf, PrintDocument document, double noteSize)
    {
        using var reader = PdfDocument.Open(pdf);
        var page = document.Page;
        foreach (var p in reader.GetPages())
        {
            PageCount++;
            PageSizes.Add((p.Width, p.Height));
            var body = new StringBuilder();
            var notes = new StringBuilder();
            var softHyphens = SoftHyphens(p);
            foreach (var letter in p.Letters)
            {
                if (softHyphens.Contains(At(letter))) continue;
                var y = letter.StartBaseLine.Y;
                if (y > p.Height - page.MarginTop + 2 || y < page.MarginBottom - 2) continue; // running head and foot
                if (string.IsNullOrWhiteSpace(letter.Value)) continue;
                if (Math.Abs(letter.PointSize - noteSize) < 0.05) notes.Append(letter.Value);
                else if (letter.PointSize < noteSize - 0.5) NoteCalls.Add((p.Number, letter.Value));
                else body.Append(letter.Value);
            }
            Body.Append(body);
            Notes.Append(notes);
            PageNotes.Add(Squeeze(notes.ToString()));
            PageBodies.Add(Squeeze(body.ToString()));
            Lines.AddRange(p.Letters
                .GroupBy(l => Math.Round(l.StartBaseLine.Y * 2) / 2)
                .OrderByDescending(g => g.Key)
                .Select(g =>
                {
                    var letters = g.OrderBy(l => l.StartBaseLine.X).ToList();
                    return new Line(p.Number, g.Key, letters[0].StartBaseLine.X, letters[^1].EndBaseLine.X, letters.Max(l => l.PointSize),
                        string.Concat(letters.Select(l => l.Value)), letters);
                }));
        }
    }

    /// <summary>
    /// Hyphens added at line breaks: glyphs marked with ActualText U+00AD (a soft hyphen, ISO 32000
    /// 14.8.2.2.3). They are not part of the text, so the reading leaves them out.
    /// </summary>
    public static HashSet<(double X, double Y)> SoftHyphens(Page page)
    {
        var found = new HashSet<(double X, double Y)>();
        void Walk(IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> elements)
        {
            foreach (var e in elements)
            {
                if (e.ActualText == "\u00AD") found.UnionWith(e.Letters.Select(At));
                Walk(e.Children);
            }
        }
        Walk(page.GetMarkedContents());
        return found;
    }

    private static (double X, double Y) At(Letter letter) => (letter.StartBaseLine.X, letter.StartBaseLine.Y);

    public int PageCount { get; }
    public List<(double Width, double Height)> PageSizes { get; } = [];
    public StringBuilder Body { get; } = new();
    public StringBuilder Notes { get; } = new();
    public List<string> PageBodies { get; } = [];
    public List<string> PageNotes { get; } = [];
    public List<(int Page, string Mark)> NoteCalls { get; } = [];
    public List<Line> Lines { get; } = [];

    /// <summary>The lines of each page's text area (running head and foot left out), read with pdftotext.</summary>
    public static List<string> TextAreaLines(byte[] pdf, PageGeometry page)
    {
        var top = (int)(page.HeaderOffset + 4);
        var height = (int)(page.Height - page.HeaderOffset - page.FooterOffset - 12);
        var text = ExternalTool.Run("pdftotext", $"-enc UTF-8 -x 0 -y {top} -W {(int)page.Width} -H {height} - -", pdf);
        return text.Split('\n', '\f').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    /// <summary>Every line poppler finds (`pdftotext -bbox-layout`), in its reading order, with its page and vertical extent.</summary>
    public static List<(int Page, double Top, double Bottom, string Text)> BoxedLines(byte[] pdf) =>
        BoxedWords(pdf).Select(l => (l.Page, l.Top, l.Bottom, string.Join(' ', l.Words.Select(w => w.Text)))).ToList();

    /// <summary>A word as poppler boxes it: from its glyphs' origins and widths (points from the page's top left).</summary>
    public sealed record BoxedWord(string Text, double Left, double Right, double Top, double Bottom);

    /// <summary>Every line poppler finds (`pdftotext -bbox-layout`), in its reading order, with its page, vertical extent and words.</summary>
    public static List<(int Page, double Top, double Bottom, IReadOnlyList<BoxedWord> Words)> BoxedWords(byte[] pdf)
    {
        var xhtml = ExternalTool.RunOnFile("pdftotext", "-bbox-layout -q {file} -", pdf, "pdf");
        var doc = System.Xml.Linq.XDocument.Parse(xhtml[..(xhtml.LastIndexOf("</html>", StringComparison.Ordinal) + 7)]);
        System.Xml.Linq.XNamespace x = "http://www.w3.org/1999/xhtml";
        double Num(System.Xml.Linq.XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        return doc.Descendants(x + "page")
            .SelectMany((page, i) => page.Descendants(x + "line").Select(l =>
                (i + 1, Num(l, "yMin"), Num(l, "yMax"), (IReadOnlyList<BoxedWord>)l.Elements(x + "word")
                    .Select(w => new BoxedWord(w.Value, Num(w, "xMin"), Num(w, "xMax"), Num(w, "yMin"), Num(w, "yMax"))).ToList())))
            .ToList();
    }

    /// <summary>Text as compared: compatibility forms folded (ligatures to letters) and white space removed.</summary>
    public static string Squeeze(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The flow text the PDF should hold, in reading order, from the print markup.</summary>
    public static (string Body, string Notes) Expected(PrintDocument document)
    {
        var (body, notes) = Written(document);
        return (Squeeze(body), Squeeze(notes));
    }

    /// <summary>The body and note text of the print markup with its spaces, in reading order.</summary>
    public static (string Body, string Notes) Written(PrintDocument document)
    {
        var body = new StringBuilder();
        var notes = new StringBuilder();
        void Inlines(IEnumerable<PrintInline> inlines)
        {
            foreach (var inline in inlines)
            {
                if (inline is PrintText t) body.Append(t.Text);
                if (inline is PrintNoteCall call)
                    foreach (var p in call.Note.Paragraphs)
                        notes.Append(call.Note.Mark).Append(' ').Append(PrintWalker.PlainText(p.Inlines)).Append('\n');
            }
        }
        void Blocks(IEnumerable<PrintBlock> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case PrintParagraph p: Inlines(p.Inlines); body.Append('\n'); break;
                    case PrintHeading h: Inlines(h.Inlines); body.Append('\n'); break;
                    case PrintList l:
                        foreach (var item in l.Items) { body.Append(item.Marker).Append(' '); Blocks(item.Blocks); }
                        break;
                    case PrintQuote q: Blocks(q.Blocks); break;
                    case PrintGroup g: Blocks(g.Blocks); break;
                    case PrintFigure f:
                        if (f.Caption is not null) { Inlines(f.Caption.Inlines); body.Append('\n'); }
                        if (f.Credit is not null) { Inlines(f.Credit.Inlines); body.Append('\n'); }
                        break;
                    case PrintTable t:
                        if (t.Caption is not null) { Inlines(t.Caption.Inlines); body.Append('\n'); }
                        foreach (var cell in t.Rows.SelectMany(r => r.Cells)) { Inlines(cell.Inlines); body.Append('\n'); }
                        break;
                }
            }
        }
        Blocks(document.Blocks);
        return (body.ToString(), notes.ToString());
    }

    public static string Describe(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        string Around(string s) => s.Substring(Math.Max(0, at - 40), Math.Min(s.Length - Math.Max(0, at - 40), 80));
        string Code(string s) => at < s.Length ? $"U+{(int)s[at]:X4}" : "end";
        return string.Create(CultureInfo.InvariantCulture, $"first difference at {at} of {expected.Length} ({Code(expected)} expected, {Code(actual)} found):\nexpected …{Around(expected)}…\nactual   …{Around(actual)}…");
    }
}
