using System.Buffers.Binary;

namespace Asan.Briefs.Fonts;

/// <summary>
/// Appends composite glyphs to a TrueType font (glyf outlines): each new glyph draws one glyph of the
/// font moved sideways and has an advance of its own (OpenType spec, glyf: composite glyph
/// description). A PDF writer uses it for forms a face lacks, such as half-width brackets, so that
/// the embedded font program's advance is the glyph's /W width and its box covers its ink. glyf, loca
/// (rewritten in the long format), hmtx (every glyph given its own metrics), hhea, maxp and head are
/// updated, a post table of format 2 becomes format 3 (no glyph names), and the tables that list
/// per-glyph data the new glyphs would lack (hdmx, LTSH, vhea/vmtx) are left out.
/// </summary>
public static class CompositeGlyphs
{
    /// <summary>A glyph to add: <see cref="Component"/> drawn <see cref="XOffset"/> font units to the right, advancing <see cref="Advance"/>.</summary>
    public readonly record struct Composite(ushort Component, short XOffset, ushort Advance);

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "hdmx", "LTSH", "vhea", "vmtx", "DSIG" };

    /// <summary>The font with <paramref name="glyphs"/> appended, and the glyph id of the first of them.</summary>
    public static (byte[] Bytes, ushort FirstGlyph) Append(byte[] font, IReadOnlyList<Composite> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(glyphs);
        var tables = ReadTables(font);
        foreach (var required in (string[])["head", "hhea", "hmtx", "maxp", "loca", "glyf"])
            if (!tables.ContainsKey(required)) throw new InvalidDataException($"not a TrueType font with outlines: no {required} table");
        byte[] head = tables["head"], hhea = tables["hhea"], maxp = tables["maxp"], loca = tables["loca"], glyf = tables["glyf"], hmtx = tables["hmtx"];
        int count = U16(maxp, 4), total = count + glyphs.Count;
        if (total > ushort.MaxValue) throw new InvalidDataException($"a font cannot hold {total} glyphs");
        var longLoca = S16(head, 50) == 1;
        var offsets = new int[count + 1];
        for (var g = 0; g <= count; g++) offsets[g] = longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * g)) : U16(loca, 2 * g) * 2;

        int metrics = U16(hhea, 34);
        var advances = new List<int>(total);
        var bearings = new List<int>(total);
        for (var g = 0; g < count; g++)
        {
            advances.Add(U16(hmtx, 4 * Math.Min(g, metrics - 1)));
            bearings.Add(g < metrics ? S16(hmtx, 4 * g + 2) : S16(hmtx, 4 * metrics + 2 * (g - metrics)));
        }

        var outlines = new MemoryStream();
        outlines.Write(glyf, 0, offsets[count]);
        Pad(outlines);
        var locations = new List<int>(offsets[..count]) { (int)outlines.Length };
        int minLeft = S16(hhea, 12), minRight = S16(hhea, 14), maxExtent = S16(hhea, 16);
        int xMin = S16(head, 36), yMin = S16(head, 38), xMax = S16(head, 40), yMax = S16(head, 42);
        var depth = 1;
        int points = 0, contours = 0;
        var record = new byte[18];
        foreach (var c in glyphs)
        {
            if (c.Component >= count) throw new ArgumentException($"glyph {c.Component} is not in the font", nameof(glyphs));
            var outline = glyf.AsSpan(offsets[c.Component], offsets[c.Component + 1] - offsets[c.Component]);
            short x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            if (outline.Length >= 10)
            {
                var n = BinaryPrimitives.ReadInt16BigEndian(outline);
                (x0, y0, x1, y1) = ((short)(S16(outline, 2) + c.XOffset), S16(outline, 4), (short)(S16(outline, 6) + c.XOffset), S16(outline, 8));
                if (n < 0) depth = 2; // a composite of a composite (the component's own depth is not followed further)
                else if (n > 0)
                {
                    contours = Math.Max(contours, n);
                    points = Math.Max(points, U16(outline, 10 + 2 * (n - 1)) + 1);
                }
                (minLeft, minRight, maxExtent) = (Math.Min(minLeft, x0), Math.Min(minRight, c.Advance - x1), Math.Max(maxExtent, x1));
                (xMin, yMin, xMax, yMax) = (Math.Min(xMin, x0), Math.Min(yMin, y0), Math.Max(xMax, x1), Math.Max(yMax, y1));
            }
            const ushort ArgsAreWords = 0x0001, ArgsAreXyValues = 0x0002;
            var r = record.AsSpan();
            BinaryPrimitives.WriteInt16BigEndian(r, -1);
            BinaryPrimitives.WriteInt16BigEndian(r[2..], x0);
            BinaryPrimitives.WriteInt16BigEndian(r[4..], y0);
            BinaryPrimitives.WriteInt16BigEndian(r[6..], x1);
            BinaryPrimitives.WriteInt16BigEndian(r[8..], y1);
            BinaryPrimitives.WriteUInt16BigEndian(r[10..], ArgsAreWords | ArgsAreXyValues);
            BinaryPrimitives.WriteUInt16BigEndian(r[12..], c.Component);
            BinaryPrimitives.WriteInt16BigEndian(r[14..], c.XOffset);
            BinaryPrimitives.WriteInt16BigEndian(r[16..], 0);
            outlines.Write(record);
            Pad(outlines);
            locations.Add((int)outlines.Length);
            advances.Add(c.Advance);
            bearings.Add(x0);
        }

        var newLoca = new byte[4 * (total + 1)];
        for (var g = 0; g <= total; g++) BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)locations[g]);
        var newHmtx = new byte[4 * total];
        for (var g = 0; g < total; g++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(4 * g), (ushort)advances[g]);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan(4 * g + 2), (short)bearings[g]);
        }
        W16(hhea, 10, advances.Max());
        W16(hhea, 12, minLeft);
        W16(hhea, 14, minRight);
        W16(hhea, 16, maxExtent);
        W16(hhea, 34, total);
        W16(maxp, 4, total);
        if (maxp.Length >= 32) // version 1.0: the composite limits
        {
            W16(maxp, 10, Math.Max(U16(maxp, 10), points));
            W16(maxp, 12, Math.Max(U16(maxp, 12), contours));
            W16(maxp, 28, Math.Max(U16(maxp, 28), 1));
            W16(maxp, 30, Math.Max(U16(maxp, 30), depth));
        }
        W16(head, 36, xMin);
        W16(head, 38, yMin);
        W16(head, 40, xMax);
        W16(head, 42, yMax);
        W16(head, 50, 1);
        tables["loca"] = newLoca;
        tables["hmtx"] = newHmtx;
        tables["glyf"] = outlines.ToArray();
        if (tables.TryGetValue("post", out var post) && post.Length >= 32 && BinaryPrimitives.ReadUInt32BigEndian(post) == 0x00020000)
        {
            var names = post[..32];
            BinaryPrimitives.WriteUInt32BigEndian(names, 0x00030000);
            tables["post"] = names;
        }
        foreach (var tag in Dropped) tables.Remove(tag);
        return (Write(BinaryPrimitives.ReadUInt32BigEndian(font), tables), (ushort)count);
    }

    /// <summary>Pads the outlines to a 4-byte boundary, where the next glyph starts.</summary>
    private static void Pad(MemoryStream outlines)
    {
        while (outlines.Length % 4 != 0) outlines.WriteByte(0);
    }

    private static SortedDictionary<string, byte[]> ReadTables(byte[] font)
    {
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, offset, length) in SfntDirectory.Read(font)) tables[tag] = font.AsSpan(offset, length).ToArray();
        return tables;
    }

    /// <summary>An sfnt file of the tables, in tag order, each on a 4-byte boundary, with their checksums and head's adjustment.</summary>
    private static byte[] Write(uint version, SortedDictionary<string, byte[]> tables)
    {
        var n = tables.Count;
        var power = 1;
        while (power * 2 <= n) power *= 2;
        var size = 12 + 16 * n + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(file, version);
        W16(file, 4, n);
        W16(file, 6, power * 16);
        W16(file, 8, (int)Math.Log2(power));
        W16(file, 10, n * 16 - power * 16);
        var offset = 12 + 16 * n;
        var i = 0;
        var headAt = -1;
        foreach (var (tag, data) in tables)
        {
            if (tag == "head") { BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0); headAt = offset; }
            var at = 12 + 16 * i++;
            System.Text.Encoding.ASCII.GetBytes(tag, file.AsSpan(at, 4));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at + 4), Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at + 12), (uint)data.Length);
            data.CopyTo(file, offset);
            offset += (data.Length + 3) & ~3;
        }
        if (headAt >= 0) BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headAt + 8), 0xB1B0AFBA - Checksum(file));
        return file;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++) word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            sum += word;
        }
        return sum;
    }

    private static int U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
    private static short S16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt16BigEndian(data[at..]);
    private static void W16(byte[] data, int at, int value) => BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)value);
}
