using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Asan.Briefs.Packaging;

/// <summary>
/// Writes zip files (DOCX packages, the site's per-brief downloads) so the same entries always give
/// the same bytes: entries in the order given, each stamped with one fixed time, no extra fields.
/// Our own writer rather than <see cref="ZipArchive"/>, so that each member can be compressed on its
/// own (<see cref="Compress"/>, as soon as its file is made, beside other work) and the archive put
/// together from them later; its bytes are those ZipArchive wrote before (the same headers and
/// attributes as .NET on Unix, DeflateStream at <see cref="CompressionLevel.Optimal"/>), which the
/// tests check against ZipArchive itself.
/// </summary>
public static class DeterministicZip
{
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const uint LocalHeaderSignature = 0x04034B50;
    private const uint CentralHeaderSignature = 0x02014B50;
    private const uint EndSignature = 0x06054B50;
    private const int LocalHeaderSize = 30;
    private const int CentralHeaderSize = 46;
    private const int EndSize = 22;
    // Version 2.0 (deflate) to extract; made by 2.0 on Unix (3), as ZipArchive marks every entry on Linux.
    private const ushort VersionNeeded = 20;
    private const ushort VersionMadeBy = (3 << 8) | 20;
    private const ushort Utf8NameFlag = 0x800;
    private const ushort Stored = 0, Deflated = 8;
    // A regular file, rw-r--r--, in the high half (the Unix mode).
    private const uint FileAttributes = 0x81A4u << 16;

    /// <summary>A date as a zip time: no zone, two-second steps, 1980–2107.</summary>
    public static DateTimeOffset EntryTime(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        var clock = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second / 2 * 2, TimeSpan.Zero);
        return clock < DosEpoch || clock.Year > 2107 ? DosEpoch : clock;
    }

    /// <summary>The zip of <paramref name="entries"/>, each compressed here.</summary>
    public static byte[] Write(IEnumerable<(string Name, byte[] Data)> entries, DateTimeOffset time) =>
        Write(entries.Select(e => Compress(e.Name, e.Data)).ToList(), time);

    /// <summary>
    /// One entry, ready to be placed in a zip: its data deflated (or stored, for formats compressed
    /// already and for empty files) and its CRC-32. Only the place and the time are left to <see cref="Write(IReadOnlyList{ZipMember}, DateTimeOffset)"/>.
    /// </summary>
    public static ZipMember Compress(string name, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(data);
        // ZipArchive names an entry in ASCII unless a character is outside printable ASCII, then in UTF-8 with the flag set.
        var utf8 = name.Any(c => c < 32 || c > 126);
        var nameBytes = utf8 ? Encoding.UTF8.GetBytes(name) : Encoding.ASCII.GetBytes(name);
        if (nameBytes.Length > ushort.MaxValue) throw new ArgumentException($"zip entry name too long: {name}", nameof(name));
        var crc = Crc32.HashToUInt32(data);
        // An empty file is stored, as ZipArchive stores it: no deflate block at all.
        if (data.Length == 0 || IsCompressed(name)) return new ZipMember(name, nameBytes, utf8, Stored, crc, data.Length, data);
        using var deflated = new MemoryStream(data.Length / 2 + 64);
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(data);
        return new ZipMember(name, nameBytes, utf8, Deflated, crc, data.Length, deflated.GetBuffer().AsMemory(0, (int)deflated.Length));
    }

    /// <summary>The zip of <paramref name="members"/> in the order given, every entry stamped with <paramref name="time"/>.</summary>
    public static byte[] Write(IReadOnlyList<ZipMember> members, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(members);
        var dos = DosTime(EntryTime(time));
        long size = EndSize;
        foreach (var m in members) size += LocalHeaderSize + CentralHeaderSize + 2L * m.NameBytes.Length + m.Data.Length;
        // Beyond these a zip needs Zip64 records, which nothing here makes: a brief's download is a few megabytes.
        if (size > int.MaxValue || members.Count >= ushort.MaxValue)
            throw new InvalidOperationException($"a zip of {members.Count} entries and {size} bytes needs Zip64, which this writer does not write");
        var zip = new byte[size];
        var at = 0;
        var offsets = new int[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            offsets[i] = at;
            var header = zip.AsSpan(at, LocalHeaderSize);
            BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
            WriteEntryFields(header[4..], m, dos);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0); // no extra field
            at += LocalHeaderSize;
            m.NameBytes.CopyTo(zip.AsSpan(at));
            at += m.NameBytes.Length;
            m.Data.Span.CopyTo(zip.AsSpan(at));
            at += m.Data.Length;
        }
        var directory = at;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var header = zip.AsSpan(at, CentralHeaderSize);
            BinaryPrimitives.WriteUInt32LittleEndian(header, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionMadeBy);
            WriteEntryFields(header[6..], m, dos);
            // Extra field, comment, disk number and internal attributes: none, all zero as the array is.
            BinaryPrimitives.WriteUInt32LittleEndian(header[38..], FileAttributes);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offsets[i]);
            at += CentralHeaderSize;
            m.NameBytes.CopyTo(zip.AsSpan(at));
            at += m.NameBytes.Length;
        }
        var end = zip.AsSpan(at, EndSize);
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        // Disk numbers 0; entries on this disk and in all; the directory's size and offset; no comment.
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)members.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)members.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(at - directory));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directory);
        return zip;
    }

    /// <summary>The fields a local header and a central header share, from "version needed" to the name's length.</summary>
    private static void WriteEntryFields(Span<byte> fields, ZipMember m, uint dos)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(fields, VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[2..], m.Utf8Name ? Utf8NameFlag : (ushort)0);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[4..], m.Method);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[6..], dos);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[10..], m.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[14..], (uint)m.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[18..], (uint)m.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[22..], (ushort)m.NameBytes.Length);
    }

    /// <summary>MS-DOS time and date, time in the low half: two-second steps, years from 1980.</summary>
    private static uint DosTime(DateTimeOffset t) =>
        (uint)(((t.Year - 1980) << 25) | (t.Month << 21) | (t.Day << 16) | (t.Hour << 11) | (t.Minute << 5) | (t.Second / 2));

    /// <summary>Formats that are compressed already: deflating them again costs time and saves a few percent.</summary>
    private static bool IsCompressed(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".pdf" or ".docx" or ".png" or ".jpg" or ".jpeg" or ".zip" or ".woff2";
}

/// <summary>One entry of a zip, compressed and checksummed (<see cref="DeterministicZip.Compress"/>).</summary>
public sealed class ZipMember
{
    internal ZipMember(string name, byte[] nameBytes, bool utf8Name, ushort method, uint crc, long length, ReadOnlyMemory<byte> data) =>
        (Name, NameBytes, Utf8Name, Method, Crc, Length, Data) = (name, nameBytes, utf8Name, method, crc, length, data);

    public string Name { get; }
    internal byte[] NameBytes { get; }
    internal bool Utf8Name { get; }
    internal ushort Method { get; }
    internal uint Crc { get; }
    /// <summary>The entry's length before compression.</summary>
    public long Length { get; }
    /// <summary>The bytes the zip holds for it: deflated, or the file's own.</summary>
    internal ReadOnlyMemory<byte> Data { get; }
}
