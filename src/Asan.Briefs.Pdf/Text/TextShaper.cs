using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Asan.Briefs.Fonts;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbScript = HarfBuzzSharp.Script;

namespace Asan.Briefs.Pdf.Text;

/// <summary>
/// A piece of text shaped in one font at 1 em = <see cref="FontData.UnitsPerEm"/>: advances and offsets
/// in font units, clusters as UTF-16 offsets into the shaped text. Immutable and shared by the cache.
/// </summary>
public sealed class ShapedText
{
    // Everything about the glyphs in one array, in sections of Count: advances, x offsets, clusters, y offsets
    // (when a glyph has one), then the glyph ids two to an int. One array instead of five: the shape cache
    // keeps thousands of these for the whole process, and each collection of a cold build copied them all.
    private readonly int[] _data;
    private readonly bool _hasYOffsets;

    private ShapedText(int count, int[] data, bool hasYOffsets, bool hasNotdef)
    {
        Count = count;
        _data = data;
        _hasYOffsets = hasYOffsets;
        HasNotdef = hasNotdef;
        var total = 0;
        foreach (var a in Advances) total += a;
        Advance = total;
    }

    /// <summary>The number of glyphs.</summary>
    public int Count { get; }
    public ReadOnlySpan<ushort> Glyphs => MemoryMarshal.Cast<int, ushort>(_data.AsSpan(GlyphStart))[..Count];
    public ReadOnlySpan<int> Advances => _data.AsSpan(0, Count);
    public ReadOnlySpan<int> XOffsets => _data.AsSpan(Count, Count);
    public ReadOnlySpan<uint> Clusters => MemoryMarshal.Cast<int, uint>(_data.AsSpan(2 * Count, Count));
    /// <summary>Vertical offsets in font units (up), or empty when every glyph sits on the baseline.</summary>
    public ReadOnlySpan<int> YOffsets => _hasYOffsets ? _data.AsSpan(3 * Count, Count) : default;
    /// <summary>Sum of the advances, in font units.</summary>
    public int Advance { get; }
    /// <summary>True when some character had no glyph in the font (glyph 0).</summary>
    public bool HasNotdef { get; }

    private int GlyphStart => (_hasYOffsets ? 4 : 3) * Count;

    /// <summary>A copy with other glyphs and advances (the same clusters and offsets): shapes in the cache are shared.</summary>
    internal ShapedText With(ReadOnlySpan<ushort> glyphs, ReadOnlySpan<int> advances)
    {
        var data = (int[])_data.Clone();
        advances.CopyTo(data);
        glyphs.CopyTo(MemoryMarshal.Cast<int, ushort>(data.AsSpan(GlyphStart)));
        return new ShapedText(Count, data, _hasYOffsets, HasNotdef);
    }

    /// <summary>The shape of HarfBuzz's buffer after shaping.</summary>
    internal static ShapedText From(ReadOnlySpan<GlyphInfo> infos, ReadOnlySpan<GlyphPosition> positions)
    {
        var n = infos.Length;
        var hasYOffsets = false;
        foreach (var p in positions) hasYOffsets |= p.YOffset != 0;
        var sections = hasYOffsets ? 4 : 3;
        var data = new int[sections * n + (n + 1) / 2];
        var glyphs = MemoryMarshal.Cast<int, ushort>(data.AsSpan(sections * n));
        var notdef = false;
        for (var i = 0; i < n; i++)
        {
            var g = infos[i].Codepoint;
            glyphs[i] = (ushort)g;
            if (g == 0) notdef = true;
            data[i] = positions[i].XAdvance;
            data[n + i] = positions[i].XOffset;
            data[2 * n + i] = (int)infos[i].Cluster;
            if (hasYOffsets) data[3 * n + i] = positions[i].YOffset;
        }
        return new ShapedText(n, data, hasYOffsets, notdef);
    }
}

/// <summary>Which OpenType features to shape with.</summary>
public enum ShapingFeatures
{
    /// <summary>Kerning and standard ligatures (HarfBuzz's defaults, stated explicitly).</summary>
    Standard = 0,
    /// <summary>Kerning, no ligatures: for letter-spaced (tracked) text, where a ligature would stand out.</summary>
    NoLigatures = 1,
}

/// <summary>
/// Shapes text with HarfBuzz and caches the result per (font, features, text): body text repeats
/// the same words over and over, and a cache hit costs one dictionary lookup with no allocation.
/// Each font's cache is bounded: a build of many different briefs would otherwise keep every word
/// it ever shaped, and memory would grow with the number of briefs. Thread-safe.
/// </summary>
public sealed class TextShaper
{
    /// <summary>Distinct texts kept per (font, features) before that cache starts again: several briefs' vocabulary.</summary>
    public const int DefaultCapacity = 16_384;

    private static readonly Feature[][] FeatureSets =
    [
        [new Feature(Tag.Parse("kern"), 1), new Feature(Tag.Parse("liga"), 1)],
        [new Feature(Tag.Parse("kern"), 1), new Feature(Tag.Parse("liga"), 0), new Feature(Tag.Parse("clig"), 0)],
    ];

    private readonly ConcurrentDictionary<long, ShapeCache> _caches = new();
    private readonly int _capacity;

    [ThreadStatic] private static HbBuffer? t_buffer;

    public static TextShaper Shared { get; } = new();

    /// <param name="capacity">Distinct texts kept per (font, features).</param>
    public TextShaper(int capacity = DefaultCapacity) => _capacity = capacity;

    /// <summary>Number of distinct (font, features, text) entries held now.</summary>
    public int CachedCount => _caches.Values.Sum(c => c.Entries.Count);

    /// <summary>Shapes <paramref name="text"/> left to right in <paramref name="font"/>; the script only guides HarfBuzz's shaper choice.</summary>
    public ShapedText Shape(FontData font, ReadOnlySpan<char> text, bool hangul, ShapingFeatures features = ShapingFeatures.Standard)
    {
        var cache = CacheFor(font, features);
        var lookup = cache.Entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var shaped)) return shaped;
        shaped = ShapeUncached(font, text, hangul, features);
        cache.Add(text.ToString(), shaped, _capacity);
        return shaped;
    }

    private ShapeCache CacheFor(FontData font, ShapingFeatures features)
    {
        var key = ((long)font.Id << 8) | (long)features;
        if (_caches.TryGetValue(key, out var cache)) return cache;
        return _caches.GetOrAdd(key, _ => new ShapeCache());
    }

    /// <summary>One font's shaped texts, counted as they are added (a dictionary's Count takes all its locks).</summary>
    private sealed class ShapeCache
    {
        private int _count;

        public ConcurrentDictionary<string, ShapedText> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>Adds an entry; a full cache is emptied first. Shaping is pure, so this changes no output, only what is shaped again.</summary>
        public void Add(string text, ShapedText shaped, int capacity)
        {
            if (Volatile.Read(ref _count) >= capacity)
            {
                Entries.Clear();
                Volatile.Write(ref _count, 0);
            }
            if (Entries.TryAdd(text, shaped)) Interlocked.Increment(ref _count);
        }
    }

    private static ShapedText ShapeUncached(FontData font, ReadOnlySpan<char> text, bool hangul, ShapingFeatures features)
    {
        var buffer = t_buffer ??= new HbBuffer();
        buffer.ClearContents();
        buffer.AddUtf16(text);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = hangul ? HbScript.Hangul : HbScript.Latin;
        buffer.Language = hangul ? Korean : English;
        buffer.ClusterLevel = ClusterLevel.MonotoneCharacters;
        font.Font.Shape(buffer, FeatureSets[(int)features]);

        var shaped = ShapedText.From(buffer.GetGlyphInfoSpan(), buffer.GetGlyphPositionSpan());
        buffer.ClearContents();
        return shaped;
    }

    private static readonly Language Korean = new("ko");
    private static readonly Language English = new("en");
}
