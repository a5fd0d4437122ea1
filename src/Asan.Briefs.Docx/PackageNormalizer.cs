using System.IO.Compression;
using Asan.Briefs.Packaging;

namespace Asan.Briefs.Docx;

/// <summary>
/// Rewrites a package so the same content always gives the same bytes: entries in a fixed order
/// ([Content_Types].xml first, then by name), every entry stamped with one fixed time.
/// </summary>
internal static class PackageNormalizer
{
    /// <summary>The document's own date as a zip time.</summary>
    public static DateTimeOffset EntryTime(DateTimeOffset date) => DeterministicZip.EntryTime(date);

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

        return DeterministicZip.Write(entries, time);
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
