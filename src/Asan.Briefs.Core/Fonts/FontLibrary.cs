using Asan.Briefs.Caching;
using System.IO.MemoryMappedFiles;
using HarfBuzzSharp;

namespace Asan.Briefs.Fonts;

/// <summary>
/// One font file loaded once per process: its bytes, a HarfBuzz face and font (scaled to font units,
/// so shaped advances are in units per em) and the vertical metrics line layout needs.
/// Immutable after construction and safe to share between threads; HarfBuzz shapes with a shared
/// <see cref="HarfBuzzSharp.Font"/> concurrently as long as it is not modified.
/// </summary>
public sealed unsafe class FontData
{
    // The nominal glyph of each BMP code point asked for, in pages of 256 code points made on first use, as
    // glyph + 1 (0: not looked up yet). Flat arrays rather than a node per code point: the cache lives as long
    // as the process, and each collection of a cold build copied its thousands of small objects. Code points
    // beyond the BMP (none in the briefs so far) are looked up in HarfBuzz each time.
    private readonly int[]?[] _glyphPages = new int[]?[256];

    internal FontData(int id, string path)
    {
        Id = id;
        Path = path;
        // The file is memory-mapped, and HarfBuzz reads it in place for the life of the process (fonts are
        // few and loaded once): only the pages shaping and subsetting touch are read, they stay in the
        // page cache that all processes share, and no managed array costs the collector.
        // The length of the file itself: FileInfo of a symbolic link gives the link's own length.
        var length = (File.ResolveLinkTarget(path, returnFinalTarget: true) as FileInfo ?? new FileInfo(path)).Length;
        if (length is 0 or > int.MaxValue) throw new InvalidDataException($"{path}: not a font file ({length} bytes)");
        Length = (int)length;
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            var mapped = view;
            Blob = new Blob((nint)(pointer + view.PointerOffset), Length, MemoryMode.ReadOnly, () =>
            {
                mapped.SafeMemoryMappedViewHandle.ReleasePointer();
                mapped.Dispose();
                map.Dispose();
            });
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
        Blob.MakeImmutable();
        Face = new Face(Blob, 0);
        Face.MakeImmutable();
        if (Face.GlyphCount == 0)
            throw new InvalidDataException($"{path}: not a font HarfBuzz can read (no glyphs)");
        Font = new Font(Face);
        UnitsPerEm = Face.UnitsPerEm;
        Font.SetScale(UnitsPerEm, UnitsPerEm);
        Font.TryGetHorizontalFontExtents(out var extents);
        Ascender = extents.Ascender;
        Descender = extents.Descender;
        LineGap = extents.LineGap;
        GlyphCount = Face.GlyphCount;
    }

    /// <summary>A small process-unique number, handy as a cache key.</summary>
    public int Id { get; }
    public string Path { get; }
    /// <summary>The font file's size in bytes.</summary>
    public int Length { get; }
    public Blob Blob { get; }
    public Face Face { get; }
    /// <summary>Scaled to <see cref="UnitsPerEm"/>: positions and advances come out in font units.</summary>
    public Font Font { get; }
    public int UnitsPerEm { get; }
    public int GlyphCount { get; }
    /// <summary>Ascender in font units (positive, above the baseline).</summary>
    public int Ascender { get; }
    /// <summary>Descender in font units (negative, below the baseline), as the font states it.</summary>
    public int Descender { get; }
    public int LineGap { get; }

    /// <summary>Font units to points at a size.</summary>
    public double Scale(double size) => size / UnitsPerEm;

    /// <summary>The nominal glyph for a code point, 0 when the font has none (cached).</summary>
    public uint GlyphFor(int codepoint)
    {
        if ((uint)codepoint > 0xFFFF) return Font.TryGetNominalGlyph(codepoint, out var other) ? other : 0;
        var page = Volatile.Read(ref _glyphPages[codepoint >> 8]);
        if (page is null)
        {
            // Two threads may each make the page: the first one stored is kept, the other dropped.
            Interlocked.CompareExchange(ref _glyphPages[codepoint >> 8], new int[256], null);
            page = _glyphPages[codepoint >> 8]!;
        }
        var known = Volatile.Read(ref page[codepoint & 0xFF]);
        if (known != 0) return (uint)(known - 1);
        if (!Font.TryGetNominalGlyph(codepoint, out var glyph)) glyph = 0;
        // Every thread finds the same glyph, so racing writes store the same value.
        Volatile.Write(ref page[codepoint & 0xFF], (int)glyph + 1);
        return glyph;
    }

    public bool HasGlyph(int codepoint) => GlyphFor(codepoint) != 0;

    public override string ToString() => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// Loads each font file once per process and hands out the same <see cref="FontData"/> for it.
/// Thread-safe. Use <see cref="Shared"/> unless a test needs isolation.
/// </summary>
public sealed class FontLibrary
{
    // A failure is not remembered: the file may be fixed and tried again (watch mode).
    private readonly OnceCache<string, FontData> _fonts = new(StringComparer.Ordinal);
    private static int s_nextId;

    public static FontLibrary Shared { get; } = new();

    /// <summary>The font at <paramref name="path"/>, loaded on first use.</summary>
    public FontData Get(string path) => _fonts.Get(System.IO.Path.GetFullPath(path), Load);

    /// <summary>Every font loaded so far, in load order.</summary>
    public IReadOnlyList<FontData> Loaded => _fonts.Values.OrderBy(f => f.Id).ToList();

    private static FontData Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"font file not found: {path}", path);
        return new FontData(Interlocked.Increment(ref s_nextId), path);
    }
}
