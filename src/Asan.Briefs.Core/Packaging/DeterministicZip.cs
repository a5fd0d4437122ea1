using System.IO.Compression;

namespace Asan.Briefs.Packaging;

/// <summary>
/// Writes zip files (DOCX packages, the site's per-brief downloads) so the same entries always give
/// the same bytes: entries in the order given, each stamped with one fixed time.
/// </summary>
public static class DeterministicZip
{
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A date as a zip time: no zone, two-second steps, 1980–2107.</summary>
    public static DateTimeOffset EntryTime(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        var clock = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second / 2 * 2, TimeSpan.Zero);
        return clock < DosEpoch || clock.Year > 2107 ? DosEpoch : clock;
    }

    public static byte[] Write(IEnumerable<(string Name, byte[] Data)> entries, DateTimeOffset time)
    {
        using var output = new MemoryStream();
        Write(output, entries.Select(e => (e.Name, (Func<Stream>)(() => new MemoryStream(e.Data, writable: false)))), time);
        return output.ToArray();
    }

    /// <summary>Writes the zip to <paramref name="output"/>, copying each entry from the stream its function opens, one at a time.</summary>
    public static void Write(Stream output, IEnumerable<(string Name, Func<Stream> Open)> entries, DateTimeOffset time)
    {
        var stamp = EntryTime(time);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, open) in entries)
        {
            var entry = zip.CreateEntry(name, IsCompressed(name) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            entry.LastWriteTime = stamp;
            using var source = open();
            using var stream = entry.Open();
            source.CopyTo(stream);
        }
    }

    /// <summary>Formats that are compressed already: deflating them again costs time and saves a few percent.</summary>
    private static bool IsCompressed(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".pdf" or ".docx" or ".png" or ".jpg" or ".jpeg" or ".zip" or ".woff2";
}
