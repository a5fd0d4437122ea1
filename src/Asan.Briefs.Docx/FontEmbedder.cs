using System.Globalization;
using System.Security.Cryptography;
using Asan.Briefs.Fonts;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// Embeds the theme's fonts the way Word does (ECMA-376 Part 1 §17.8.1): one obfuscated part per face,
/// cut down with hb-subset to the characters the document sets in that face, so the Korean faces
/// (about 4 MB each) cost tens of kilobytes rather than megabytes. An editor without the fonts still
/// sees the brief in its own typefaces; characters typed later fall back to an installed font.
/// </summary>
internal static class FontEmbedder
{
    /// <summary>A face to embed: the family's slot (regular, bold, italic, bold italic) and its file.</summary>
    private sealed record Slot(string Family, bool Bold, bool Italic, string Path);

    /// <summary>Adds the font parts; returns each family's embedding elements for the font table.</summary>
    public static Dictionary<string, List<OpenXmlElement>> Embed(
        FontTablePart fontTable, Theme theme, string lang, IReadOnlyDictionary<(string Role, bool Bold, bool Italic), SortedSet<int>> usage)
    {
        var slots = new Dictionary<Slot, SortedSet<int>>();
        foreach (var ((role, bold, italic), codepoints) in usage)
        {
            foreach (var script in new[] { Script.Latin, Script.Hangul })
            {
                var face = theme.Face(role, script, bold, italic, lang);
                var slot = new Slot(face.Family, face.Bold, face.Italic && !face.SynthesizeItalic, face.Path);
                if (!slots.TryGetValue(slot, out var set)) slots[slot] = set = [];
                set.UnionWith(codepoints);
            }
        }

        var embeds = new Dictionary<string, List<OpenXmlElement>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (slot, codepoints) in slots.OrderBy(s => s.Key.Family, StringComparer.Ordinal).ThenBy(s => s.Key.Italic).ThenBy(s => s.Key.Bold))
        {
            var font = FontLibrary.Shared.Get(slot.Path);
            // Only what the face can draw: the Latin faces have no Hangul and the Hangul faces need no Latin.
            var covered = codepoints.Where(font.HasGlyph).ToList();
            if (covered.Count == 0) continue;
            var subset = FontSubsetter.SubsetUnicodes(font, covered);
            var key = FontKey(subset);
            var id = $"rIdFont{++number}";
            var part = fontTable.AddFontPart(FontPartType.FontOdttf, id);
            using (var stream = new MemoryStream(Obfuscate(subset, key))) part.FeedData(stream);
            OpenXmlElement embed = (slot.Bold, slot.Italic) switch
            {
                (false, false) => new EmbedRegularFont { Id = id, FontKey = key, Subsetted = true },
                (true, false) => new EmbedBoldFont { Id = id, FontKey = key, Subsetted = true },
                (false, true) => new EmbedItalicFont { Id = id, FontKey = key, Subsetted = true },
                (true, true) => new EmbedBoldItalicFont { Id = id, FontKey = key, Subsetted = true },
            };
            if (!embeds.TryGetValue(slot.Family, out var list)) embeds[slot.Family] = list = [];
            list.Add(embed);
        }
        return embeds;
    }

    /// <summary>A key derived from the font bytes, so the same subset always gets the same key.</summary>
    private static string FontKey(byte[] font)
    {
        var hash = SHA256.HashData(font);
        var hex = Convert.ToHexString(hash, 0, 16);
        return string.Create(CultureInfo.InvariantCulture, $"{{{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}}}");
    }

    /// <summary>
    /// XORs the first 32 bytes of the font with the key: the key's 16 bytes are the GUID's hex digit
    /// pairs read from the last pair to the first.
    /// </summary>
    internal static byte[] Obfuscate(byte[] font, string fontKey)
    {
        var hex = fontKey.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var key = new byte[16];
        for (var i = 0; i < 16; i++) key[i] = byte.Parse(hex.AsSpan(30 - 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var data = (byte[])font.Clone();
        for (var i = 0; i < Math.Min(32, data.Length); i++) data[i] ^= key[i % 16];
        return data;
    }
}
