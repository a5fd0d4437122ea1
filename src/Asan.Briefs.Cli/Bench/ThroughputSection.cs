using System.Diagnostics;
using System.Globalization;
using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// 100 briefs on one core and on two. Each measurement is a process pinned to its cores with taskset,
/// so the one-core figure cannot borrow the second core for the collector or the JIT: a whole
/// `build --force` of a generated 100-brief repository (what a person runs), and the rendering
/// alone, warm, in a process of its own (what the engine can do once started).
/// </summary>
public static class ThroughputSection
{
    public const int Briefs = 100;
    private const string ThroughputLine = "throughput-ms ";

    public static void Run(BenchContext context)
    {
        var console = context.Console;
        console.MarkupLine($"[bold]Throughput: {Briefs} briefs, every language and format, on 1 and 2 cores[/]");
        var cores = Math.Min(2, Environment.ProcessorCount);
        if (ExternalProcess.Find("taskset") is not { } taskset)
        {
            console.MarkupLine("  [yellow]taskset is not installed (Debian util-linux): no pinned figures[/]");
            return;
        }
        var outputs = Briefs * context.Seed.Languages.Count * 3;
        using var repository = GeneratedRepository.Create(context.Scratch, context.Seed.Directory, context.Workspace.TemplatesDirectory, Briefs);
        var (file, prefix) = BenchRuns.Cli();

        // The two take turns, twice, and each keeps its better run: the machine's other load comes and goes.
        // Their CPU seconds (taskset's child included) hardly depend on that load: the 2-core run's CPU beside the
        // 1-core run's is what working side by side costs, and CPU / (wall x cores) how busy the cores were kept.
        (double Wall, double? Cpu) Build(int n) => ChildCpu.Measure(() => BenchRuns.Run(taskset,
            $"-c 0-{n - 1} \"{file}\" {prefix}build --root \"{repository.Root}\" --force --quiet"));
        var builds = Enumerable.Range(0, 2).Select(_ => (One: Build(1), Two: Build(cores))).ToList();
        var (oneBuild, twoBuild) = (builds.MinBy(r => r.One.Wall).One, builds.MinBy(r => r.Two.Wall).Two);
        static string Cpu((double Wall, double? Cpu) run, int n) =>
            run.Cpu is { } cpu ? $", CPU {cpu:F1} s, cores {100 * cpu / (run.Wall / 1000 * n):F0} % busy" : "";
        context.Report(new BenchCommand.Figure($"build --force, {Briefs} briefs, 1 core", oneBuild.Wall,
            $"{outputs / (oneBuild.Wall / 1000):F1} outputs/s, whole process{Cpu(oneBuild, 1)}"));
        context.Report(new BenchCommand.Figure($"build --force, {Briefs} briefs, {cores} cores", twoBuild.Wall,
            $"{outputs / (twoBuild.Wall / 1000):F1} outputs/s, speed-up {oneBuild.Wall / twoBuild.Wall:F2}×{Cpu(twoBuild, cores)}"));

        double Warm(int n)
        {
            var output = BenchRuns.Run(taskset, $"-c 0-{n - 1} \"{file}\" {prefix}bench --root \"{context.RepoRoot}\" --cores {n}");
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith(ThroughputLine, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"the throughput run on {n} core(s) printed no figure: {output}");
            return double.Parse(line[ThroughputLine.Length..], CultureInfo.InvariantCulture);
        }
        var (one, two) = (Warm(1), Warm(cores));
        context.Report(new BenchCommand.Figure($"rendering {Briefs} briefs, warm, 1 core", one, $"{outputs / (one / 1000):F1} outputs/s"));
        context.Report(new BenchCommand.Figure($"rendering {Briefs} briefs, warm, {cores} cores", two, $"{outputs / (two / 1000):F1} outputs/s, speed-up {one / two:F2}×"));
    }

    /// <summary>`bench --cores N`: only the warm rendering, on N workers, printed as one line for the bench that started this process.</summary>
    public static int RunPinned(Workspace workspace, IAnsiConsole console, int cores)
    {
        var seed = new Publisher(workspace, new BuildStamp(null)).ReadBriefs([BenchCommand.SeedBrief]).Single();
        var briefs = Enumerable.Range(1, Briefs).Select(i => seed with { Id = $"gen-{i:000}" }).ToList();
        console.WriteLine(ThroughputLine + Measure(workspace, briefs, cores).ToString("F1", CultureInfo.InvariantCulture));
        return CommandLine.Success;
    }

    /// <summary>
    /// Median of three runs, after whole passes until the JIT has stopped recompiling (it compiles on
    /// another thread, and the figure is for code as it runs once warm).
    /// </summary>
    private static double Measure(Workspace workspace, IReadOnlyList<Brief> briefs, int cores)
    {
        var publisher = new Publisher(workspace, new BuildStamp(null));
        for (var pass = 0; pass < 3; pass++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            Render(publisher, briefs, cores);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 10) break;
        }
        return Enumerable.Range(0, 3).Select(_ => Render(publisher, briefs, cores)).Order().ElementAt(1);
    }

    /// <summary>Renders every edition of the briefs on <paramref name="cores"/> workers sharing one pipeline, as a build does.</summary>
    private static double Render(Publisher publisher, IReadOnlyList<Brief> briefs, int cores)
    {
        var jobs = briefs.SelectMany(b => b.Languages.Select(l => (Brief: b, Lang: l))).ToList();
        var start = Stopwatch.GetTimestamp();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = cores }, job => publisher.Render(job.Brief, job.Lang, OutputFormat.All));
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
