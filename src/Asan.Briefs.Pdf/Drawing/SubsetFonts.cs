using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Layout;
using SkiaSharp;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// One subset typeface per font file for a whole document: every glyph the pages use is collected
/// first, each face is cut once with hb-subset (glyph ids retained, so shaped ids stay valid), and
/// Skia draws from the subset. Subsets are remembered by (file, glyph set), so writing the same
/// document again does not subset again.
/// </summary>
internal static class SubsetFonts
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Cache = new(StringComparer.Ordinal);

    public static Dictionary<string, SKTypeface> For(LaidOutDocument document)
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
        var typefaces = new Dictionary<string, SKTypeface>(StringComparer.Ordinal);
        foreach (var (path, set) in glyphs)
        {
            var used = characters[path];
            var key = path + "|" + Fingerprint(set) + "|" + Fingerprint(new SortedSet<uint>(used.Select(c => (uint)c)));
            typefaces[path] = Cache.GetOrAdd(key, _ => Load(path, set, used));
        }
        return typefaces;
    }

    /// <param name="characters">The characters the glyphs were set for: the subset's cmap maps exactly
    /// these, so a glyph shared by several code points (en dash and soft hyphen, say) reads back as the
    /// character that was set.</param>
    private static SKTypeface Load(string path, SortedSet<uint> glyphs, SortedSet<int> characters)
    {
        var font = FontLibrary.Shared.Get(path);
        byte[] bytes;
        try
        {
            bytes = FontSubsetter.SubsetGlyphs(font, glyphs, characters);
        }
        catch (Exception e) when (e is InvalidOperationException or MarshalDirectiveException or EntryPointNotFoundException or DllNotFoundException)
        {
            // Skia's PDF backend subsets what it embeds on its own; hb-subset first only makes that cheaper.
            bytes = font.Bytes;
        }
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data)
            ?? throw new InvalidDataException($"{path}: Skia could not read the subset of this font");
    }

    private static string Fingerprint(SortedSet<uint> glyphs)
    {
        var bytes = new byte[glyphs.Count * 4];
        var i = 0;
        foreach (var g in glyphs) { BitConverter.TryWriteBytes(bytes.AsSpan(i), g); i += 4; }
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
