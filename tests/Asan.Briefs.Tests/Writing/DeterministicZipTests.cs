using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Asan.Briefs.Packaging;

namespace Asan.Briefs.Tests.Writing;

/// <summary>
/// Our zip writer against .NET's ZipArchive, which wrote every zip and DOCX package before it: the same
/// entries give the same bytes, and ZipArchive and Info-ZIP's unzip read them back.
/// </summary>
public sealed class DeterministicZipTests
{
    private static readonly DateTimeOffset Time = new(2022, 4, 29, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Files of every kind a brief's zip and a DOCX hold: deflated text, stored PDF, WOFF2 and PNG, empty, large, non-ASCII names.</summary>
    private static List<(string Name, byte[] Data)> Entries()
    {
        var random = new Random(15);
        byte[] Noise(int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
        var text = string.Concat(Enumerable.Range(0, 4000).Select(i => $"<p id=\"p{i}\">Korea–Japan 한일관계 {i * 7919 % 1000}</p>\n"));
        return
        [
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Types/>")),
            ("brief/brief.en.html", Encoding.UTF8.GetBytes(text)),
            ("brief/brief.en.pdf", Noise(200_000)),
            ("fonts/Noto.0123456789.woff2", Noise(9_000)),
            ("brief/figure.png", Noise(70_000)),
            ("brief/empty.txt", []),
            ("brief/empty.pdf", []),
            ("brief/그림 1.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
            ("brief/noise.bin", Noise(300_000)),
            ("brief/zeros.txt", new byte[1 << 20]),
            ("brief/one.txt", [(byte)'x']),
        ];
    }

    /// <summary>What <see cref="DeterministicZip"/> did until it had its own writer: ZipArchive, one entry after another.</summary>
    private static byte[] WithZipArchive(IEnumerable<(string Name, byte[] Data)> entries, DateTimeOffset time)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var stored = Path.GetExtension(name) is ".pdf" or ".woff2" or ".png";
                var entry = zip.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                entry.LastWriteTime = DeterministicZip.EntryTime(time);
                using var stream = entry.Open();
                new MemoryStream(data, writable: false).CopyTo(stream);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void The_same_entries_give_the_bytes_ZipArchive_gives()
    {
        var entries = Entries();
        Assert.Equal(WithZipArchive(entries, Time), DeterministicZip.Write(entries, Time));
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("2023-11-14T22:13:21Z")]
    [InlineData("2107-12-31T23:59:59Z")]
    [InlineData("2022-04-29T09:30:00+09:00")]
    public void Every_time_stamp_is_the_one_ZipArchive_writes(string time)
    {
        var stamp = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var entries = Entries().Take(2).ToList();
        Assert.Equal(WithZipArchive(entries, stamp), DeterministicZip.Write(entries, stamp));
    }

    [Fact]
    public void A_zip_of_no_entries_is_the_one_ZipArchive_writes()
    {
        Assert.Equal(WithZipArchive([], Time), DeterministicZip.Write(new List<(string, byte[])>(), Time));
    }

    [Fact]
    public void Members_compressed_apart_and_placed_later_give_the_same_zip()
    {
        var entries = Entries();
        var members = entries.AsParallel().AsOrdered().Select(e => DeterministicZip.Compress(e.Name, e.Data)).ToList();
        Assert.Equal(DeterministicZip.Write(entries, Time), DeterministicZip.Write(members, Time));
        Assert.Equal(entries.Select(e => (e.Name, (long)e.Data.Length)), members.Select(m => (m.Name, m.Length)));
    }

    [Fact]
    public void Info_ZIP_reads_back_every_entry_with_its_CRC()
    {
        var entries = Entries();
        var path = Path.Combine(Path.GetTempPath(), $"zip-test-{Environment.ProcessId}-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, DeterministicZip.Write(entries, Time));
        try
        {
            // unzip -t checks every entry's CRC-32 and sizes; -l lists the names as it decoded them.
            var (code, output) = Run("unzip", "-t", path);
            Assert.True(code == 0, output);
            Assert.Contains("No errors detected", output);
            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(entries.Select(e => e.Name), zip.Entries.Select(e => e.FullName));
            foreach (var (entry, (_, data)) in zip.Entries.Zip(entries))
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Assert.Equal(data, copy.ToArray());
            }
        }
        finally { File.Delete(path); }
    }

    private static (int Code, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
