using Asan.Briefs.Typography;
namespace Asan.Briefs.Pdf.Text;

/// <summary>Joins consecutive fragments of one style into glyph runs with absolute glyph positions.</summary>
internal sealed class RunBuilder(string text, Func<int, bool> spacedAfter)
{
    private readonly List<ushort> _glyphs = new(64);
    private readonly List<float> _positions = new(64);
    private readonly List<uint> _clusters = new(64);
    private List<GlyphRun> _runs = new();
    private RunStyle? _style;
    private int _textStart, _textEnd;
    private double _runX;
    private string? _ownText;

    /// <summary>The pen position: where the next glyph goes, from the line's left edge.</summary>
    public double X { get; private set; }

    /// <summary>Largest ascent and descent (both positive, in points) of the runs set since <see cref="Begin"/>.</summary>
    public double Ascent { get; private set; }
    public double Descent { get; private set; }

    public void Begin(double x)
    {
        _runs = new List<GlyphRun>(4);
        _style = null;
        X = x;
        Ascent = Descent = 0;
    }

    /// <summary>
    /// Appends a fragment; <paramref name="setWidth"/> ≥ 0 replaces its advance (stretched space);
    /// <paramref name="syllableSpace"/> is added after every character the paragraph allows it (<c>spacedAfter</c>)
    /// before text index <paramref name="spacingEnd"/> (the end of the box, so never at a line end).
    /// </summary>
    public void Add(in Frag frag, double setWidth, double syllableSpace = 0, int spacingEnd = 0)
    {
        var style = frag.Style;
        // A glyph with text of its own (an added hyphen) is a run of its own, so its text maps to it alone.
        if (_style is not null && (!ReferenceEquals(style, _style) || frag.TextStart != _textEnd || frag.OwnText is not null || _ownText is not null)) Flush();
        _ownText = frag.OwnText;
        if (_style is null)
        {
            _style = style;
            _runX = X;
            _textStart = frag.TextStart;
        }
        _textEnd = frag.TextStart + frag.TextLength;
        var shaped = frag.Shape;
        var scale = style.Scale;
        var clusterBase = (uint)(frag.TextStart - _textStart);
        var pen = X - _runX;
        for (var g = 0; g < shaped.Glyphs.Length; g++)
        {
            _glyphs.Add(shaped.Glyphs[g]);
            _positions.Add((float)(pen + shaped.XOffsets[g] * scale));
            _clusters.Add(clusterBase + shaped.Clusters[g]);
            pen += shaped.Advances[g] * scale + style.Tracking;
            if (syllableSpace != 0 && (g + 1 == shaped.Glyphs.Length || shaped.Clusters[g + 1] != shaped.Clusters[g]))
            {
                var ci = frag.TextStart + (int)shaped.Clusters[g];
                if (ci + 1 < spacingEnd && spacedAfter(ci)) pen += syllableSpace;
            }
        }
        X = setWidth >= 0 ? X + setWidth : _runX + pen;
    }

    public void Skip(double width) => X += width;

    public List<GlyphRun> Finish()
    {
        Flush();
        return _runs;
    }

    private void Flush()
    {
        if (_style is null) return;
        var st = _style;
        var scale = st.Scale;
        Ascent = Math.Max(Ascent, st.Font.Ascender * scale + st.Shift);
        Descent = Math.Max(Descent, -st.Font.Descender * scale - st.Shift);
        _runs.Add(new GlyphRun(st.Face, st.Size, st.Color, [.. _glyphs], [.. _positions],
            _ownText ?? text.Substring(_textStart, _textEnd - _textStart), [.. _clusters], _runX, X - _runX, st.Shift, st.Href, st.Note));
        _glyphs.Clear();
        _positions.Clear();
        _clusters.Clear();
        _style = null;
        _ownText = null;
    }
}
