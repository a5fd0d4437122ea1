using System.Buffers.Binary;

namespace Asan.Briefs.Fonts;

/// <summary>
/// The table directory of an sfnt font file (OpenType spec, "Table directory"): each table's tag and
/// where its bytes lie, in tag order, checked to lie inside the file. For the writers that rebuild a
/// font from its tables (<see cref="Woff2Writer"/>, <see cref="CompositeGlyphs"/>).
/// </summary>
internal static class SfntDirectory
{
    public static List<(string Tag, int Offset, int Length)> Read(ReadOnlySpan<byte> sfnt)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(sfnt[4..]);
        var tables = new List<(string Tag, int Offset, int Length)>(count);
        for (var i = 0; i < count; i++)
        {
            var record = sfnt.Slice(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (offset + length > sfnt.Length) throw new ArgumentException($"table '{tag}' runs past the end of the font", nameof(sfnt));
            tables.Add((tag, offset, length));
        }
        tables.Sort((a, b) => string.CompareOrdinal(a.Tag, b.Tag));
        return tables;
    }
}
