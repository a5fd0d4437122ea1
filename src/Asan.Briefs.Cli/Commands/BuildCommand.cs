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
    bool Force,
    Shard? Shard = null);

/// <summary>What a build did, for commands that go on from it and for `--json`.</summary>
public sealed record BuildResult(IReadOnlyList<Brief> Briefs, int Editions, int Rebuilt, IReadOnlyList<string> Changed);

/// <summary>`--shard K/N`: the K-th of N parts of the briefs, taking every N-th brief in id order, so N machines share the work.</summary>
public sealed record Shard(int Number, int Count)
{
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n > 0 && k >= 1 && k <= n
            ? new Shard(k, n)
            : throw new UsageException($"--shard {text}: write K/N, the K-th of N shards, 1 <= K <= N (e.g. --shard 1/4)");
    }

    public IEnumerable<string> Select(IEnumerable<string> ids) =>
        ids.Order(StringComparer.Ordinal).Where((_, i) => i % Count == Number - 1);
}

/// <summary>
/// `build`: renders every brief, language and format into artifacts/. Nothing is written unless every
/// output rendered, so a failed build leaves the last good outputs as they were.
/// </summary>
public static class BuildCommand
{
    /// <param name="errors">Where warnings go (stderr); <paramref name="console"/> when not given.</param>
    public static int Run(Workspace workspace, BuildOptions options, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        Build(workspace, options, console, errors);
        return 0;
    }

    /// <summary>What the reader found suspicious but not wrong, one located line each.</summary>
    public static void ShowWarnings(IEnumerable<Brief> briefs, IAnsiConsole errors)
    {
        foreach (var warning in briefs.SelectMany(b => b.Warnings))
            errors.MarkupLine($"[yellow]{Markup.Escape(warning.ToString())}[/]");
    }

    public static BuildResult Build(Workspace workspace, BuildOptions options, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        var clock = Stopwatch.StartNew();
        using var noCollections = CollectionPause.For(options.Briefs.Count > 0 ? options.Briefs.Count : BriefReader.FindBriefs(workspace.ContentDirectory).Count);
        Publisher.PrepareTemplatesInBackground();
        var publisher = new Publisher(workspace, BuildStamp.FromEnvironment());
        publisher.WarmUpInBackground();
        // What the last build made, and the fingerprint of the templates, theme, fonts and engine, need
        // neither the theme nor the content, and the build needs them only after reading the content: queued
        // behind what reading it needs (the templates' parse, the faces that check its characters).
        var loadState = new Ahead<BuildState>(() => BuildState.Load(workspace.ArtifactsDirectory));
        var readFingerprints = new Ahead<InputFingerprint>(() => new InputFingerprint(workspace));
        publisher.CheckTemplates();
        var only = options.Shard is { } shard
            ? shard.Select(BriefReader.FindBriefs(workspace.ContentDirectory).Select(f => Path.GetFileName(f)!))
                .Where(id => options.Briefs.Count == 0 || options.Briefs.Contains(id)).ToList()
            : options.Briefs;
        // A shard that drew no brief (more shards than briefs) has nothing to do.
        if (options.Shard is not null && only.Count == 0) return new BuildResult([], 0, 0, []);
        var briefs = publisher.ReadBriefs(only);
        ShowWarnings(briefs, errors ?? console);
        var jobs = briefs.SelectMany(b => b.Languages
                .Where(l => options.Languages.Count == 0 || options.Languages.Contains(l))
                .Select(l => (Brief: b, Lang: l)))
            .ToList();
        console.MarkupLine($"[grey]{briefs.Count} brief(s), {jobs.Count} edition(s), formats: {options.Formats}[/]");

        var state = loadState.Value;
        var fingerprints = readFingerprints.Value;
        using var stage = new OutputStage(workspace.ArtifactsDirectory);
        var written = new List<WrittenFile>();
        void Written(IEnumerable<WrittenFile> files) { lock (written) written.AddRange(files); }
        var done = 0;
        var rebuilt = 0;
        // A console is not safe to write from several threads (a test console's StringWriter threw, and
        // lines interleaved): the workers report one line at a time, counted in the order shown.
        var reporting = new object();
        void Report(Func<int, string> markup) { lock (reporting) console.MarkupLine(markup(++done)); }
        void UpToDate(Brief brief, string lang) =>
            Report(n => $"[grey][[{n}/{jobs.Count}]][/] {Markup.Escape(brief.Id)} [blue]{lang}[/] [grey]up to date, not rebuilt[/]");
        void Zip(Brief brief, BriefArchive archive)
        {
            var members = state.FilesOf(brief.Id);
            var fingerprint = InputFingerprint.Of(brief.Metadata.Date.ToString("O", CultureInfo.InvariantCulture), members.Select(m => m.RelativePath + ":" + m.Hash));
            if (!options.Force && state.IsUpToDate(BuildState.ArchiveKey(brief.Id), fingerprint, workspace.ArtifactsDirectory))
            {
                archive.Forget();
                lock (reporting) console.MarkupLine($"[grey]{Markup.Escape(BriefArchive.FileName(brief.Id))} up to date: no member changed[/]");
                return;
            }
            var zip = archive.Write(stage, members.Select(m => m.RelativePath));
            state.Record(BuildState.ArchiveKey(brief.Id), fingerprint, [zip]);
            Written([zip]);
        }

        // Records of editions that no longer exist (a brief removed, or a language removed from a brief) go
        // first, so no zip lists their files; the files themselves leave artifacts/ on the commit.
        var existing = BriefReader.FindBriefs(workspace.ContentDirectory).Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal);
        var languages = briefs.ToDictionary(b => b.Id, b => b.Languages);
        state.Forget(key => Exists(key, existing, languages));

        var work = new WorkList();
        // Many editions keep every core busy by themselves: each is one piece of work, rendering its formats one
        // after another, so memory holds one edition's work per core and the editions finish evenly. A few are cut
        // into their parts (resolve, layout, PDF files, DOCX, HTML), the longest chain first (see WorkList).
        var few = jobs.Count < 4 * Environment.ProcessorCount;
        if (!few) publisher.FormatParallelism = 1;
        // The index lists every brief: a build of some of them (--brief, --shard) leaves it alone. It needs only
        // the briefs' models, so it renders beside the editions, first of all when there are many: after them,
        // on one core while the other waited, it was the longest serial part of a two-core build.
        var indexWanted = options.Briefs.Count == 0 && options.Shard is null && options.Formats.HasFlag(OutputFormat.Html);
        var indexFingerprint = indexWanted ? fingerprints.ForIndex(briefs) : "";
        if (indexWanted && (options.Force || !state.IsUpToDate(BuildState.IndexKey, indexFingerprint, workspace.ArtifactsDirectory)))
        {
            work.Add(few ? 4 : 0, () =>
            {
                var files = publisher.RenderIndex(briefs).Select(stage.Write).ToList();
                state.Record(BuildState.IndexKey, indexFingerprint, files);
                Written(files);
            });
        }
        work.Add(4, BuildState.PrepareToWrite);
        var zipped = options.Formats == OutputFormat.All && options.Languages.Count == 0;
        foreach (var brief in briefs)
        {
            var editions = new List<WorkList.Piece>();
            // Each file an edition makes is compressed for the brief's zip as it is staged, on the core that made it.
            var archive = zipped ? new BriefArchive(brief) : null;
            WrittenFile Stage(OutputFile file)
            {
                archive?.Add(file);
                return stage.Write(file);
            }
            foreach (var lang in jobs.Where(j => j.Brief == brief).Select(j => j.Lang))
            {
                var key = BuildState.EditionKey(brief.Id, lang, options.Formats);
                void Rendered(string fingerprint, IEnumerable<WrittenFile> files, long started)
                {
                    state.Record(key, fingerprint, files);
                    Written(files);
                    Interlocked.Increment(ref rebuilt);
                    Report(n => $"[grey][[{n}/{jobs.Count}]][/] {Markup.Escape(brief.Id)} [blue]{lang}[/] rendered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
                }
                if (!few)
                {
                    editions.Add(work.Add(0, () =>
                    {
                        var fingerprint = fingerprints.For(brief, lang);
                        if (!options.Force && state.IsUpToDate(key, fingerprint, workspace.ArtifactsDirectory))
                        {
                            UpToDate(brief, lang);
                            return;
                        }
                        var started = Stopwatch.GetTimestamp();
                        // Each output goes to disk (the stage) as soon as it is made, so memory holds one edition per worker.
                        Rendered(fingerprint, publisher.Render(brief, lang, options.Formats).Select(Stage).ToList(), started);
                    }));
                    continue;
                }
                var known = options.Force ? null : fingerprints.For(brief, lang);
                if (known is not null && state.IsUpToDate(key, known, workspace.ArtifactsDirectory))
                {
                    UpToDate(brief, lang);
                    continue;
                }
                var files = new List<WrittenFile>();
                var edition = publisher.AddEdition(work, brief, lang, options.Formats, file =>
                {
                    var written = Stage(file);
                    lock (files) files.Add(written);
                });
                var begun = Stopwatch.GetTimestamp();
                // A forced build still records the edition's fingerprint: worked out beside the rendering, not after
                // the last part, where the Korean edition's came just before the zip, on one core.
                var fingerprint = known;
                var parts = known is not null ? edition.Parts : [.. edition.Parts, work.Add(3, () => fingerprint = fingerprints.For(brief, lang))];
                editions.Add(work.Add(5, () => Rendered(fingerprint!, files, begun), parts));
            }
            // The whole-brief download, rebuilt when one of its members changed, as soon as the brief's editions are
            // done: it places the members compressed as they were made, and reads from disk only those not made now.
            if (archive is not null) work.Add(few ? 6 : 0, () => Zip(brief, archive), editions);
        }
        work.Run(Environment.ProcessorCount);
        foreach (var file in state.Orphans()) stage.Remove(file);

        stage.Write(state.ToFile());
        // Only now, with every output written, does anything in artifacts/ change.
        var changed = stage.Commit().Where(f => f != BuildState.FileName).ToList();

        // A console that writes nowhere (--quiet, --json) is not given the list: on 100 briefs its 900 lines of markup took 20 ms at the end.
        if (console.Profile.Out.Writer != TextWriter.Null)
        {
            foreach (var file in written.OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                         .Where(f => !f.RelativePath.Contains("fonts/", StringComparison.Ordinal) && !f.RelativePath.EndsWith(".png", StringComparison.Ordinal)))
                console.MarkupLine($"  [green]✓[/] artifacts/{Markup.Escape(file.RelativePath)} [grey]({file.Length / 1024.0:F0} KB)[/]");
        }
        console.MarkupLine($"[green]{rebuilt} of {jobs.Count} edition(s) rebuilt, {changed.Count} file(s) changed in {clock.Elapsed.TotalSeconds:F1} s[/]");
        return new BuildResult(briefs, jobs.Count, rebuilt, changed);
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
