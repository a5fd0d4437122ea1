using Asan.Briefs.Caching;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Layout;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// One subset per font file for a whole document: every glyph and character the pages use is
/// collected first, each face is cut once with hb-subset, renumbering glyphs compactly (content
/// streams map shaped ids through <see cref="SubsetFace.GlyphMap"/>), and the subset is embedded as
/// it comes out. Subsets are remembered by (file, glyphs, characters), so writing the same document
/// again does not subset again.
/// </summary>
internal static class SubsetFonts
{
    // Watch mode writes many versions of a document: the cache is kept from growing without end.
    private static readonly OnceCache<string, SubsetFace> Cache = new(StringComparer.Ordinal, limit: 64);

    public static Dictionary<string, SubsetFace> For(LaidOutDocument document, FontLibrary fontFiles)
    {
        // Hash sets while collecting (a document sets some 15,000 glyphs), sorted once per face.
        var glyphs = new Dictionary<string, HashSet<uint>>(StringComparer.Ordinal);
        var characters = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var page in document.Pages)
        foreach (var item in page.Items)
        {
            if (item is not TextLineItem line) continue;
            foreach (var run in line.Line.Runs)
            {
                if (!glyphs.TryGetValue(run.Face.Path, out var set)) glyphs[run.Face.Path] = set = [];
                foreach (var g in run.Glyphs) set.Add(g);
                if (!characters.TryGetValue(run.Face.Path, out var used)) characters[run.Face.Path] = used = [];
                foreach (var rune in run.Text.EnumerateRunes()) used.Add(rune.Value);
            }
        }
        var faces = new Dictionary<string, SubsetFace>(StringComparer.Ordinal);
        foreach (var (path, set) in glyphs)
        {
            var sortedGlyphs = set.Order().ToArray();
            var sortedCharacters = characters[path].Order().ToArray();
            var key = path + "|" + FontSubsetter.Fingerprint(MemoryMarshal.Cast<uint, int>(sortedGlyphs)) + "|" + FontSubsetter.Fingerprint(sortedCharacters);
            faces[path] = Cache.Get(key, _ => Load(fontFiles.Get(path), new SortedSet<uint>(sortedGlyphs), new SortedSet<int>(sortedCharacters)));
        }
        return faces;
    }

    /// <param name="characters">The characters the glyphs were set for: the subset's cmap maps exactly
    /// these, so a glyph shared by several code points (en dash and soft hyphen, say) reads back as the
    /// character that was set.</param>
    /// <remarks>Half-width brackets (<see cref="HalfWidthBrackets"/>) are not the face's own glyphs: the
    /// subset keeps the brackets they draw and gets them appended as composite glyphs.</remarks>
    private static SubsetFace Load(FontData font, SortedSet<uint> glyphs, SortedSet<int> characters)
    {
        var added = glyphs.Where(g => HalfWidthBrackets.IsHalfWidth(font, g)).ToList();
        var forms = added.Select(g => HalfWidthBrackets.Describe(font, g)).ToList();
        var own = new SortedSet<uint>(glyphs.Where(g => !HalfWidthBrackets.IsHalfWidth(font, g)).Concat(forms.Select(f => (uint)f.Glyph)));
        var subset = FontSubsetter.SubsetGlyphsCompact(font, own, characters);
        if (added.Count == 0) return SubsetFace.Of(font, subset.Bytes, subset.GlyphMap, Tag(subset.Bytes));
        var map = new Dictionary<uint, uint>(subset.GlyphMap);
        var (bytes, first) = CompositeGlyphs.Append(subset.Bytes,
            forms.Select(f => new CompositeGlyphs.Composite((ushort)map[f.Glyph], f.XOffset, f.Advance)).ToList());
        for (var i = 0; i < added.Count; i++) map[added[i]] = (uint)(first + i);
        return SubsetFace.Of(font, bytes, map, Tag(bytes));
    }

    /// <summary>
    /// The six capital letters before a subset's name (ISO 32000-1 §9.6.4), from a hash of the subset
    /// itself: different subsets of one face get different tags, so merged files cannot mix them up.
    /// </summary>
    private static string Tag(byte[] subset)
    {
        var hash = SHA256.HashData(subset);
        return string.Concat(hash.Take(6).Select(b => (char)('A' + b % 26)));
    }
}

/// <summary>
/// A subset of a font file: its bytes, where each shaped glyph id went in it, and its subset tag; with
/// what every write of it needs, worked out once (subsets are cached): the FontFile2 stream deflated,
/// and each glyph's advance in thousandths of an em, as W gives it and the content stream moves the pen.
/// </summary>
internal sealed record SubsetFace(FontData Font, byte[] Bytes, IReadOnlyDictionary<uint, uint> GlyphMap, string Tag,
    byte[] Deflated, IReadOnlyDictionary<uint, double> Widths)
{
    public static SubsetFace Of(FontData font, byte[] bytes, IReadOnlyDictionary<uint, uint> glyphMap, string tag) =>
        new(font, bytes, glyphMap, tag, PdfFile.Deflate(bytes),
            glyphMap.Keys.ToDictionary(g => g, g => HalfWidthBrackets.Advance(font, g) * 1000.0 / font.UnitsPerEm));

    public ushort Map(ushort glyph) => (ushort)GlyphMap[glyph];
}
