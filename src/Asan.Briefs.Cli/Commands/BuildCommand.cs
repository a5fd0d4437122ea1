using System.Diagnostics;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;
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
        var outputs = new List<OutputFile>?[jobs.Count];
        var keys = new (string Key, string Fingerprint)[jobs.Count];
        var done = 0;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (brief, lang) = jobs[i];
            keys[i] = (BuildState.EditionKey(brief.Id, lang, options.Formats), fingerprints.For(brief.Directory, lang));
            string outcome;
            if (!options.Force && state.IsUpToDate(keys[i].Key, keys[i].Fingerprint, workspace.ArtifactsDirectory))
            {
                outcome = "[grey]up to date, not rebuilt[/]";
            }
            else
            {
                var started = Stopwatch.GetTimestamp();
                outputs[i] = publisher.Render(brief, lang, options.Formats).ToList();
                outcome = $"rendered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms";
            }
            var n = Interlocked.Increment(ref done);
            console.MarkupLine($"[grey][[{n}/{jobs.Count}]][/] {Markup.Escape(brief.Id)} [blue]{lang}[/] {outcome}");
        });

        // Only now, with every edition rendered, does anything touch artifacts/.
        var files = outputs.OfType<List<OutputFile>>().SelectMany(o => o).ToList();
        if (options.Briefs.Count == 0 && options.Formats.HasFlag(OutputFormat.Html))
            files.AddRange(publisher.RenderIndex(briefs));
        var changed = files.Count(file => AtomicFile.Write(Path.Combine(workspace.ArtifactsDirectory, file.RelativePath), file.Bytes));
        for (var i = 0; i < jobs.Count; i++)
            if (outputs[i] is { } written) state.Record(keys[i].Key, keys[i].Fingerprint, written);
        state.Save();

        // The whole-brief download, once every edition of the brief is on disk.
        if (options.Formats == OutputFormat.All && options.Languages.Count == 0)
        {
            foreach (var brief in briefs)
            {
                var archive = BriefArchive.Build(workspace.ArtifactsDirectory, brief);
                if (AtomicFile.Write(Path.Combine(workspace.ArtifactsDirectory, archive.RelativePath), archive.Bytes)) changed++;
                files.Add(archive);
            }
        }

        foreach (var file in files.Where(f => !f.RelativePath.Contains("fonts/", StringComparison.Ordinal) && !f.RelativePath.EndsWith(".png", StringComparison.Ordinal)))
            console.MarkupLine($"  [green]✓[/] artifacts/{Markup.Escape(file.RelativePath)} [grey]({file.Bytes.Length / 1024.0:F0} KB)[/]");
        var rebuilt = outputs.Count(o => o is not null);
        console.MarkupLine($"[green]{rebuilt} of {jobs.Count} edition(s) rebuilt, {changed} file(s) changed in {clock.Elapsed.TotalSeconds:F1} s[/]");
        return briefs;
    }
}
