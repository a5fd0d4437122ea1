using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Line assembly: the chosen breaks turned into justified or aligned line boxes.</summary>
internal sealed partial class Paragraph
{
    public IReadOnlyList<LineBox> SetLines(LineBreaker breaker, List<int> breaks, double firstLineIndent)
    {
        var lines = new List<LineBox>(breaks.Count);
        var builder = new RunBuilder(_text);
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
            else if (natural < lineWidth && _style.Align == TextAlign.Justify && !forced && stretch > 0) ratio = (lineWidth - natural) / stretch;
            var setWidth = natural + (ratio < 0 ? ratio * shrink : ratio * stretch);
            // KLREQ order: the spaces stretch first, then the syllables up to their cap, then the spaces again.
            var (glueRatio, syllableSpace) = (ratio, 0.0);
            var syllableStretch = ratio > 0 ? BoxStretch(start, end) : 0;
            if (syllableStretch > 0)
            {
                var needed = ratio * stretch;
                var glueStretch = stretch - syllableStretch;
                var fraction = glueStretch >= needed ? 0 : Math.Min(1, (needed - glueStretch) / syllableStretch);
                syllableSpace = fraction * Paragraph.SyllableSpacingCap * _style.Size;
                glueRatio = glueStretch > 0 ? (needed - fraction * syllableStretch) / glueStretch : 0;
            }

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
                        for (var f = it.FragStart; f < it.FragStart + it.FragCount; f++) builder.Add(in _frags[f], -1, it.Stretch > 0 ? syllableSpace : 0);
                        break;
                    case ItemKind.Glue:
                        var gw = it.Width + (ratio < 0 ? ratio * it.Shrink : glueRatio * it.Stretch);
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

    private double BoxStretch(int start, int end)
    {
        double sum = 0;
        for (var i = start; i < end; i++)
            if (Items[i].Kind == ItemKind.Box) sum += Items[i].Stretch;
        return sum;
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
