using Asan.Briefs.Caching;
using Asan.Briefs.Fonts;

namespace Asan.Briefs.Html;

/// <summary>
/// Each distinct web font (a face, the characters of it a page draws) cut with hb-subset and
/// compressed to WOFF2 once per process. Pages share most of their subsets — every English page's
/// Latin faces, the English pages' Hangul faces, both editions' faces where a language adds nothing
/// the face draws — and cutting and compressing them again was most of an HTML edition's time.
/// </summary>
internal static class WebFontSubsets
{
    // Watch mode renders many versions of a page: the cache is kept from growing without end (as the PDF's subsets).
    private static readonly OnceCache<string, byte[]> Cache = new(StringComparer.Ordinal, limit: 64);

    /// <summary>
    /// Of the characters a page draws in <paramref name="font"/>, those the subset keeps, in order. hb-subset ignores
    /// characters the face does not map: leaving them out of the key lets an English and a Korean page share their
    /// Latin subsets. Variation selectors stay, as a cmap of format 14 maps them.
    /// </summary>
    public static int[] Kept(FontData font, IEnumerable<int> drawn) => drawn.Where(c => font.HasGlyph(c) || IsVariationSelector(c)).Order().ToArray();

    /// <summary>The WOFF2 subset of <paramref name="font"/> for <paramref name="kept"/> (<see cref="Kept"/>), without hinting.</summary>
    public static byte[] Woff2(FontData font, int[] kept)
    {
        var key = font.Id + "|" + FontSubsetter.Fingerprint(kept);
        return Cache.Get(key, _ => Woff2Writer.Write(FontSubsetter.SubsetUnicodes(font, kept, dropHinting: true)));
    }

    private static bool IsVariationSelector(int c) => c is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;
}
