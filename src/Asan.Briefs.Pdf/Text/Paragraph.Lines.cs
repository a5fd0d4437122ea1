using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Line assembly: the chosen breaks turned into justified or aligned line boxes.</summary>
internal sealed partial class Paragraph
{
    public IReadOnlyList<LineBox> SetLines(LineBreaker breaker, List<int> breaks, double firstLineIndent)
    {
        var lines = new List<LineBox>(breaks.Count);
        var builder = new RunBuilder(_text, TakesSyllableSpace);
        var start = 0;
        for (var li = 0; li < breaks.Count; li++)
        {
            var end = breaks[li];
            var endsParagraph = li == breaks.Count - 1;
            var forced = Items[end].IsForcedBreak;
            var lineWidth = breaker.LineWidth(li);
            var (natural, stretch, shrink) = breaker.Measure(start, end);

            double ratio = 0;
            if (natural > lineWidth + 1e-9 && shrink > 0) ratio = Math.Max(-1, (lineWidth - natural) / shrink);
            else if (natural < lineWidth && _style.Align == TextAlign.Justify && !forced && stretch > 0) ratio = breaker.Ratio(start, end, li);
            var stretch2 = ratio > 1 ? breaker.Stretch2(start, end) : 0;
            var setWidth = natural + (ratio < 0 ? ratio * shrink : stretch2 > 0 ? stretch + (ratio - 1) * stretch2 : ratio * stretch);
            var adjust = Share(start, end, ratio, stretch, shrink, stretch2);

            var x = li == 0 ? firstLineIndent : 0;
            var slack = Math.Max(0, lineWidth - setWidth);
            x += _style.Align switch
            {
                TextAlign.Center => slack / 2,
                TextAlign.Right => slack,
                _ => 0,
            };

            builder.Begin(x);
            for (var i = start; i < end; i++)
            {
                ref readonly var it = ref Items[i];
                switch (it.Kind)
                {
                    case ItemKind.Box:
                        var boxEnd = it.FragCount > 0 ? _frags[it.FragStart + it.FragCount - 1].TextStart + _frags[it.FragStart + it.FragCount - 1].TextLength : 0;
                        var spacing = it.Stretch > 0 || it.Shrink > 0 ? adjust.Syllable : 0;
                        for (var f = it.FragStart; f < it.FragStart + it.FragCount; f++) builder.Add(in _frags[f], -1, spacing, boxEnd);
                        break;
                    case ItemKind.Glue:
                        var gw = it.Width + (adjust.Glue < 0 ? adjust.Glue * it.Shrink : adjust.Glue * it.Stretch + adjust.Glue2 * it.Stretch2);
                        if (it.FragCount > 0) builder.Add(in _frags[it.FragStart], gw);
                        else builder.Skip(gw);
                        break;
                }
            }
            // A hyphenation point taken: its hyphen ends the line.
            if (end < ItemCount && Items[end].Kind == ItemKind.Penalty && Items[end].FragCount > 0)
                builder.Add(in _frags[Items[end].FragStart], -1);
            var runs = builder.Finish();
            lines.Add(MakeLine(runs, builder.X, builder.Ascent, builder.Descent, endsParagraph));
            start = breaker.AfterBreak(end);
        }
        return lines;
    }

    /// <summary>How a line's adjustment is shared out: the ratio of the spaces' stretch (or shrink when
    /// negative), the ratio of their second-tier stretch, and the spacing added between syllables.</summary>
    private readonly record struct Adjustment(double Glue, double Glue2, double Syllable);

    /// <summary>
    /// KLREQ order. Shrinking: the spaces first, then the syllables up to their limit. Stretching: the
    /// spaces first, then the syllables up to their cap; past that (ratio 1 to 2) the spaces up to the
    /// widest word gap and the syllables up to their limit together; past 2 the spaces alone.
    /// </summary>
    private Adjustment Share(int start, int end, double ratio, double stretch, double shrink, double stretch2)
    {
        double boxStretch = 0, boxStretch2 = 0, boxShrink = 0;
        for (var i = start; i < end; i++)
            if (Items[i].Kind == ItemKind.Box) (boxStretch, boxStretch2, boxShrink) = (boxStretch + Items[i].Stretch, boxStretch2 + Items[i].Stretch2, boxShrink + Items[i].Shrink);
        var size = _style.Size;
        if (ratio < 0)
        {
            var needed = -ratio * shrink;
            var glue = shrink - boxShrink;
            if (needed <= glue || boxShrink <= 0) return new(glue > 0 ? -Math.Min(needed, glue) / glue : 0, 0, 0);
            return new(-1, 0, -Math.Min(1, (needed - glue) / boxShrink) * _justify.LetterShrink * size);
        }
        if (stretch2 > 0)
        {
            var tier2 = ratio - 1;
            var glue2 = stretch2 - boxStretch2;
            var syllable = (_justify.LetterSpacing + Math.Min(1, tier2) * (_justify.LetterSpacingLimit - _justify.LetterSpacing)) * size;
            return new(1, tier2 > 1 && glue2 > 0 ? tier2 + (tier2 - 1) * boxStretch2 / glue2 : tier2, syllable);
        }
        if (boxStretch <= 0) return new(ratio, 0, 0);
        var need = ratio * stretch;
        var glueStretch = stretch - boxStretch;
        var fraction = glueStretch >= need ? 0 : Math.Min(1, (need - glueStretch) / boxStretch);
        return new(glueStretch > 0 ? (need - fraction * boxStretch) / glueStretch : 0, 0, fraction * _justify.LetterSpacing * size);
    }

    private LineBox MakeLine(List<GlyphRun> runs, double right, double ascent, double descent, bool endsParagraph)
    {
        if (runs.Count == 0)
        {
            var st = StyleFor(new SpanInfo(), _korean ? Script.Hangul : Script.Latin);
            ascent = st.Font.Ascender * st.Scale;
            descent = -st.Font.Descender * st.Scale;
        }
        return new LineBox(runs, right, ascent, descent, _style.LineHeight, endsParagraph);
    }
}
