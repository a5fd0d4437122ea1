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

        usage: asan-briefs <command> [options]     asan-briefs <command> --help     asan-briefs --version

        commands:
        {0}

        Results and progress go to stdout, errors and warnings to stderr. Exit codes: 0 done,
        1 invalid content or templates, or outputs that cannot be written (nothing is changed),
        2 wrong usage, 3 internal error.
        """;

    /// <summary>One command: what it does, how it is called and the options it takes.</summary>
    private sealed record Command(string Name, string Summary, string Usage, string[] Options);

    private static readonly string[] Selection = ["root", "out", "brief", "lang", "format", "force", "quiet"];

    private static readonly Command[] Commands =
    [
        new("build", "render every brief, language and format into artifacts/", "build [options]", [.. Selection, "shard", "json"]),
        new("check", "validate content and templates; write nothing", "check [--brief ID]", ["root", "brief", "quiet"]),
        new("publish", "build, then assemble artifacts/site/ (index, editions, downloads, a zip per brief)", "publish [options]", ["root", "out", "force", "quiet", "assemble-only"]),
        new("watch", "build, then rebuild what changed whenever content/ or templates/ change", "watch [options]", Selection),
        new("serve", "watch, and serve artifacts/ on 127.0.0.1 with pages that reload after each rebuild", "serve [--port N] [options]", [.. Selection, "port"]),
        new("markup", "print one edition's paged layout markup", "markup <brief-id> <lang>", ["root"]),
        new("import", "read an edited Word draft back into its brief (body.<lang>.md, brief.yaml)", "import <file.docx> [--brief ID] [--lang LANG] [--accept-changes]", ["root", "brief", "lang", "accept-changes"]),
        new("validate", "check every output: Open XML validator, qpdf and pdffonts, the Nu Html Checker", "validate", ["root", "out"]),
        new("bench", "measure typesetting, rendering and throughput; writes artifacts/bench/bench.json", "bench [--iterations N] [--native FILE] [--only SECTIONS]", ["root", "out", "iterations", "native", "only", "cores"]),
    ];

    private static readonly Dictionary<string, string> OptionHelp = new()
    {
        ["root"] = "--root DIR        repository folder (default: found from the working directory)",
        ["out"] = "--out DIR         where outputs go (default: artifacts/ in the repository)",
        ["brief"] = "--brief ID        only this brief (repeatable)",
        ["lang"] = "--lang LANG       only this language (repeatable)",
        ["format"] = "--format LIST     html,pdf,print,docx (default: all)",
        ["force"] = "--force           rebuild even if nothing changed",
        ["quiet"] = "--quiet           print nothing but errors",
        ["json"] = "--json            print what was built as JSON on stdout (and no progress)",
        ["shard"] = "--shard K/N       only the K-th of N shares of the briefs (every N-th in id order), for N machines",
        ["assemble-only"] = "--assemble-only   build only the index; the editions are in artifacts/ already (from build --shard)",
        ["accept-changes"] = "--accept-changes  accept the draft's tracked changes (by default they stop the import, listed)",
        ["port"] = "--port N          the port on 127.0.0.1 (default 8080)",
        ["iterations"] = "--iterations N    timed runs per warm figure (default 21)",
        ["native"] = "--native FILE     also measure the cold start of this native build of the CLI",
        ["only"] = $"--only LIST       only these sections: {string.Join(",", BenchCommand.Sections)} (default: all)",
        ["cores"] = "--cores N         only the 100-brief warm rendering on N workers (the bench runs it pinned with taskset)",
    };

    private static readonly string[] Flags = ["force", "quiet", "json", "assemble-only", "accept-changes"];

    private static string Overview() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Help,
        string.Join("\n", Commands.Select(c => $"  {c.Name,-9} {c.Summary}")));

    private static string CommandHelp(Command command) =>
        $"asan-briefs {command.Usage}\n\n{command.Summary}\n\noptions:\n" + string.Join("\n", command.Options.Select(o => "  " + OptionHelp[o]));

    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? typeof(CommandLine).Assembly.GetName().Version?.ToString() ?? "0";

    /// <param name="errors">Where errors and warnings go (stderr); results and progress go to <paramref name="console"/> (stdout).</param>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        errors ??= console;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? errors : console).WriteLine(Overview());
            return args.Length == 0 ? Usage : Success;
        }
        if (args[0] == "--version")
        {
            console.WriteLine("asan-briefs " + Version);
            return Success;
        }
        try
        {
            var command = Commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw new UsageException($"unknown command '{args[0]}'; commands: {string.Join(", ", Commands.Select(c => c.Name))}");
            if (args.Skip(1).Any(a => a is "--help" or "-h"))
            {
                console.WriteLine(CommandHelp(command));
                return Success;
            }
            var (options, positional) = Parse(command, args.Skip(1).ToArray());
            var workspace = Workspace.Discover(options.GetValueOrDefault("root")?.LastOrDefault());
            if (options.GetValueOrDefault("out")?.LastOrDefault() is { } output)
                workspace = workspace with { ArtifactsDirectory = Path.GetFullPath(output) };
            var briefs = options.GetValueOrDefault("brief") ?? [];
            var build = new BuildOptions(
                briefs,
                OutputFormats.Parse(options.GetValueOrDefault("format")?.LastOrDefault() ?? "all"),
                Languages(workspace, options.GetValueOrDefault("lang") ?? []),
                options.ContainsKey("force"),
                options.GetValueOrDefault("shard")?.LastOrDefault() is { } shard ? Shard.Parse(shard) : null);
            var json = options.ContainsKey("json");
            // --quiet and --json leave stdout to errors (on stderr anyway) and the JSON.
            var progress = options.ContainsKey("quiet") || json ? Silent : console;
            return command.Name switch
            {
                "build" when json => Report(BuildCommand.Build(workspace, build, progress, errors), console),
                "build" => BuildCommand.Run(workspace, build, progress, errors),
                "publish" => PublishCommand.Run(workspace, build, progress, options.ContainsKey("assemble-only")),
                "watch" => WatchCommand.Run(workspace, build, progress),
                "serve" => ServeCommand.Run(workspace, build, Port(options), progress),
                "check" => CheckCommand.Run(workspace, briefs, progress, errors),
                "markup" => MarkupCommand.Run(workspace, positional, console),
                "import" => ImportCommand.Run(workspace, positional, briefs.LastOrDefault(), options.GetValueOrDefault("lang")?.LastOrDefault(),
                    options.ContainsKey("accept-changes"), console, errors),
                "bench" when options.GetValueOrDefault("cores")?.LastOrDefault() is { } cores =>
                    Bench.ThroughputSection.RunPinned(workspace, console, int.TryParse(cores, out var n) && n > 0 ? n : throw new UsageException($"--cores {cores} is not a positive number")),
                "bench" => BenchCommand.Run(workspace, console, Iterations(options), Native(options), BenchSections(options)),
                _ => ValidateCommand.Run(workspace, console),
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
            CrashReport.Write(e, args, errors);
            return Crash;
        }
    }

    private static int Iterations(Dictionary<string, List<string>> options)
    {
        var text = options.GetValueOrDefault("iterations")?.LastOrDefault() ?? "21";
        return int.TryParse(text, out var n) && n > 0 ? n : throw new UsageException($"--iterations {text} is not a positive number");
    }

    private static List<string> BenchSections(Dictionary<string, List<string>> options)
    {
        var sections = (options.GetValueOrDefault("only") ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        foreach (var section in sections.Where(s => !BenchCommand.Sections.Contains(s)))
            throw new UsageException($"--only {section}: no such bench section; sections: {string.Join(", ", BenchCommand.Sections)}");
        return sections;
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

    private static readonly IAnsiConsole Silent = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });

    private static int Report(BuildResult result, IAnsiConsole console)
    {
        var report = new BuildReport(result.Briefs.Select(b => b.Id).ToList(), result.Editions, result.Rebuilt, result.Changed);
        console.Profile.Out.Writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, CliJson.Default.BuildReport));
        return Success;
    }

    /// <summary>--lang values must be languages the templates have labels for (templates/i18n/&lt;lang&gt;.yaml).</summary>
    private static List<string> Languages(Workspace workspace, List<string> requested)
    {
        var labels = Path.Combine(workspace.TemplatesDirectory, "i18n");
        var known = Directory.Exists(labels) ? Directory.EnumerateFiles(labels, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var lang in requested.Where(l => !known.Contains(l)))
            throw new UsageException($"unknown language '{lang}'; languages here: {string.Join(", ", known)}");
        return requested;
    }

    private static (Dictionary<string, List<string>> Options, List<string> Positional) Parse(Command command, string[] args)
    {
        var options = new Dictionary<string, List<string>>();
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (!command.Options.Contains(name))
                throw new UsageException($"unknown option --{name} for {command.Name}; its options: {string.Join(", ", command.Options.Select(o => "--" + o))}");
            if (Flags.Contains(name))
            {
                options[name] = [];
                continue;
            }
            if (i + 1 >= args.Length) throw new UsageException($"option --{name} needs a value");
            if (!options.TryGetValue(name, out var values)) options[name] = values = [];
            values.Add(args[++i]);
        }
        if (positional.Count > 0 && command.Name is not ("markup" or "import"))
            throw new UsageException($"{command.Name} takes no argument '{positional[0]}'; usage: asan-briefs {command.Usage}");
        return (options, positional);
    }
}

/// <summary>What `build --json` prints.</summary>
public sealed record BuildReport(
    [property: System.Text.Json.Serialization.JsonPropertyName("briefs")] IReadOnlyList<string> Briefs,
    [property: System.Text.Json.Serialization.JsonPropertyName("editions")] int Editions,
    [property: System.Text.Json.Serialization.JsonPropertyName("rebuilt")] int Rebuilt,
    [property: System.Text.Json.Serialization.JsonPropertyName("files")] IReadOnlyList<string> Files);

public sealed class UsageException(string message) : Exception(message);
