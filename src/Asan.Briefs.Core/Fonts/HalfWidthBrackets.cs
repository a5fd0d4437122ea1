using Asan.Briefs.Typography;

namespace Asan.Briefs.Fonts;

/// <summary>
/// Half-width forms of a face's full-width brackets, for the brackets that lose their half-width blank
/// beside a space (<see cref="TextRules.LosesLeadingBlank"/>, <see cref="TextRules.LosesTrailingBlank"/>).
/// A typesetter would take the face's proportional forms (OpenType halt or palt), but NanumMyeongjo has
/// none, so the PDF writer adds them to the face's subset as composite glyphs
/// (<see cref="CompositeGlyphs"/>): an opener drawn its blank to the left, a closer where it is, each
/// advancing its em less that blank. Their ids follow the font's own glyphs, one per bracket character,
/// so shaped text can carry them like any glyph and every document numbers them alike.
/// </summary>
public static class HalfWidthBrackets
{
    private const string Brackets = TextRules.FullWidthOpening + TextRules.FullWidthClosing;

    /// <summary>What a half-width bracket draws: <see cref="Glyph"/> of the font moved <see cref="XOffset"/>, advancing <see cref="Advance"/> (font units).</summary>
    public readonly record struct Form(ushort Glyph, short XOffset, ushort Advance);

    /// <summary>
    /// The half-width form of bracket <paramref name="c"/> set as <paramref name="glyph"/>, or null when
    /// it has none: the glyph is not the face's own full-width bracket (at least 0.9 em wide), or it has
    /// no blank on the side that goes. The blank that goes is half the em, or less where the ink
    /// reaches further (the ink never leaves the glyph's box).
    /// </summary>
    public static ushort? For(FontData font, char c, uint glyph)
    {
        var k = Brackets.IndexOf(c);
        if (k < 0 || glyph == 0 || font.GlyphFor(c) != glyph || font.GlyphCount + Brackets.Length > ushort.MaxValue) return null;
        return Describe(font, k) is { } ? (ushort)(font.GlyphCount + k) : null;
    }

    /// <summary>True for a glyph id that <see cref="For"/> made: not one of the font's own.</summary>
    public static bool IsHalfWidth(FontData font, uint glyph) => glyph >= font.GlyphCount && glyph < font.GlyphCount + Brackets.Length;

    /// <summary>What the half-width glyph <paramref name="glyph"/> (from <see cref="For"/>) draws.</summary>
    public static Form Describe(FontData font, uint glyph) =>
        IsHalfWidth(font, glyph) && Describe(font, (int)(glyph - font.GlyphCount)) is { } form
            ? form : throw new ArgumentException($"{font}: glyph {glyph} is no half-width bracket", nameof(glyph));

    /// <summary>The advance of any glyph of the face, a half-width bracket's included, in font units.</summary>
    public static int Advance(FontData font, uint glyph) =>
        IsHalfWidth(font, glyph) ? Describe(font, glyph).Advance : font.Font.GetHorizontalGlyphAdvance(glyph);

    private static Form? Describe(FontData font, int k)
    {
        var glyph = font.GlyphFor(Brackets[k]);
        if (glyph == 0) return null;
        var advance = font.Font.GetHorizontalGlyphAdvance(glyph);
        if (advance < font.UnitsPerEm * 9 / 10 || !font.Font.TryGetGlyphExtents(glyph, out var ink)) return null;
        var opening = k < TextRules.FullWidthOpening.Length;
        var blank = opening ? ink.XBearing : advance - ink.XBearing - ink.Width;
        var trim = Math.Min(advance / 2, blank);
        if (trim <= 0) return null;
        return new Form((ushort)glyph, (short)(opening ? -trim : 0), (ushort)(advance - trim));
    }
}
