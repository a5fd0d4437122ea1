using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Spectre.Console;

namespace Asan.Briefs.Cli;

/// <summary>
/// Parses the command line and maps failures to exit codes scripts can trust:
/// 0 success, 1 invalid content or templates (located messages), 2 wrong usage, 3 unexpected error.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int InvalidInput = 1;
    public const int Usage = 2;
    public const int Crash = 3;

    private const string Help = """
        asan-briefs — renders Asan Issue Briefs into PDF, Word and HTML, in every language.

        usage: asan-briefs <command> [options]

        commands:
          build     render every brief, language and format into artifacts/
          check     validate content and templates; write nothing
          publish   build, then assemble artifacts/site/ (index, editions, downloads, a zip per brief)
          watch     build, then rebuild what changed whenever content/ or templates/ change
          serve     watch, and serve artifacts/ on 127.0.0.1 with pages that reload after each rebuild
          markup    print one edition's paged layout markup: markup <brief-id> <lang>
          validate  check every output: Open XML validator, qpdf and pdffonts, the Nu Html Checker
          bench     measure typesetting, rendering and throughput; writes artifacts/bench/bench.json

        options:
          --root DIR        repository folder (default: found from the working directory)
          --out DIR         where outputs go (default: artifacts/ in the repository)
          --brief ID        only this brief (repeatable)
          --lang LANG       only this language (repeatable)
          --format LIST     html,pdf,docx (default: all)
          --force           rebuild even if nothing changed
          --port N          serve: the port on 127.0.0.1 (default 8080)
          --iterations N    bench: timed runs per warm figure (default 21)
          --native FILE     bench: also measure the cold start of this native build of the CLI
          --cores N         bench: only the 50-brief throughput on N workers (the bench runs it pinned with taskset)
        """;

    /// <param name="errors">Where errors and warnings go (stderr); results and progress go to <paramref name="console"/> (stdout).</param>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        errors ??= console;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            console.WriteLine(Help);
            return args.Length == 0 ? Usage : Success;
        }
        try
        {
            var command = args[0];
            var (options, positional) = Parse(args.Skip(1).ToArray());
            var workspace = Workspace.Discover(options.GetValueOrDefault("root")?.LastOrDefault());
            if (options.GetValueOrDefault("out")?.LastOrDefault() is { } output)
                workspace = workspace with { ArtifactsDirectory = Path.GetFullPath(output) };
            var briefs = options.GetValueOrDefault("brief") ?? [];
            var build = new BuildOptions(
                briefs,
                OutputFormats.Parse(options.GetValueOrDefault("format")?.LastOrDefault() ?? "all"),
                options.GetValueOrDefault("lang") ?? [],
                options.ContainsKey("force"));
            return command switch
            {
                "build" => BuildCommand.Run(workspace, build, console),
                "publish" => PublishCommand.Run(workspace, build, console),
                "watch" => WatchCommand.Run(workspace, build, console),
                "serve" => ServeCommand.Run(workspace, build, Port(options), console),
                "check" => CheckCommand.Run(workspace, briefs, console),
                "markup" => MarkupCommand.Run(workspace, positional, console),
                "bench" when options.GetValueOrDefault("cores")?.LastOrDefault() is { } cores =>
                    BenchCommand.RunThroughput(workspace, console, int.TryParse(cores, out var n) && n > 0 ? n : throw new UsageException($"--cores {cores} is not a positive number")),
                "bench" => BenchCommand.Run(workspace, console, Iterations(options), Native(options)),
                "validate" => ValidateCommand.Run(workspace, console),
                _ => throw new UsageException($"unknown command '{command}'"),
            };
        }
        catch (BriefException e)
        {
            foreach (var diagnostic in e.Diagnostics)
                errors.MarkupLine($"[red]{Markup.Escape(diagnostic.ToString())}[/]");
            errors.MarkupLine($"[red]Failed: {e.Diagnostics.Count} problem(s); nothing was written.[/]");
            return InvalidInput;
        }
        catch (Exception e) when (e is UsageException or ArgumentException)
        {
            errors.MarkupLine($"[red]error: {Markup.Escape(e.Message)}[/]");
            errors.WriteLine("run `asan-briefs --help` for usage");
            return Usage;
        }
        catch (Exception e)
        {
            errors.MarkupLine($"[red]internal error: {Markup.Escape(e.Message)}[/]");
            errors.WriteLine(e.ToString());
            return Crash;
        }
    }

    private static int Iterations(Dictionary<string, List<string>> options)
    {
        var text = options.GetValueOrDefault("iterations")?.LastOrDefault() ?? "21";
        return int.TryParse(text, out var n) && n > 0 ? n : throw new UsageException($"--iterations {text} is not a positive number");
    }

    private static string? Native(Dictionary<string, List<string>> options)
    {
        if (options.GetValueOrDefault("native")?.LastOrDefault() is not { } path) return null;
        return File.Exists(path) ? Path.GetFullPath(path) : throw new UsageException($"--native {path}: no such file; build one with `dotnet cake --target=Bench`");
    }

    private static int Port(Dictionary<string, List<string>> options)
    {
        var text = options.GetValueOrDefault("port")?.LastOrDefault() ?? "8080";
        return int.TryParse(text, out var port) && port is > 0 and < 65536
            ? port
            : throw new UsageException($"--port {text} is not a port number (1-65535)");
    }

    private static (Dictionary<string, List<string>> Options, List<string> Positional) Parse(string[] args)
    {
        var options = new Dictionary<string, List<string>>();
        var positional = new List<string>();
        string[] flags = ["force", "no-open"];
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (flags.Contains(name))
            {
                options[name] = [];
                continue;
            }
            if (i + 1 >= args.Length) throw new UsageException($"option --{name} needs a value");
            if (!options.TryGetValue(name, out var values)) options[name] = values = [];
            values.Add(args[++i]);
        }
        return (options, positional);
    }
}

public sealed class UsageException(string message) : Exception(message);
