using System.Buffers.Binary;
using System.Globalization;
using Asan.Briefs.Fonts;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// One font of fontTable.xml with what Word needs to substitute it well on a machine without it: the
/// theme's fallback as altName, and the PANOSE number, family class, pitch and Unicode and code-page
/// signature read from the font file's OS/2 and post tables, as Word itself writes them.
/// </summary>
internal static class FontTableEntry
{
    public static Font For(string family, string fontFile, string? fallback, Script script, string role)
    {
        var font = new Font { Name = family };
        // The tables come from the process's memory-mapped face: reading the files whole (up to 6 MB a Hangul
        // face, each twice, for every Word draft) was a tenth of a cold build's CPU and most of its large objects.
        var face = FontLibrary.Shared.Get(fontFile).Face;
        using var os2Blob = face.ReferenceTable(HarfBuzzSharp.Tag.Parse("OS/2"));
        using var postBlob = face.ReferenceTable(HarfBuzzSharp.Tag.Parse("post"));
        var os2 = os2Blob.AsSpan();
        var post = postBlob.AsSpan();
        if (!string.IsNullOrWhiteSpace(fallback)) font.Append(new AltName { Val = fallback });
        if (os2.Length >= 42) font.Append(new Panose1Number { Val = Convert.ToHexString(os2.Slice(32, 10)) });
        font.Append(new FontCharSet { Val = script == Script.Hangul ? "81" : "00" });
        var fixedPitch = post.Length >= 16 && BinaryPrimitives.ReadUInt32BigEndian(post[12..]) != 0;
        // Word's family class for a fixed-pitch face (Consolas, Courier New) is modern, whatever its design.
        font.Append(new FontFamily { Val = fixedPitch ? FontFamilyValues.Modern : Family(os2, role) });
        font.Append(new Pitch { Val = fixedPitch ? FontPitchValues.Fixed : FontPitchValues.Variable });
        if (os2.Length >= 86)
        {
            var table = os2.ToArray();
            string Hex(int offset) => BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(offset)).ToString("X8", CultureInfo.InvariantCulture);
            font.Append(new FontSignature
            {
                UnicodeSignature0 = Hex(42), UnicodeSignature1 = Hex(46), UnicodeSignature2 = Hex(50), UnicodeSignature3 = Hex(54),
                CodePageSignature0 = Hex(78), CodePageSignature1 = Hex(82),
            });
        }
        return font;
    }

    /// <summary>From the OS/2 family class (IBM's: 1–7 serifs, 8 sans, 10 scripts, 12 symbols), else from the theme's role.</summary>
    private static FontFamilyValues Family(ReadOnlySpan<byte> os2, string role)
    {
        var familyClass = os2.Length >= 32 ? os2[30] : 0;
        return familyClass switch
        {
            >= 1 and <= 7 => FontFamilyValues.Roman,
            8 => FontFamilyValues.Swiss,
            10 => FontFamilyValues.Script,
            12 => FontFamilyValues.Decorative,
            _ => role == "sans" ? FontFamilyValues.Swiss : FontFamilyValues.Roman,
        };
    }
}
