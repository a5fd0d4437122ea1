using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Pdf.Pages;

/// <summary>
/// A deliberately simple text setter for page-engine tests: breaks at spaces, first fit, justified
/// by widening spaces. It keeps the page tests independent of the real text engine's line breaking.
/// </summary>
public sealed class GreedyTextSetter(Theme theme) : ITextSetter
{
    private sealed record Piece(GlyphRun Run, bool IsSpace, bool BreakAfter);

    public IReadOnlyList<LineBox> Set(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang, double width, double firstLineIndent)
    {
        var lines = new List<LineBox>();
        var (ascent, descent) = Metrics(style);
        var current = new List<Piece>();
        var x = firstLineIndent;
        void Flush(bool last)
        {
            while (current.Count > 0 && current[^1].IsSpace) current.RemoveAt(current.Count - 1);
            var natural = current.Sum(p => p.Run.Width);
            var indent = lines.Count == 0 ? firstLineIndent : 0;
            var slack = width - indent - natural;
            var spaces = current.Count(p => p.IsSpace);
            var extra = style.Align == TextAlign.Justify && !last && spaces > 0 ? slack / spaces : 0;
            var offset = indent + style.Align switch { TextAlign.Center => slack / 2, TextAlign.Right => slack, _ => 0 };
            var runs = new List<GlyphRun>();
            var pos = offset;
            foreach (var p in current)
            {
                if (p.IsSpace) { pos += p.Run.Width + extra; continue; }
                runs.Add(p.Run with { X = pos });
                pos += p.Run.Width;
            }
            lines.Add(new LineBox(runs, pos, ascent, descent, style.LineHeight, last));
            current = [];
            x = 0;
        }
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case PrintLineBreak:
                    Flush(true);
                    break;
                case PrintText t:
                    foreach (var word in Split(t.Text))
                    {
                        var isSpace = word == " ";
                        var run = Shape(word, style, t.Bold, t.Italic, t.Href, null, 0);
                        if (!isSpace && x + run.Width > width && current.Any(p => !p.IsSpace)) Flush(false);
                        if (isSpace && current.Count == 0) continue;
                        current.Add(new Piece(run, isSpace, isSpace));
                        x += run.Width;
                    }
                    break;
                case PrintNoteCall call:
                {
                    var run = Shape(call.Note.Mark, style with { Size = style.Size * 0.65 }, false, false, null, call.Note, style.Size * 0.35);
                    current.Add(new Piece(run, false, false));
                    x += run.Width;
                    break;
                }
            }
        }
        if (current.Count > 0 || lines.Count == 0) Flush(true);
        return lines;
    }

    public (double Natural, double Minimum) Measure(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang)
    {
        double natural = 0, min = 0;
        foreach (var t in inlines.OfType<PrintText>())
            foreach (var word in Split(t.Text))
            {
                var w = Shape(word, style, t.Bold, t.Italic, null, null, 0).Width;
                natural += w;
                if (word != " ") min = Math.Max(min, w);
            }
        return (natural, min);
    }

    private static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ') continue;
            if (i > start) yield return text[start..i];
            yield return " ";
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    private (double, double) Metrics(ParagraphStyle style)
    {
        var font = FontLibrary.Shared.Get(theme.Face(style.FontRole, Script.Latin, style.Bold, style.Italic).Path);
        return (font.Ascender * style.Size / font.UnitsPerEm, -font.Descender * style.Size / font.UnitsPerEm);
    }

    private GlyphRun Shape(string word, ParagraphStyle style, bool bold, bool italic, string? href, PrintNote? note, double shift)
    {
        var hangul = word.Any(c => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F');
        var face = theme.Face(style.FontRole, hangul ? Script.Hangul : Script.Latin, bold || style.Bold, italic ^ style.Italic);
        var font = FontLibrary.Shared.Get(face.Path);
        var shaped = TextShaper.Shared.Shape(font, word, hangul);
        var scale = style.Size / font.UnitsPerEm;
        var positions = new float[shaped.Glyphs.Length];
        var pen = 0.0;
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = (float)(pen + shaped.XOffsets[i] * scale);
            pen += shaped.Advances[i] * scale;
        }
        return new GlyphRun(face, style.Size, style.Color, shaped.Glyphs.ToArray(), positions, word, shaped.Clusters.ToArray(), 0, pen, shift, href, note);
    }
}
