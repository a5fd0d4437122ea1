using System.ComponentModel;
using System.Diagnostics;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>Runs another program (a checker, pandoc, this command itself) and collects what it printed.</summary>
public static class ExternalProcess
{
    public sealed record Result(int ExitCode, string Output);

    /// <returns>Null when <paramref name="file"/> is not installed.</returns>
    public static Result? Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new Result(process.ExitCode, output.Result + error.Result);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The program's full path when it is on the PATH.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
