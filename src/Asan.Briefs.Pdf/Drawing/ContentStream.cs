using System.Text;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.Pdf.Text;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// One page's content stream (ISO 32000-1 §8, §9.4): set lines as TJ arrays of subset glyph ids,
/// with the layout's positions kept exactly by TJ adjustments against the W widths; rules as
/// stroked lines; images as XObjects. Positions go through the page's <see cref="PageFrame"/>.
/// </summary>
internal sealed class ContentStream(PageFrame frame, CidFonts fonts, Inks inks)
{
    /// <summary>Slant for faces that have no italic: the usual 12° oblique.</summary>
    private const double SyntheticSkew = 0.21;

    private readonly StringBuilder _ops = new(16 * 1024);
    private string? _fill;

    /// <summary>The operators as ASCII, encoded from the builder's pieces without a string of the whole page between.</summary>
    public byte[] Bytes
    {
        get
        {
            var bytes = new byte[_ops.Length];
            var at = 0;
            foreach (var chunk in _ops.GetChunks()) at += Encoding.ASCII.GetBytes(chunk.Span, bytes.AsSpan(at));
            // Operators are ASCII; were a non-ASCII pair ever written, its replacement would be shorter.
            return at == bytes.Length ? bytes : Encoding.ASCII.GetBytes(_ops.ToString());
        }
    }

    /// <summary>Raw operators, for marked-content brackets.</summary>
    public void Operator(string op) => _ops.Append(op).Append('\n');

    public void Line(TextLineItem line)
    {
        foreach (var run in line.Line.Runs) Run(line, run);
    }

    /// <summary>One run of a set line (tagged content brackets each run on its own).</summary>
    public void Run(TextLineItem line, GlyphRun run)
    {
        if (run.Glyphs.Length > 0) Run(run, line.X + run.X, line.Baseline - run.BaselineShift);
    }

    public void Rule(RuleItem rule)
    {
        _ops.Append(PdfSyntax.Number(rule.Thickness)).Append(" w ").Append(inks.Stroke(rule.Color)).Append(' ');
        Point(rule.X1, rule.Y1).Append(" m ");
        Point(rule.X2, rule.Y2).Append(" l S\n");
    }

    /// <summary>A stroked line in registration colour (every ink at 100 %, so it shows on all plates), for printer's marks.</summary>
    public void RegistrationLine(double x1, double y1, double x2, double y2, double thickness)
    {
        _ops.Append(PdfSyntax.Number(thickness)).Append(" w 1 1 1 1 K ");
        Point(x1, y1).Append(" m ");
        Point(x2, y2).Append(" l S\n");
    }

    public void Image(ImageItem image, string resource)
    {
        _ops.Append("q ").Append(PdfSyntax.Number(image.Width)).Append(" 0 0 ").Append(PdfSyntax.Number(image.Height)).Append(' ');
        Point(image.X, image.Y + image.Height).Append(" cm ").Append(PdfSyntax.Name(resource)).Append(" Do Q\n");
    }

    private void Run(GlyphRun run, double x, double baseline)
    {
        var font = fonts.For(run.Face.Path);
        var fill = inks.Fill(run.Color);
        if (fill != _fill) { _ops.Append(fill).Append('\n'); _fill = fill; }
        PdfSyntax.Number(_ops.Append("BT /").Append(font.Name).Append(' '), run.Size).Append(" Tf 1 0 ")
            .Append(run.Face.SynthesizeItalic ? PdfSyntax.Number(SyntheticSkew) : "0").Append(" 1 ");
        Point(x, baseline).Append(" Tm\n[");
        var letters = Letters(run);
        var text = run.Text;
        var perUnit = run.Size / 1000.0;
        var pen = 0.0;
        var open = false;
        for (var i = 0; i < run.Glyphs.Length; i++)
        {
            var glyph = font.Face.Map(run.Glyphs[i]);
            // A hyphen added at a line break (its run's text is U+00AD) draws the hyphen's glyph under a
            // CID of its own whose ToUnicode is the soft hyphen, and ActualText says so too (ISO 32000-1
            // §14.8.2.2.3): copied text gives the word unbroken, while "Korea-Japan" keeps its hyphen.
            var (start, length) = letters[i];
            var addedHyphen = length == 1 && text[start] == '\u00AD';
            if (addedHyphen) glyph = font.Alias(glyph, "\u00AD");
            else font.Note(glyph, text, start, length);
            // Move from where the last glyph's width left the pen to where layout put this glyph.
            var adjust = Math.Round((pen - run.Positions[i]) / perUnit, 2);
            if (Math.Abs(adjust) >= 0.01)
            {
                if (open) { _ops.Append('>'); open = false; }
                PdfSyntax.Number(_ops, adjust);
                pen -= adjust * perUnit;
            }
            // A glyph for several letters (a ligature) carries them as ActualText too, for readers that skip ToUnicode.
            var ligature = addedHyphen || (length > 1 && !(length == 2 && char.IsSurrogatePair(text, start)));
            if (ligature)
            {
                if (open) { _ops.Append('>'); open = false; }
                _ops.Append("] TJ /Span << /ActualText ").Append(PdfSyntax.Text(text.Substring(start, length))).Append(" >> BDC [");
            }
            if (!open) { _ops.Append('<'); open = true; }
            AppendHex4(glyph);
            if (ligature) { _ops.Append(">] TJ EMC ["); open = false; }
            pen += font.Face.Widths[run.Glyphs[i]] * perUnit;
        }
        if (open) _ops.Append('>');
        _ops.Append("] TJ ET\n");
    }

    /// <summary>
    /// The letters each glyph stands for, as a range of the run's text: the text of its cluster for the
    /// cluster's first glyph, nothing for the others (a letter drawn with several glyphs is read once).
    /// Ranges, not strings: only a glyph's first use and a ligature's ActualText need its letters.
    /// </summary>
    private static (int Start, int Length)[] Letters(GlyphRun run)
    {
        var letters = new (int Start, int Length)[run.Glyphs.Length];
        if (run.Clusters.Length != run.Glyphs.Length || string.IsNullOrEmpty(run.Text)) return letters;
        for (var i = 0; i < letters.Length; i++)
        {
            var start = (int)run.Clusters[i];
            if (i > 0 && run.Clusters[i - 1] == run.Clusters[i] || start >= run.Text.Length) continue;
            var end = run.Text.Length;
            for (var j = i + 1; j < letters.Length; j++)
                if (run.Clusters[j] != run.Clusters[i]) { end = Math.Max(start, Math.Min(end, (int)run.Clusters[j])); break; }
            if (end <= start) end = Math.Min(run.Text.Length, start + 1);
            letters[i] = (start, end - start);
        }
        return letters;
    }

    /// <summary>A 2-byte glyph code as four capital hex digits, appended without a string per glyph.</summary>
    private void AppendHex4(ushort value)
    {
        const string hex = "0123456789ABCDEF";
        _ops.Append(hex[value >> 12]).Append(hex[(value >> 8) & 0xF]).Append(hex[(value >> 4) & 0xF]).Append(hex[value & 0xF]);
    }

    private StringBuilder Point(double x, double y) =>
        PdfSyntax.Number(PdfSyntax.Number(_ops, frame.X(x)).Append(' '), frame.Y(y));
}
