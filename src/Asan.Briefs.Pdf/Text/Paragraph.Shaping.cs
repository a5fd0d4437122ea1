using Asan.Briefs.Fonts;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Shaping: pieces of text shaped by HarfBuzz into fragments, with fallback to the other script's face.</summary>
internal sealed partial class Paragraph
{
    /// <summary>Shapes [start, end) as fragments of one style and script each; returns their width.</summary>
    private double AddFragments(int start, int end)
    {
        double width = 0;
        var k = start;
        while (k < end)
        {
            var m = k + 1;
            while (m < end && _spanOf[m] == _spanOf[k] && _script[m] == _script[k]) m++;
            width += AddShaped(k, m, StyleAt(k, _script[k]));
            k = m;
        }
        return width;
    }

    private double AddShaped(int start, int end, RunStyle style)
    {
        var shaper = _owner.Shaper;
        var shaped = shaper.Shape(style.Font, _text.AsSpan(start, end - start), style.Hangul, style.Features);
        if (!shaped.HasNotdef || style.Fallback is not { } other)
            return AddFragWidth(shaped, style, start, end - start);

        // Font fallback: characters the face lacks go to the other script's face when it has them.
        double width = 0;
        var k = start;
        while (k < end)
        {
            var useOther = NeedsOther(k, style.Font, other.Font, out var len);
            var m = k + len;
            while (m < end && NeedsOther(m, style.Font, other.Font, out var l2) == useOther) m += l2;
            var st = useOther ? other : style;
            var piece = shaper.Shape(st.Font, _text.AsSpan(k, m - k), st.Hangul, st.Features);
            width += AddFragWidth(piece, st, k, m - k);
            k = m;
        }
        return width;
    }

    private bool NeedsOther(int i, FontData primary, FontData other, out int length)
    {
        var c = _text[i];
        int cp = c;
        length = 1;
        if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
        {
            cp = char.ConvertToUtf32(c, _text[i + 1]);
            length = 2;
        }
        return !primary.HasGlyph(cp) && other.HasGlyph(cp);
    }

    private double AddFragWidth(ShapedText shaped, RunStyle style, int start, int length)
    {
        shaped = WithHalfWidthBrackets(shaped, style.Font, start);
        var width = shaped.Advance * style.Scale + style.Tracking * shaped.Glyphs.Length;
        AddFrag(shaped, style, start, length, width);
        return width;
    }

    /// <summary>
    /// KLREQ, JLREQ: a full-width bracket beside a space gives up its half-width blank (an opener after a
    /// space, a closer before one; <see cref="TextRules.LosesLeadingBlank"/>), so the two do not leave a
    /// double gap. The bracket is set as the face's half-width form (<see cref="HalfWidthBrackets"/>), a
    /// glyph whose advance is what is left, so extracted text boxes it where its ink is. A copy: shapes are shared.
    /// </summary>
    private ShapedText WithHalfWidthBrackets(ShapedText shaped, FontData font, int start)
    {
        ushort[]? glyphs = null;
        int[]? advances = null;
        for (var g = 0; g < shaped.Glyphs.Length; g++)
        {
            var i = start + (int)shaped.Clusters[g];
            if (!TextRules.LosesLeadingBlank(_text, i) && !TextRules.LosesTrailingBlank(_text, i)) continue;
            if (HalfWidthBrackets.For(font, _text[i], shaped.Glyphs[g]) is not { } half) continue;
            glyphs ??= shaped.Glyphs.ToArray();
            advances ??= shaped.Advances.ToArray();
            advances[g] -= HalfWidthBrackets.Advance(font, shaped.Glyphs[g]) - HalfWidthBrackets.Advance(font, half);
            glyphs[g] = half;
        }
        return glyphs is null ? shaped : shaped.With(glyphs, advances);
    }

    private int AddFrag(ShapedText shaped, RunStyle style, int start, int length, double width)
    {
        if (_fragCount == _frags.Length) Array.Resize(ref _frags, _frags.Length * 2);
        _frags[_fragCount] = new Frag { Shape = shaped, Style = style, TextStart = start, TextLength = length, Width = width };
        return _fragCount++;
    }
}
