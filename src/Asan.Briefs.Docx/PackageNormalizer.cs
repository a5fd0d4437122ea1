using System.IO.Compression;

namespace Asan.Briefs.Docx;

/// <summary>
/// Rewrites a package so the same content always gives the same bytes: entries in a fixed order
/// ([Content_Types].xml first, then by name), every entry stamped with one fixed time.
/// </summary>
internal static class PackageNormalizer
{
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The document's own date as a zip time (zip times have no zone and start in 1980).</summary>
    public static DateTimeOffset EntryTime(DateTimeOffset date)
    {
        var utc = date.ToUniversalTime();
        var clock = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second / 2 * 2, TimeSpan.Zero);
        return clock < DosEpoch || clock.Year > 2107 ? DosEpoch : clock;
    }

    public static byte[] Normalize(byte[] package, DateTimeOffset time)
    {
        var entries = new List<(string Name, byte[] Data)>();
        using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }
        entries.Sort((a, b) => Rank(a.Name) != Rank(b.Name) ? Rank(a.Name).CompareTo(Rank(b.Name)) : string.CompareOrdinal(a.Name, b.Name));

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = time;
                using var stream = entry.Open();
                stream.Write(data);
            }
        }
        return output.ToArray();
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ when name.StartsWith("docProps/", StringComparison.Ordinal) => 2,
        "word/document.xml" => 3,
        _ => 4,
    };
}
