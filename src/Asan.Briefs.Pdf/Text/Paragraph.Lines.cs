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
                        for (var f = it.FragStart; f < it.FragStart + it.FragCount; f++) builder.Add(in _frags[f], -1);
                        break;
                    case ItemKind.Glue:
                        var gw = it.Width + (ratio < 0 ? ratio * it.Shrink : ratio * it.Stretch);
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
