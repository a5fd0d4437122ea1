using System.Buffers.Binary;
using Asan.Briefs.Fonts;
using Asan.Briefs.Typography;
using HarfBuzzSharp;

namespace Asan.Briefs.Tests.Pdf.Text;

/// <summary>
/// The half-width brackets the PDF writer adds to a subset (HalfWidthBrackets, CompositeGlyphs), read back from the
/// font file with HarfBuzz: each new glyph advances by its half-width and its ink
/// is the bracket's, moved by the blank it gave up; the file's checksums hold.
/// </summary>
public class CompositeGlyphTests
{
    [Fact]
    public void Half_width_brackets_appended_to_a_subset_read_back_with_their_advance_and_ink()
    {
        var font = new FontLibrary().Get(TextFixture.FontPath("NanumMyeongjo.ttf"));
        const string brackets = "「』";
        var halves = brackets.Select(c => HalfWidthBrackets.For(font, c, font.GlyphFor(c))!.Value).ToList();
        var forms = halves.Select(h => HalfWidthBrackets.Describe(font, h)).ToList();
        var subset = FontSubsetter.SubsetGlyphsCompact(font, forms.Select(f => (uint)f.Glyph), brackets.Select(c => (int)c));
        var (bytes, first) = CompositeGlyphs.Append(subset.Bytes,
            forms.Select(f => new CompositeGlyphs.Composite((ushort)subset.GlyphMap[f.Glyph], f.XOffset, f.Advance)).ToList());

        using var blob = Blob.FromStream(new MemoryStream(bytes));
        using var face = new Face(blob, 0);
        using var read = new Font(face);
        read.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        Assert.Equal(first + forms.Count, face.GlyphCount);
        for (var i = 0; i < forms.Count; i++)
        {
            var full = (uint)subset.GlyphMap[forms[i].Glyph];
            var half = (uint)(first + i);
            var advance = read.GetHorizontalGlyphAdvance(half);
            Assert.Equal(forms[i].Advance, advance);
            Assert.InRange(advance, read.GetHorizontalGlyphAdvance(full) / 2, read.GetHorizontalGlyphAdvance(full) / 2 + 1); // 487 of 973
            Assert.Equal(TextRules.FullWidthOpening.Contains(brackets[i]) ? advance - read.GetHorizontalGlyphAdvance(full) : 0, forms[i].XOffset);
            Assert.True(read.TryGetGlyphExtents(full, out var ink));
            Assert.True(read.TryGetGlyphExtents(half, out var moved));
            Assert.Equal(ink.XBearing + forms[i].XOffset, moved.XBearing);
            Assert.Equal((ink.Width, ink.YBearing, ink.Height), (moved.Width, moved.YBearing, moved.Height));
            Assert.InRange(moved.XBearing, 0, forms[i].Advance - moved.Width); // the ink inside the glyph's box
        }

        // The whole file sums to 0xB1B0AFBA with head's checkSumAdjustment (OpenType spec, head); tables are 4-byte aligned.
        Assert.Equal(0, bytes.Length % 4);
        uint sum = 0;
        for (var at = 0; at < bytes.Length; at += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
        Assert.Equal(0xB1B0AFBAu, sum);
    }
}
