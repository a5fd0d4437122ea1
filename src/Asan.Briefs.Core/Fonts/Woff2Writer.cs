using System.Buffers.Binary;
using System.IO.Compression;

namespace Asan.Briefs.Fonts;

/// <summary>
/// Wraps a TrueType font (sfnt) in a WOFF2 container (W3C WOFF File Format 2.0) for the web edition.
/// Every table goes through the "null transform" the specification allows, glyf and loca included
/// (transform version 3), so the decoded font is byte for byte the input; the size gain comes from
/// Brotli alone, compressing all tables as one stream. Deterministic: Brotli at a fixed quality and
/// window gives the same bytes for the same input.
/// </summary>
public static class Woff2Writer
{
    private const uint Signature = 0x774F4632; // 'wOF2'
    private const int HeaderSize = 48;
    // Quality 4, not Brotli's best (11): on a 144 KB Hangul subset 11 saved 5 % more bytes than 5 but
    // took about 1.3 s against 15 ms, and a build writes a dozen faces per edition. Quality 4 takes about
    // half the CPU of 5 for the seed brief's 20 subsets (650 KB of tables), for 4.5 % more bytes
    // (297 against 284 KB); the web fonts were an eighth of a cold build's CPU at 5.
    private const int BrotliQuality = 4;
    private const int BrotliWindowBits = 22;
    private const byte NullTransformGlyfLoca = 3 << 6;

    /// <summary>The tags WOFF2 numbers 0–62 in a directory entry's flags (spec §4, "Known Table Tags");
    /// any other tag is written out after flag value 63.</summary>
    private static readonly string[] KnownTags =
    [
        "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ",
        "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS",
        "GSUB", "EBSC", "JSTF", "MATH", "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc",
        "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar", "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop",
        "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
    ];

    /// <summary>The WOFF2 file for <paramref name="sfnt"/>, a TrueType or CFF OpenType font (not a collection).</summary>
    public static byte[] Write(ReadOnlySpan<byte> sfnt)
    {
        var flavor = BinaryPrimitives.ReadUInt32BigEndian(sfnt);
        if (flavor == 0x74746366) throw new ArgumentException("font collections (ttcf) are not supported", nameof(sfnt));
        var tables = ReadTables(sfnt);

        using var directory = new MemoryStream();
        using var stream = new MemoryStream();
        foreach (var (tag, offset, length) in tables)
        {
            var known = Array.IndexOf(KnownTags, tag);
            var flags = (byte)(known >= 0 ? known : 63);
            // Transform version 0 means "transformed" for glyf and loca but "none" for every other table.
            if (tag is "glyf" or "loca") flags |= NullTransformGlyfLoca;
            directory.WriteByte(flags);
            if (known < 0) directory.Write(System.Text.Encoding.ASCII.GetBytes(tag));
            WriteUIntBase128(directory, (uint)length);
            stream.Write(sfnt.Slice(offset, length));
        }

        var compressed = Compress(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        var totalSfntSize = 12 + 16 * tables.Count + tables.Sum(t => Pad4(t.Length));
        var fileLength = Pad4(HeaderSize + (int)directory.Length + compressed.Length);
        var woff = new byte[fileLength];
        var header = woff.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(header[0..], Signature);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], flavor);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], (uint)fileLength);
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], (ushort)tables.Count);
        // 14: reserved 0.
        BinaryPrimitives.WriteUInt32BigEndian(header[16..], (uint)totalSfntSize);
        BinaryPrimitives.WriteUInt32BigEndian(header[20..], (uint)compressed.Length);
        BinaryPrimitives.WriteUInt16BigEndian(header[24..], 1); // majorVersion: the font's own version
        // 26: minorVersion 0; 28–47: no metadata, no private data.
        directory.GetBuffer().AsSpan(0, (int)directory.Length).CopyTo(woff.AsSpan(HeaderSize));
        compressed.CopyTo(woff.AsSpan(HeaderSize + (int)directory.Length));
        return woff;
    }

    /// <summary>The font's tables in the order they are written: by tag, as in the sfnt directory,
    /// except that loca follows glyf at once, which decoders expect of the pair.</summary>
    private static List<(string Tag, int Offset, int Length)> ReadTables(ReadOnlySpan<byte> sfnt)
    {
        var tables = SfntDirectory.Read(sfnt);
        tables.RemoveAll(t => t.Tag == "DSIG"); // a signature is void once the file changes (spec §5)
        var loca = tables.FindIndex(t => t.Tag == "loca");
        if (loca >= 0 && tables.Exists(t => t.Tag == "glyf"))
        {
            var entry = tables[loca];
            tables.RemoveAt(loca);
            tables.Insert(tables.FindIndex(t => t.Tag == "glyf") + 1, entry);
        }
        return tables;
    }

    private static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        if (!BrotliEncoder.TryCompress(data, buffer, out var written, BrotliQuality, BrotliWindowBits))
            throw new InvalidOperationException("Brotli compression failed");
        return buffer[..written];
    }

    /// <summary>UIntBase128 (spec §3.1): seven bits a byte, most significant first, high bit set on
    /// every byte but the last, no leading zero bytes.</summary>
    private static void WriteUIntBase128(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[5];
        var n = 0;
        do
        {
            bytes[4 - n] = (byte)(value & 0x7F);
            value >>= 7;
            n++;
        }
        while (value != 0);
        for (var i = 5 - n; i < 4; i++) bytes[i] |= 0x80;
        output.Write(bytes[(5 - n)..]);
    }

    private static int Pad4(int length) => (length + 3) & ~3;
}
