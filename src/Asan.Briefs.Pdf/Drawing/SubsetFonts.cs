using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Layout;
using SkiaSharp;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// One subset typeface per font file for a whole document: every glyph and character the pages use
/// is collected first, each face is cut once with hb-subset, renumbering glyphs compactly (the
/// painter maps shaped ids through <see cref="SubsetFace.GlyphMap"/>), and Skia draws from the
/// subset. A compact subset is a fraction of a glyph-id-keeping one, which makes Skia's own embedding
/// quick. Subsets are remembered by (file, glyphs, characters), so writing the same document again
/// does not subset again.
/// </summary>
internal static class SubsetFonts
{
    private static readonly ConcurrentDictionary<string, SubsetFace> Cache = new(StringComparer.Ordinal);

    public static Dictionary<string, SubsetFace> For(LaidOutDocument document)
    {
        var glyphs = new SortedDictionary<string, SortedSet<uint>>(StringComparer.Ordinal);
        var characters = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
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
        // Watch mode writes many versions of a document: keep the cache from growing without end.
        if (Cache.Count > 64) Cache.Clear();
        var faces = new Dictionary<string, SubsetFace>(StringComparer.Ordinal);
        foreach (var (path, set) in glyphs)
        {
            var used = characters[path];
            var key = path + "|" + Fingerprint(set) + "|" + Fingerprint(new SortedSet<uint>(used.Select(c => (uint)c)));
            faces[path] = Cache.GetOrAdd(key, _ => Load(path, set, used));
        }
        return faces;
    }

    /// <param name="characters">The characters the glyphs were set for: the subset's cmap maps exactly
    /// these, so a glyph shared by several code points (en dash and soft hyphen, say) reads back as the
    /// character that was set.</param>
    private static SubsetFace Load(string path, SortedSet<uint> glyphs, SortedSet<int> characters)
    {
        var subset = FontSubsetter.SubsetGlyphsCompact(FontLibrary.Shared.Get(path), glyphs, characters);
        using var data = SKData.CreateCopy(subset.Bytes);
        var typeface = SKTypeface.FromData(data)
            ?? throw new InvalidDataException($"{path}: Skia could not read the subset of this font");
        return new SubsetFace(typeface, subset.GlyphMap);
    }

    private static string Fingerprint(SortedSet<uint> values)
    {
        var bytes = new byte[values.Count * 4];
        var i = 0;
        foreach (var g in values) { BitConverter.TryWriteBytes(bytes.AsSpan(i), g); i += 4; }
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}

/// <summary>A subset typeface and where each shaped glyph id went in it.</summary>
internal sealed record SubsetFace(SKTypeface Typeface, IReadOnlyDictionary<uint, uint> GlyphMap)
{
    public ushort Map(ushort glyph) => (ushort)GlyphMap[glyph];
}
