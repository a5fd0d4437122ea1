using System.Diagnostics;
using System.Globalization;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// The peak resident set size of a child process: the kernel's high-water mark (VmHWM in
/// /proc/PID/status), read every few milliseconds while the process runs. The mark never falls, so
/// the last reading is the peak but for what the process added in its last few milliseconds.
/// </summary>
public static class PeakMemory
{
    public sealed record Result(long PeakBytes, double Milliseconds);

    /// <returns>Null where the system has no /proc (not Linux).</returns>
    public static Result? Of(string file, string arguments)
    {
        if (!Directory.Exists("/proc/self")) return null;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(5))
            peak = Math.Max(peak, HighWaterMark(status));
        var time = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {output.Result}{error.Result}");
        return new Result(peak, time);
    }

    private static long HighWaterMark(string status)
    {
        try
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            // "VmHWM:   123456 kB"
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0; // the process has just ended
        }
    }
}
