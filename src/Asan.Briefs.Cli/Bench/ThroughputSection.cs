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
/// alone, warm, in a process of its own (what the engine can do once started). The briefs are distinct
/// (<see cref="GeneratedRepository.Kind.Distinct"/>), as a real site's are; a build of 100 copies of the
/// seed is shown beside, where the process-wide font caches do one brief's font work for all of them.
/// The CLI measured is the native one when the bench is given it (as a script or CI step building a site runs it,
/// and with its collector settings, which a JIT-compiled CLI reads only from the environment), else this one.
/// </summary>
public static class ThroughputSection
{
    public const int Briefs = 100;
    private const int Rounds = 3;
    private const string ThroughputLine = "throughput-ms ";

    public static void Run(BenchContext context, string? native)
    {
        var console = context.Console;
        var (file, prefix) = native is not null ? (native, "") : BenchRuns.Cli();
        console.MarkupLine($"[bold]Throughput: {Briefs} briefs, every language and format, on 1 and 2 cores ({BenchRuns.Name(native)})[/]");
        var cores = Math.Min(2, Environment.ProcessorCount);
        if (ExternalProcess.Find("taskset") is not { } taskset)
        {
            console.MarkupLine("  [yellow]taskset is not installed (Debian util-linux): no pinned figures[/]");
            return;
        }
        var outputs = Briefs * context.Seed.Languages.Count * 3;
        var output = Path.Combine(context.Scratch, "throughput-out");

        // Each build writes into an empty folder, as the first build of a site does. The two take turns, and the
        // figures are each one's best run, since the machine's other load comes and goes; each pair's ratio is
        // shown too. Their CPU seconds (taskset's child included) hardly depend on that load: the 2-core run's CPU
        // beside the 1-core run's is what working side by side costs, and CPU / (wall x cores) how busy the cores were.
        (double Wall, double? Cpu) Build(GeneratedRepository repository, int n)
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            return ChildCpu.Measure(() => BenchRuns.Run(taskset,
                $"-c 0-{n - 1} \"{file}\" {prefix}build --root \"{repository.Root}\" --out \"{output}\" --force --quiet"));
        }
        static string Cpu((double Wall, double? Cpu) run, int n) =>
            run.Cpu is { } cpu ? $", CPU {cpu:F1} s, cores {100 * cpu / (run.Wall / 1000 * n):F0} % busy" : "";
        void Pairs(GeneratedRepository repository, string what, int rounds)
        {
            var pairs = Enumerable.Range(0, rounds).Select(_ => (One: Build(repository, 1), Two: Build(repository, cores))).ToList();
            var (one, two) = (pairs.MinBy(r => r.One.Wall).One, pairs.MinBy(r => r.Two.Wall).Two);
            var each = rounds > 1 ? $" (pairs {string.Join(", ", pairs.Select(p => $"{p.One.Wall / p.Two.Wall:F2}×"))})" : "";
            context.Report(new BenchCommand.Figure($"build --force, {Briefs} {what}, 1 core", one.Wall,
                $"{outputs / (one.Wall / 1000):F1} outputs/s, whole process{Cpu(one, 1)}"));
            context.Report(new BenchCommand.Figure($"build --force, {Briefs} {what}, {cores} cores", two.Wall,
                $"{outputs / (two.Wall / 1000):F1} outputs/s, speed-up {one.Wall / two.Wall:F2}×{each}{Cpu(two, cores)}"));
        }
        using (var distinct = GeneratedRepository.Create(context.Scratch, context.Seed.Directory, context.Workspace.TemplatesDirectory, Briefs))
        {
            Pairs(distinct, "distinct briefs", Rounds);

            double Warm(int n)
            {
                var printed = BenchRuns.Run(taskset, $"-c 0-{n - 1} \"{file}\" {prefix}bench --root \"{distinct.Root}\" --cores {n}");
                var line = printed.Split('\n').LastOrDefault(l => l.StartsWith(ThroughputLine, StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"the throughput run on {n} core(s) printed no figure: {printed}");
                return double.Parse(line[ThroughputLine.Length..], CultureInfo.InvariantCulture);
            }
            var (one, two) = (Warm(1), Warm(cores));
            context.Report(new BenchCommand.Figure($"rendering {Briefs} distinct briefs, warm, 1 core", one, $"{outputs / (one / 1000):F1} outputs/s"));
            context.Report(new BenchCommand.Figure($"rendering {Briefs} distinct briefs, warm, {cores} cores", two, $"{outputs / (two / 1000):F1} outputs/s, speed-up {one / two:F2}×"));
        }
        using (var copies = GeneratedRepository.Create(context.Scratch, context.Seed.Directory, context.Workspace.TemplatesDirectory, Briefs, GeneratedRepository.Kind.Copies))
            Pairs(copies, "copies of the seed", 1);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }

    /// <summary>`bench --cores N`: only the warm rendering of the repository's briefs on N workers, printed as one line for the bench that started this process.</summary>
    public static int RunPinned(Workspace workspace, IAnsiConsole console, int cores)
    {
        var publisher = new Publisher(workspace, new BuildStamp(null));
        var briefs = publisher.ReadBriefs();
        console.WriteLine(ThroughputLine + Measure(publisher, briefs, cores).ToString("F1", CultureInfo.InvariantCulture));
        return CommandLine.Success;
    }

    /// <summary>
    /// Median of three runs, after whole passes until the JIT has stopped recompiling (it compiles on
    /// another thread, and the figure is for code as it runs once warm).
    /// </summary>
    private static double Measure(Publisher publisher, IReadOnlyList<Brief> briefs, int cores)
    {
        // Many editions keep the workers busy by themselves: each renders its formats one after another, as a build's do.
        publisher.FormatParallelism = 1;
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
