using System.Runtime.InteropServices;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// The CPU time (user and system) of this process's finished child processes, from getrusage(RUSAGE_CHILDREN):
/// unlike wall time it hardly depends on what else the machine runs, so a pinned run's CPU seconds, and how
/// busy it kept its cores, can be compared between a loaded and a quiet machine.
/// </summary>
public static partial class ChildCpu
{
    private const int RusageChildren = -1;

    private const int RusageSelf = 0;

    /// <summary>Seconds of CPU used by every child waited for so far; null where getrusage is not there (not Linux).</summary>
    public static double? Seconds() => Usage(RusageChildren);

    /// <summary>
    /// Seconds of CPU this process has used, all its threads, to the microsecond (Process.TotalProcessorTime
    /// reads /proc in 10 ms ticks, too coarse for one edition's PDF); null where getrusage is not there.
    /// </summary>
    public static double? ProcessSeconds() => Usage(RusageSelf);

    private static double? Usage(int who)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var usage = new long[18];
        if (GetRusage(who, usage) != 0) return null;
        // struct rusage begins with two timevals: ru_utime and ru_stime, each seconds and microseconds.
        return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
    }

    /// <summary>Runs <paramref name="action"/> and returns its wall time (ms) and the CPU seconds of the children it waited for.</summary>
    public static (double WallMs, double? CpuSeconds) Measure(Action action)
    {
        var before = Seconds();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        action();
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var after = Seconds();
        return (wall, before is { } b && after is { } a ? a - b : null);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, [Out] long[] usage);
}
