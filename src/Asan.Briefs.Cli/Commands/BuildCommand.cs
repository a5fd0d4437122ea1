using System.Diagnostics;
using System.Globalization;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

public sealed record BuildOptions(
    IReadOnlyCollection<string> Briefs,
    OutputFormat Formats,
    IReadOnlyCollection<string> Languages,
    bool Force);

/// <summary>
/// `build`: renders every brief, language and format into artifacts/. Nothing is written unless every
/// output rendered, so a failed build leaves the last good outputs as they were.
/// </summary>
public static class BuildCommand
{
    public static int Run(Workspace workspace, BuildOptions options, IAnsiConsole console)
    {
        Build(workspace, options, console);
        return 0;
    }

    /// <returns>The briefs that were read, for commands that go on from the build.</returns>
    public static IReadOnlyList<Brief> Build(Workspace workspace, BuildOptions options, IAnsiConsole console)
    {
        var clock = Stopwatch.StartNew();
        var publisher = new Publisher(workspace, BuildStamp.FromEnvironment());
        publisher.WarmUpInBackground();
        publisher.CheckTemplates();
        var briefs = publisher.ReadBriefs(options.Briefs);
        var jobs = briefs.SelectMany(b => b.Languages
                .Where(l => options.Languages.Count == 0 || options.Languages.Contains(l))
                .Select(l => (Brief: b, Lang: l)))
            .ToList();
        console.MarkupLine($"[grey]{briefs.Count} brief(s), {jobs.Count} edition(s), formats: {options.Formats}[/]");

        var state = BuildState.Load(workspace.ArtifactsDirectory);
        var fingerprints = new InputFingerprint(workspace);
        using var stage = new OutputStage(workspace.ArtifactsDirectory);
        var written = new List<WrittenFile>();
        void Written(IEnumerable<WrittenFile> files) { lock (written) written.AddRange(files); }
        var done = 0;
        var rebuilt = 0;
        InParallel(jobs.Count, i =>
        {
            var (brief, lang) = jobs[i];
            var key = BuildState.EditionKey(brief.Id, lang, options.Formats);
            var fingerprint = fingerprints.For(brief, lang);
            string outcome;
            if (!options.Force && state.IsUpToDate(key, fingerprint, workspace.ArtifactsDirectory))
            {
                outcome = "[grey]up to date, not rebuilt[/]";
            }
            else
            {
                var started = Stopwatch.GetTimestamp();
                // Each output goes to disk (the stage) as soon as it is made, so memory holds one edition per worker.
                var files = publisher.Render(brief, lang, options.Formats).Select(stage.Write).ToList();
                state.Record(key, fingerprint, files);
                Written(files);
                Interlocked.Increment(ref rebuilt);
                outcome = $"rendered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms";
            }
            var n = Interlocked.Increment(ref done);
            console.MarkupLine($"[grey][[{n}/{jobs.Count}]][/] {Markup.Escape(brief.Id)} [blue]{lang}[/] {outcome}");
        });

        if (options.Briefs.Count == 0 && options.Formats.HasFlag(OutputFormat.Html))
        {
            var fingerprint = fingerprints.ForIndex(briefs);
            if (options.Force || !state.IsUpToDate(BuildState.IndexKey, fingerprint, workspace.ArtifactsDirectory))
            {
                var files = publisher.RenderIndex(briefs).Select(stage.Write).ToList();
                state.Record(BuildState.IndexKey, fingerprint, files);
                Written(files);
            }
        }

        // Outputs of editions that no longer exist: a brief removed, or a language removed from a brief.
        var existing = BriefReader.FindBriefs(workspace.ContentDirectory).Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal);
        var languages = briefs.ToDictionary(b => b.Id, b => b.Languages);
        foreach (var file in state.Prune(key => Exists(key, existing, languages))) stage.Remove(file);

        // The whole-brief download, rebuilt when one of its members changed, from the members on disk.
        if (options.Formats == OutputFormat.All && options.Languages.Count == 0)
        {
            foreach (var brief in briefs)
            {
                var members = state.FilesOf(brief.Id);
                var fingerprint = InputFingerprint.Of(brief.Metadata.Date.ToString("O", CultureInfo.InvariantCulture), members.Select(m => m.RelativePath + ":" + m.Hash));
                if (!options.Force && state.IsUpToDate(BuildState.ArchiveKey(brief.Id), fingerprint, workspace.ArtifactsDirectory))
                {
                    console.MarkupLine($"[grey]{Markup.Escape(BriefArchive.FileName(brief.Id))} up to date: no member changed[/]");
                    continue;
                }
                var archive = BriefArchive.Write(stage, brief, members.Select(m => m.RelativePath));
                state.Record(BuildState.ArchiveKey(brief.Id), fingerprint, [archive]);
                Written([archive]);
            }
        }

        stage.Write(state.ToFile());
        // Only now, with every output written, does anything in artifacts/ change.
        var changed = stage.Commit().Count(f => f != BuildState.FileName);

        foreach (var file in written.OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                     .Where(f => !f.RelativePath.Contains("fonts/", StringComparison.Ordinal) && !f.RelativePath.EndsWith(".png", StringComparison.Ordinal)))
            console.MarkupLine($"  [green]✓[/] artifacts/{Markup.Escape(file.RelativePath)} [grey]({file.Length / 1024.0:F0} KB)[/]");
        console.MarkupLine($"[green]{rebuilt} of {jobs.Count} edition(s) rebuilt, {changed} file(s) changed in {clock.Elapsed.TotalSeconds:F1} s[/]");
        return briefs;
    }

    /// <summary>Runs the editions on every core; their problems (bad content, a full disk) come out as one located report.</summary>
    private static void InParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(x => x is BriefException))
        {
            throw new BriefException(e.Flatten().InnerExceptions.SelectMany(x => ((BriefException)x).Diagnostics).Distinct().ToList());
        }
    }

    /// <summary>Whether a record's brief and language still exist; briefs this build did not read keep their records.</summary>
    private static bool Exists(string key, HashSet<string> briefs, Dictionary<string, IReadOnlyList<string>> languages)
    {
        if (key == BuildState.IndexKey) return true;
        var parts = key.Split('/');
        if (!briefs.Contains(parts[0])) return false;
        return parts[1] == "zip" || !languages.TryGetValue(parts[0], out var langs) || langs.Contains(parts[1]);
    }
}
