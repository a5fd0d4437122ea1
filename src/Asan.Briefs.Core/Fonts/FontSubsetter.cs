using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace Asan.Briefs.Fonts;

/// <summary>
/// Cuts fonts down to what a document uses with HarfBuzz's hb-subset (the same engine as the
/// <c>hb-subset</c> tool and Chrome's web-font subsetting), called through the libHarfBuzzSharp
/// native library that HarfBuzzSharp ships. Output is deterministic: the same font and set give the
/// same bytes.
/// </summary>
public static class FontSubsetter
{
    // hb_subset_flags_t
    private const uint FlagsDefault = 0x0;
    private const uint FlagNoHinting = 0x1;
    private const uint FlagRetainGids = 0x2;
    // hb_subset_sets_t
    private const int SetDropTableTag = 3;

    /// <summary>
    /// Subset for embedding in a PDF: keeps <paramref name="glyphIds"/> (plus .notdef) at their
    /// original ids (retain-gids), so glyph ids shaped against the full font stay valid in the subset.
    /// The subset's cmap maps <paramref name="codepoints"/> when given, else every code point whose
    /// nominal glyph is kept (so a viewer or Skia can still map glyphs back to text); the PDF's own
    /// ToUnicode map is what text extraction should rely on.
    /// Layout tables (GSUB, GPOS, GDEF…) are dropped unless <paramref name="keepLayoutTables"/>:
    /// the glyphs are already shaped.
    /// </summary>
    public static byte[] SubsetGlyphs(FontData font, IEnumerable<uint> glyphIds, IEnumerable<int>? codepoints = null,
        bool keepLayoutTables = false, bool dropHinting = false)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(glyphIds);
        var glyphs = glyphIds as IReadOnlyCollection<uint> ?? glyphIds.ToList();
        var (unreached, unicodes) = Reach(font.Font, glyphs, codepoints ?? NominalCodepoints(font.Face, font.Font, glyphs));
        return Subset(font.Face.Handle, font.Path, unreached, unicodes,
            FlagRetainGids | (dropHinting ? FlagNoHinting : 0), keepLayoutTables ? null : LayoutTables);
    }

    /// <summary>
    /// Like <see cref="SubsetGlyphs(FontData, IEnumerable{uint}, IEnumerable{int}?, bool, bool)"/>, but
    /// glyphs are renumbered compactly, so the subset holds no empty slots: it is a fraction of the
    /// size and quicker for a PDF writer to embed. <see cref="CompactSubset.GlyphMap"/> maps each
    /// original glyph id to its id in the subset.
    /// </summary>
    public static CompactSubset SubsetGlyphsCompact(FontData font, IEnumerable<uint> glyphIds, IEnumerable<int> codepoints, bool dropHinting = true)
    {
        ArgumentNullException.ThrowIfNull(font);
        var glyphs = glyphIds as IReadOnlyCollection<uint> ?? glyphIds.ToList();
        var (unreached, unicodes) = Reach(font.Font, glyphs, codepoints);
        var map = new Dictionary<uint, uint>();
        var bytes = Subset(font.Face.Handle, font.Path, unreached, unicodes, dropHinting ? FlagNoHinting : FlagsDefault, LayoutTables, map);
        foreach (var g in glyphs)
            if (!map.ContainsKey(g)) throw new InvalidOperationException($"{font.Path}: glyph {g} was lost in the subset");
        return new CompactSubset(bytes, map);
    }

    /// <inheritdoc cref="SubsetGlyphs(FontData, IEnumerable{uint}, IEnumerable{int}?, bool, bool)"/>
    public static byte[] SubsetGlyphs(byte[] fontBytes, IEnumerable<uint> glyphIds, IEnumerable<int>? codepoints = null,
        bool keepLayoutTables = false, bool dropHinting = false)
    {
        ArgumentNullException.ThrowIfNull(fontBytes);
        ArgumentNullException.ThrowIfNull(glyphIds);
        var glyphs = glyphIds as IReadOnlyCollection<uint> ?? glyphIds.ToList();
        return WithFace(fontBytes, (face, font) =>
        {
            var (unreached, unicodes) = Reach(font, glyphs, codepoints ?? NominalCodepoints(face, font, glyphs));
            return Subset(face.Handle, "font", unreached, unicodes,
                FlagRetainGids | (dropHinting ? FlagNoHinting : 0), keepLayoutTables ? null : LayoutTables);
        });
    }

    /// <summary>
    /// Subset for the web: keeps the glyphs needed for <paramref name="codepoints"/> (with their
    /// substitutions, so ligatures and kerning still work in the browser), renumbering glyphs
    /// compactly. Layout tables stay.
    /// </summary>
    public static byte[] SubsetUnicodes(FontData font, IEnumerable<int> codepoints, bool dropHinting = false)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(codepoints);
        return Subset(font.Face.Handle, font.Path, [], codepoints, dropHinting ? FlagNoHinting : FlagsDefault, null);
    }

    /// <summary>The code points of a string, for <see cref="SubsetUnicodes(FontData, IEnumerable{int}, bool)"/>.</summary>
    /// <summary>
    /// A digest of a sorted set of glyph ids or code points, for the caches that remember a subset by
    /// what it keeps (the PDF's and the web's): equal sets give equal keys, whatever their length.
    /// </summary>
    public static string Fingerprint(ReadOnlySpan<int> sorted) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(MemoryMarshal.AsBytes(sorted)));

    public static IEnumerable<int> CodepointsOf(string text)
    {
        foreach (var rune in text.EnumerateRunes()) yield return rune.Value;
    }

    private static readonly string[] LayoutTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "morx", "kerx", "kern"];

    /// <summary>
    /// Splits the glyphs into those the code points reach through the cmap and the rest (ligatures,
    /// alternates). Only the rest go to hb-subset as glyph ids: for a glyph asked for by id, hb-subset
    /// keeps every code point the font maps to it, and some fonts map control characters to the space,
    /// which viewers would then read back instead of the space.
    /// </summary>
    private static (List<uint> Unreached, List<int> Codepoints) Reach(Font font, IReadOnlyCollection<uint> glyphs, IEnumerable<int> codepoints)
    {
        var unicodes = codepoints.ToList();
        var reached = new HashSet<uint>();
        foreach (var cp in unicodes)
            if (font.TryGetNominalGlyph((uint)cp, out var g)) reached.Add(g);
        return (glyphs.Where(g => !reached.Contains(g)).ToList(), unicodes);
    }

    /// <summary>Code points of the font's cmap whose nominal glyph is among <paramref name="glyphs"/>, ascending.</summary>
    private static List<int> NominalCodepoints(Face face, Font font, IReadOnlyCollection<uint> glyphs)
    {
        var wanted = glyphs as ISet<uint> ?? new HashSet<uint>(glyphs);
        var result = new List<int>();
        var set = Native.hb_set_create();
        try
        {
            Native.hb_face_collect_unicodes(face.Handle, set);
            var cp = uint.MaxValue; // HB_SET_VALUE_INVALID: start of iteration
            while (Native.hb_set_next(set, ref cp) != 0)
            {
                // Some fonts map control characters to the space or other glyphs; keeping those would
                // make viewers read the glyph back as U+0001 instead of the character that was set.
                if (cp < 0x20 || cp is >= 0x7F and < 0xA0) continue;
                if (font.TryGetNominalGlyph(cp, out var g) && g != 0 && wanted.Contains(g)) result.Add((int)cp);
            }
        }
        finally
        {
            Native.hb_set_destroy(set);
        }
        return result;
    }

    private static byte[] WithFace(byte[] bytes, Func<Face, Font, byte[]> action)
    {
        var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        try
        {
            using var blob = new Blob(handle.AddrOfPinnedObject(), bytes.Length, MemoryMode.ReadOnly);
            using var face = new Face(blob, 0);
            if (face.GlyphCount == 0) throw new InvalidDataException("not a font HarfBuzz can read (no glyphs)");
            using var font = new Font(face);
            return action(face, font);
        }
        finally
        {
            handle.Free();
        }
    }

    private static byte[] Subset(IntPtr face, string what, IEnumerable<uint> glyphs, IEnumerable<int>? codepoints,
        uint flags, string[]? dropTables, Dictionary<uint, uint>? glyphMap = null)
    {
        var input = Native.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException($"{what}: HarfBuzz could not allocate a subset input");
        IntPtr result = IntPtr.Zero, blob = IntPtr.Zero;
        try
        {
            var glyphSet = Native.hb_subset_input_glyph_set(input);
            Native.hb_set_add(glyphSet, 0); // .notdef, always
            foreach (var g in glyphs) Native.hb_set_add(glyphSet, g);
            if (codepoints is not null)
            {
                var unicodeSet = Native.hb_subset_input_unicode_set(input);
                foreach (var c in codepoints) Native.hb_set_add(unicodeSet, (uint)c);
            }
            if (dropTables is not null)
            {
                var drop = Native.hb_subset_input_set(input, SetDropTableTag);
                foreach (var tag in dropTables) Native.hb_set_add(drop, Tag.Parse(tag));
            }
            Native.hb_subset_input_set_flags(input, flags);

            if (glyphMap is null)
            {
                result = Native.hb_subset_or_fail(face, input);
            }
            else
            {
                // Through a plan, to learn where each glyph went.
                var plan = Native.hb_subset_plan_create_or_fail(face, input);
                if (plan == IntPtr.Zero) throw new InvalidOperationException($"{what}: HarfBuzz could not plan the subset");
                try
                {
                    var map = Native.hb_subset_plan_old_to_new_glyph_mapping(plan);
                    int index = -1;
                    uint key = 0, value = 0;
                    while (Native.hb_map_next(map, ref index, out key, out value) != 0) glyphMap[key] = value;
                    result = Native.hb_subset_plan_execute_or_fail(plan);
                }
                finally
                {
                    Native.hb_subset_plan_destroy(plan);
                }
            }
            if (result == IntPtr.Zero) throw new InvalidOperationException($"{what}: HarfBuzz could not subset the font");
            blob = Native.hb_face_reference_blob(result);
            var data = Native.hb_blob_get_data(blob, out var length);
            if (data == IntPtr.Zero || length == 0) throw new InvalidOperationException($"{what}: HarfBuzz produced an empty subset");
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (blob != IntPtr.Zero) Native.hb_blob_destroy(blob);
            if (result != IntPtr.Zero) Native.hb_face_destroy(result);
            Native.hb_subset_input_destroy(input);
        }
    }

    private static class Native
    {
        private const string Lib = "libHarfBuzzSharp";

        [DllImport(Lib)] public static extern IntPtr hb_subset_input_create_or_fail();
        [DllImport(Lib)] public static extern void hb_subset_input_destroy(IntPtr input);
        [DllImport(Lib)] public static extern IntPtr hb_subset_input_glyph_set(IntPtr input);
        [DllImport(Lib)] public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
        [DllImport(Lib)] public static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
        [DllImport(Lib)] public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
        [DllImport(Lib)] public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
        [DllImport(Lib)] public static extern void hb_set_add(IntPtr set, uint codepoint);
        [DllImport(Lib)] public static extern IntPtr hb_set_create();
        [DllImport(Lib)] public static extern void hb_set_destroy(IntPtr set);
        [DllImport(Lib)] public static extern int hb_set_next(IntPtr set, ref uint codepoint);
        [DllImport(Lib)] public static extern void hb_face_collect_unicodes(IntPtr face, IntPtr set);
        [DllImport(Lib)] public static extern IntPtr hb_face_reference_blob(IntPtr face);
        [DllImport(Lib)] public static extern void hb_face_destroy(IntPtr face);
        [DllImport(Lib)] public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
        [DllImport(Lib)] public static extern void hb_blob_destroy(IntPtr blob);
        [DllImport(Lib)] public static extern IntPtr hb_subset_plan_create_or_fail(IntPtr face, IntPtr input);
        [DllImport(Lib)] public static extern void hb_subset_plan_destroy(IntPtr plan);
        [DllImport(Lib)] public static extern IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);
        [DllImport(Lib)] public static extern IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);
        [DllImport(Lib)] public static extern int hb_map_next(IntPtr map, ref int index, out uint key, out uint value);
    }
}

/// <summary>A compact font subset and where each original glyph id went in it.</summary>
public sealed record CompactSubset(byte[] Bytes, IReadOnlyDictionary<uint, uint> GlyphMap);
