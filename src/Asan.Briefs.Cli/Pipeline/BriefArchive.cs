using System.Collections.Concurrent;
using Asan.Briefs.Model;
using Asan.Briefs.Packaging;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// The download of a whole brief: every file its editions wrote, in one zip, the same bytes for the
/// same files. A file the build makes is compressed as soon as it is made (<see cref="Add"/>), on the
/// core that made it, so the zip at the end only places what is ready; a member the build did not
/// make (an edition that was up to date) is read from artifacts/ then.
/// </summary>
public sealed class BriefArchive(Brief brief)
{
    private readonly ConcurrentDictionary<string, ZipMember> _made = new(StringComparer.Ordinal);

    public static string FileName(string briefId) => $"{briefId}.zip";

    public static string RelativePath(string briefId) => $"{briefId}/{FileName(briefId)}";

    /// <summary>Compresses a file of the brief's editions as it is made; the first of two that share a path (a figure, a font) stays, as on the stage.</summary>
    public void Add(OutputFile file)
    {
        if (!_made.ContainsKey(file.RelativePath)) _made.TryAdd(file.RelativePath, DeterministicZip.Compress(file.RelativePath, file.Bytes));
    }

    /// <summary>Writes the zip of <paramref name="members"/> (paths relative to artifacts/, in order) to the stage, then lets the compressed files go.</summary>
    public WrittenFile Write(OutputStage stage, IEnumerable<string> members)
    {
        var date = new DateTimeOffset(brief.Metadata.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var entries = members.Select(m => _made.TryGetValue(m, out var made) ? made : DeterministicZip.Compress(m, File.ReadAllBytes(stage.PathOf(m)))).ToList();
        var zip = DeterministicZip.Write(entries, date);
        Forget();
        return stage.Write(new OutputFile(RelativePath(brief.Id), zip));
    }

    /// <summary>Lets the compressed files go (a zip that is up to date is not written).</summary>
    public void Forget() => _made.Clear();
}
