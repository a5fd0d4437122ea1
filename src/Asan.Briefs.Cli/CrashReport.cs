using Spectre.Console;

namespace Asan.Briefs.Cli;

/// <summary>
/// What a real bug (exit 3) shows: one line on the terminal, naming a log that holds the trace. A user
/// who hit it needs to know it is not their input and where the details are, not 100 lines of frames.
/// </summary>
public static class CrashReport
{
    /// <returns>The log's path, or null when it could not be written (then the trace goes to <paramref name="errors"/>).</returns>
    public static string? Write(Exception error, IReadOnlyList<string> args, IAnsiConsole errors)
    {
        var innermost = error;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        var summary = innermost.Message.ReplaceLineEndings(" ");
        string? log = null;
        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "asan-briefs");
            Directory.CreateDirectory(folder);
            // The clock names the log only; it never reaches an output.
            log = Path.Combine(folder, $"crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            File.WriteAllText(log, $"asan-briefs {CommandLine.Version}\nargs: {string.Join(' ', args)}\n\n{error}\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log = null;
        }
        var where = log is null ? "the trace follows" : $"the trace is in {log}; please attach it to a bug report";
        errors.MarkupLine($"[red]internal error (a bug, not a problem in your content): {Markup.Escape(summary)}; {Markup.Escape(where)}[/]");
        if (log is null) errors.WriteLine(error.ToString());
        return log;
    }
}
