using Asan.Briefs.Model;
using Asan.Briefs.Packaging;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>The download of a whole brief: every file of artifacts/&lt;id&gt;/ in one zip, the same bytes for the same files.</summary>
public static class BriefArchive
{
    public static string FileName(string briefId) => $"{briefId}.zip";

    public static OutputFile Build(string artifactsDirectory, Brief brief)
    {
        var folder = Path.Combine(artifactsDirectory, brief.Id);
        var name = FileName(brief.Id);
        var entries = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != name && !f.Contains(".tmp-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ($"{brief.Id}/{f}", File.ReadAllBytes(Path.Combine(folder, f))))
            .ToList();
        var date = new DateTimeOffset(brief.Metadata.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new OutputFile($"{brief.Id}/{name}", DeterministicZip.Write(entries, date));
    }
}
