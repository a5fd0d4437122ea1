using System.Diagnostics;
using Asan.Briefs.Cli.Pipeline;

namespace Asan.Briefs.Cli.Bench;

/// <summary>How the Bench times things and runs processes: warm medians, this CLI as a child process, pinned runs.</summary>
public static class BenchRuns
{
    /// <summary>
    /// Median wall time of <paramref name="runs"/> runs, measured once the code is warm: the runtime
    /// recompiles a method with full optimisation only after it has run 30 times, so the warm-up runs
    /// the action at least that often and for at least half a second, as BenchmarkDotNet's warm-up does.
    /// </summary>
    public static double Median(int runs, Action action)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 30 || warmUp.ElapsedMilliseconds < 500; i++) action();
        return MedianOf(runs, action);
    }

    /// <summary>
    /// Median CPU time (this process, all threads: the collector's and the JIT's too) of
    /// <paramref name="runs"/> runs of code already warm, in milliseconds.
    /// </summary>
    public static double MedianCpu(int runs, Action action)
    {
        static double Now() => ChildCpu.ProcessSeconds() * 1000 ?? Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Now();
            action();
            times[i] = Now() - start;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    /// <summary>Median wall time of <paramref name="runs"/> runs, with no warm-up (whole processes).</summary>
    public static double MedianOf(int runs, Action action)
    {
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

    /// <summary>This CLI as a program to start: its apphost, or `dotnet` with its dll.</summary>
    public static (string File, string Prefix) Cli()
    {
        var entry = Environment.ProcessPath!;
        var dll = Path.Combine(AppContext.BaseDirectory, "asan-briefs.dll");
        return Path.GetFileNameWithoutExtension(entry) == "dotnet" ? (entry, $"\"{dll}\" ") : (entry, "");
    }

    /// <summary>What the bench calls the CLI it measures: the native one when given, else this one.</summary>
    public static string Name(string? native) => native is not null ? "native CLI (AOT)" : "this CLI (JIT, ReadyToRun)";

    public static string Run((string File, string Prefix) command, string arguments) => Run(command.File, command.Prefix + arguments);

    /// <returns>What the program printed.</returns>
    public static string Run(string file, string arguments)
    {
        var result = ExternalProcess.Run(file, arguments) ?? throw new InvalidOperationException($"{file} is not installed");
        if (result.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited {result.ExitCode}: {result.Output}");
        return result.Output;
    }

    /// <summary>Files of the two folders whose bytes differ, or that only one has (the build state aside: it names the engine).</summary>
    public static List<string> DifferingFiles(string expected, string actual)
    {
        static Dictionary<string, string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => Path.GetFileName(f) != BuildState.FileName)
            .ToDictionary(f => f, f => BuildState.Hash(File.ReadAllBytes(Path.Combine(root, f))));
        var (left, right) = (Files(expected), Files(actual));
        return left.Keys.Union(right.Keys).Where(f => left.GetValueOrDefault(f) != right.GetValueOrDefault(f)).Order(StringComparer.Ordinal).ToList();
    }
}
