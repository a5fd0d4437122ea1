using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `bench`: measures the pipeline on this machine and writes artifacts/bench/bench.json. Warm figures
/// are medians of repeated runs after warm-up; the cold figure is a whole CLI process.
/// </summary>
public static class BenchCommand
{
    private const string SeedBrief = "korea-japan-diplomatic-tasks";

    public sealed record Figure(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("milliseconds")] double Milliseconds,
        [property: JsonPropertyName("detail")] string Detail);

    public sealed record Machine(
        [property: JsonPropertyName("cores")] int Cores,
        [property: JsonPropertyName("os")] string Os,
        [property: JsonPropertyName("runtime")] string Runtime);

    /// <summary>What bench.json holds.</summary>
    public sealed record Report(
        [property: JsonPropertyName("machine")] Machine Machine,
        [property: JsonPropertyName("iterations")] int Iterations,
        [property: JsonPropertyName("figures")] IReadOnlyList<Figure> Figures);

    /// <param name="native">A native (AOT-compiled) build of this CLI, whose cold start is measured too.</param>
    public static int Run(Workspace workspace, IAnsiConsole console, int iterations, string? native)
    {
        var figures = new List<Figure>();
        void Report(Figure figure)
        {
            figures.Add(figure);
            console.MarkupLine($"  {Markup.Escape(figure.Name),-48} {figure.Milliseconds,10:F2} ms  [grey]{Markup.Escape(figure.Detail)}[/]");
        }

        var publisher = new Publisher(workspace, new BuildStamp(null));
        var briefs = publisher.ReadBriefs();
        var pdf = new Asan.Briefs.Pdf.PdfWriter(theme => new Asan.Briefs.Pdf.Text.TextLayouter(theme));
        var docx = new Asan.Briefs.Docx.DocxWriter();

        console.MarkupLine("[bold]Warm, in process: typesetting each edition (print markup → file)[/]");
        foreach (var brief in briefs)
        foreach (var lang in brief.Languages)
        {
            var document = publisher.PrintDocument(brief, lang);
            var pages = pdf.Layout(document, publisher.Theme).Pages.Count;
            var pdfTime = Median(iterations, () => pdf.Write(document, publisher.Theme));
            Report(new Figure($"pdf  {brief.Id}.{lang}", pdfTime, $"{pages} pages, {pages / (pdfTime / 1000):F0} pages/s"));
            Report(new Figure($"docx {brief.Id}.{lang}", Median(iterations, () => docx.Write(document, publisher.Theme)), ""));
            // Page weight: the page with every font and figure it refers to, the most a first visit loads.
            var web = publisher.Render(brief, lang, OutputFormat.Html);
            var fontBytes = web.Where(f => f.RelativePath.EndsWith(".woff2", StringComparison.Ordinal)).Sum(f => (long)f.Bytes.Length);
            Report(new Figure($"html {brief.Id}.{lang}", Median(iterations, () => publisher.Render(brief, lang, OutputFormat.Html)),
                $"templates + fonts; page weight {web.Sum(f => (long)f.Bytes.Length) / 1024.0:F0} KB, fonts {fontBytes / 1024.0:F0} KB"));
            Report(new Figure($"markup {brief.Id}.{lang}", Median(iterations, () => publisher.PrintDocument(brief, lang)), "template + schema check"));
        }

        console.MarkupLine("[bold]How PDF cost grows with length (the seed brief repeated)[/]");
        var seed = briefs.First(b => b.Id == SeedBrief);
        var seedDocument = publisher.PrintDocument(seed, "en");
        // About 10 and about 100 pages: the seed brief's flow is 3.4 pages long.
        var lengths = new List<(int Pages, double Time)>();
        foreach (var copies in new[] { 3, 30 })
        {
            var document = Repeat(seedDocument, copies);
            var pages = pdf.Layout(document, publisher.Theme).Pages.Count;
            var time = Median(Math.Max(3, iterations / copies), () => pdf.Write(document, publisher.Theme));
            lengths.Add((pages, time));
            Report(new Figure($"pdf  generated, {pages} pages", time, $"{pages / (time / 1000):F0} pages/s"));
        }
        var (shortDoc, longDoc) = (lengths[0], lengths[1]);
        console.MarkupLine($"  [grey]{longDoc.Pages} pages cost {longDoc.Time / shortDoc.Time:F1}× the time of {shortDoc.Pages} pages ({(double)longDoc.Pages / shortDoc.Pages:F1}× the pages)[/]");

        console.MarkupLine("[bold]Throughput: 50 generated briefs, every language and format[/]");
        var generated = Generated(seed);
        var cores = Math.Min(2, Environment.ProcessorCount);
        double one, two;
        if (ExternalProcess.Find("taskset") is { } taskset)
        {
            // Each measurement is a process pinned to its cores, so the one-core figure cannot borrow the
            // second core for the collector or the JIT. The two take turns, twice, and each keeps its better run:
            // the machine's other load comes and goes.
            double Pinned(int n)
            {
                var (file, prefix) = CliCommand();
                var output = RunProcess(taskset, $"-c 0-{n - 1} \"{file}\" {prefix}bench --root \"{RepoRoot(workspace)}\" --cores {n}");
                var line = output.Split('\n').LastOrDefault(l => l.StartsWith(ThroughputLine, StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"the throughput run on {n} core(s) printed no figure: {output}");
                return double.Parse(line[ThroughputLine.Length..], CultureInfo.InvariantCulture);
            }
            var runs = Enumerable.Range(0, 2).Select(_ => (One: Pinned(1), Two: Pinned(cores))).ToList();
            (one, two) = (runs.Min(r => r.One), runs.Min(r => r.Two));
        }
        else
        {
            console.MarkupLine("  [yellow]taskset is not installed: measured in this process, where the one-core run shares the machine with the JIT and collector threads[/]");
            (one, two) = (MeasureThroughput(workspace, generated, 1), MeasureThroughput(workspace, generated, cores));
        }
        var outputs = generated.Sum(b => b.Languages.Count) * 3;
        Report(new Figure("50 briefs on 1 core", one, $"{outputs / (one / 1000):F1} outputs/s"));
        Report(new Figure($"50 briefs on {cores} cores", two, $"{outputs / (two / 1000):F1} outputs/s, speed-up {one / two:F2}×"));

        console.MarkupLine("[bold]Cold: one CLI process rendering the seed brief's six outputs[/]");
        var scratch = Path.Combine(Path.GetTempPath(), "asan-briefs-bench-" + Environment.ProcessId);
        string Build(string output, string briefs) => $"build --root \"{RepoRoot(workspace)}\" {briefs} --force --out \"{Path.Combine(scratch, output)}\"";
        var seedOnly = $"--brief {SeedBrief}";
        var colds = new List<(string Build, double Time)>
        {
            ("this CLI (JIT, ReadyToRun)", Median(3, () => RunProcess(CliCommand(), Build("managed", seedOnly)))),
        };
        if (native is not null)
        {
            colds.Add(("native CLI (AOT)", Median(3, () => RunProcess((native, ""), Build("native", seedOnly)))));
            // A native build keeps only the code it can see used; every brief must come out byte for byte as from the managed build.
            RunProcess(CliCommand(), Build("managed-all", ""));
            RunProcess((native, ""), Build("native-all", ""));
            var differing = DifferingFiles(Path.Combine(scratch, "managed-all"), Path.Combine(scratch, "native-all"));
            if (differing.Count > 0)
                throw new InvalidOperationException($"the native CLI wrote different bytes from the managed one: {string.Join(", ", differing)}");
            console.MarkupLine("  [grey]the native CLI writes every brief's files byte for byte as the managed one does[/]");
        }
        foreach (var (build, time) in colds) Report(new Figure($"cold process, 6 outputs: {build}", time, "pdf, docx, html × en, ko, and the zip"));
        if (ExternalProcess.Find("pandoc") is { } pandoc)
        {
            var seedDirectory = Path.Combine(workspace.ContentDirectory, SeedBrief);
            var pandocTime = Median(3, () =>
            {
                foreach (var lang in seed.Languages)
                {
                    RunProcess(pandoc, $"\"{Path.Combine(seedDirectory, $"body.{lang}.md")}\" -s --metadata title=brief -o \"{Path.Combine(scratch, $"pandoc.{lang}.docx")}\"");
                    RunProcess(pandoc, $"\"{Path.Combine(seedDirectory, $"body.{lang}.md")}\" -s --metadata title=brief -o \"{Path.Combine(scratch, $"pandoc.{lang}.html")}\"");
                }
            });
            var ratios = string.Join("; ", colds.Select(c => $"{c.Build} / pandoc {c.Time / pandocTime:F2}"));
            Report(new Figure("pandoc, 4 outputs (docx, html × en, ko)", pandocTime, "ratio " + ratios));
        }
        else
        {
            console.MarkupLine("  [yellow]pandoc is not installed: no comparison (apt-get install pandoc)[/]");
        }
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }

        var json = Path.Combine(workspace.ArtifactsDirectory, "bench", "bench.json");
        var report = new Report(
            new Machine(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version.ToString()),
            iterations,
            figures.Select(f => f with { Milliseconds = Math.Round(f.Milliseconds, 3) }).ToList());
        AtomicFile.Write(json, JsonSerializer.SerializeToUtf8Bytes(report, CliJson.Default.Report));
        console.MarkupLine($"[green]figures written to {Markup.Escape(Asan.Briefs.Diagnostics.DisplayPath.Of(json))}[/]");
        return CommandLine.Success;
    }

    /// <summary>
    /// Median wall time of <paramref name="runs"/> runs, measured once the code is warm: the runtime
    /// recompiles a method with full optimisation only after it has run 30 times, so the warm-up runs
    /// the action at least that often and for at least half a second, as BenchmarkDotNet's warm-up does.
    /// </summary>
    private static double Median(int runs, Action action)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 30 || warmUp.ElapsedMilliseconds < 500; i++) action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private const string ThroughputLine = "throughput-ms ";

    /// <summary>`bench --cores N`: only the throughput, on N workers, printed as one line for the bench that started this process.</summary>
    public static int RunThroughput(Workspace workspace, IAnsiConsole console, int cores)
    {
        var seed = new Publisher(workspace, new BuildStamp(null)).ReadBriefs([SeedBrief]).Single();
        console.WriteLine(ThroughputLine + MeasureThroughput(workspace, Generated(seed), cores).ToString("F1", CultureInfo.InvariantCulture));
        return CommandLine.Success;
    }

    private static List<Brief> Generated(Brief seed) => Enumerable.Range(1, 50).Select(i => seed with { Id = $"generated-{i:00}" }).ToList();

    /// <summary>
    /// Median of three runs, after whole passes until the JIT has stopped recompiling (it compiles on
    /// another thread, and the figure is for code as it runs once warm).
    /// </summary>
    private static double MeasureThroughput(Workspace workspace, IReadOnlyList<Brief> briefs, int cores)
    {
        for (var pass = 0; pass < 5; pass++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            Throughput(workspace, briefs, cores);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 10) break;
        }
        return Enumerable.Range(0, 3).Select(_ => Throughput(workspace, briefs, cores)).Order().ElementAt(1);
    }

    /// <summary>Renders every edition of the briefs with <paramref name="cores"/> workers, each with its own pipeline.</summary>
    private static double Throughput(Workspace workspace, IReadOnlyList<Brief> briefs, int cores)
    {
        var jobs = briefs.SelectMany(b => b.Languages.Select(l => (Brief: b, Lang: l))).ToList();
        // Each worker renders its edition's formats one after another, so `cores` bounds the whole run.
        using var publishers = new ThreadLocal<Publisher>(() => new Publisher(workspace, new BuildStamp(null)) { FormatParallelism = 1 });
        // Warm each worker's engine (fonts, shaping caches) before timing.
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, _ => publishers.Value!.Render(jobs[0].Brief, jobs[0].Lang, OutputFormat.All));
        var start = Stopwatch.GetTimestamp();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = cores }, job => publishers.Value!.Render(job.Brief, job.Lang, OutputFormat.All));
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>A longer document: the flow repeated, with ids made unique per copy.</summary>
    private static PrintDocument Repeat(PrintDocument document, int copies) => document with
    {
        Blocks = Enumerable.Range(0, copies).SelectMany(copy => document.Blocks.Select(b => b.Id is null ? b : b with { Id = $"{b.Id}-{copy}" })).ToList(),
    };

    /// <summary>Files of the two folders whose bytes differ, or that only one has (the build state aside: it names the engine).</summary>
    private static List<string> DifferingFiles(string expected, string actual)
    {
        static Dictionary<string, string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => Path.GetFileName(f) != BuildState.FileName)
            .ToDictionary(f => f, f => BuildState.Hash(File.ReadAllBytes(Path.Combine(root, f))));
        var (left, right) = (Files(expected), Files(actual));
        return left.Keys.Union(right.Keys).Where(f => left.GetValueOrDefault(f) != right.GetValueOrDefault(f)).Order(StringComparer.Ordinal).ToList();
    }

    private static string RepoRoot(Workspace workspace) => Path.GetDirectoryName(workspace.ContentDirectory)!;

    private static (string File, string Prefix) CliCommand()
    {
        var entry = Environment.ProcessPath!;
        var dll = Path.Combine(AppContext.BaseDirectory, "asan-briefs.dll");
        return Path.GetFileNameWithoutExtension(entry) == "dotnet" ? (entry, $"\"{dll}\" ") : (entry, "");
    }

    private static string RunProcess((string File, string Prefix) command, string arguments) => RunProcess(command.File, command.Prefix + arguments);

    /// <returns>What the program printed.</returns>
    private static string RunProcess(string file, string arguments)
    {
        var result = ExternalProcess.Run(file, arguments) ?? throw new InvalidOperationException($"{file} is not installed");
        if (result.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited {result.ExitCode}: {result.Output}");
        return result.Output;
    }
}
