using Asan.Briefs.Model;
using Asan.Briefs.Packaging;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>The download of a whole brief: every file its editions wrote, in one zip, the same bytes for the same files.</summary>
public static class BriefArchive
{
    public static string FileName(string briefId) => $"{briefId}.zip";

    public static string RelativePath(string briefId) => $"{briefId}/{FileName(briefId)}";

    /// <summary>Writes the zip of <paramref name="members"/> (paths relative to artifacts/) to the stage, streaming each member from disk.</summary>
    public static WrittenFile Write(OutputStage stage, Brief brief, IEnumerable<string> members)
    {
        var date = new DateTimeOffset(brief.Metadata.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var entries = members.Select(m => (Name: m, Open: (Func<Stream>)(() => File.OpenRead(stage.PathOf(m))))).ToList();
        return stage.Write(RelativePath(brief.Id), stream => DeterministicZip.Write(stream, entries, date));
    }
}
