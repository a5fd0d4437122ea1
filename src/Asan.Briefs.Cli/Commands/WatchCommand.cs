using System.Diagnostics;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `watch`: builds, then rebuilds whenever a file under content/ or templates/ changes. Incremental
/// builds make a rebuild touch only the editions whose inputs changed; an error is shown and the
/// last good outputs stay.
/// </summary>
public sealed class Watcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private readonly Workspace _workspace;
    private readonly BuildOptions _options;
    private readonly IAnsiConsole _console;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly SemaphoreSlim _changed = new(0);

    public Watcher(Workspace workspace, BuildOptions options, IAnsiConsole console)
    {
        _workspace = workspace;
        _options = options;
        _console = console;
    }

    /// <summary>Raised after each successful build (serve reloads browsers on it).</summary>
    public event Action? Built;

    public async Task RunAsync(CancellationToken cancel)
    {
        foreach (var directory in new[] { _workspace.ContentDirectory, _workspace.TemplatesDirectory })
        {
            var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, e) => OnChange(e.FullPath);
            watcher.Created += (_, e) => OnChange(e.FullPath);
            watcher.Deleted += (_, e) => OnChange(e.FullPath);
            watcher.Renamed += (_, e) => OnChange(e.FullPath);
            _watchers.Add(watcher);
        }
        BuildOnce();
        _console.MarkupLine($"[grey]watching {Markup.Escape(DisplayPath.Of(_workspace.ContentDirectory))} and {Markup.Escape(DisplayPath.Of(_workspace.TemplatesDirectory))}; Ctrl+C stops[/]");
        while (!cancel.IsCancellationRequested)
        {
            try { await _changed.WaitAsync(cancel); }
            catch (OperationCanceledException) { break; }
            // Editors save in bursts (temporary file, rename): wait until the folder is quiet.
            while (await _changed.WaitAsync(Quiet, CancellationToken.None)) { }
            BuildOnce();
        }
    }

    private void OnChange(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.EndsWith('~') || name.Contains(".tmp-", StringComparison.Ordinal)) return;
        _changed.Release();
    }

    private void BuildOnce()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            BuildCommand.Run(_workspace, _options, _console);
            _console.MarkupLine($"[green]ready[/] [grey]({clock.ElapsedMilliseconds} ms)[/]");
            Built?.Invoke();
        }
        catch (BriefException e)
        {
            foreach (var diagnostic in e.Diagnostics)
                _console.MarkupLine($"[red]{Markup.Escape(diagnostic.ToString())}[/]");
            _console.MarkupLine("[yellow]the last good outputs stay; fix the problem and save again[/]");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug must not end the watch either: say so in one line, keep the last good outputs, keep watching.
            CrashReport.Write(e, ["watch"], _console);
            _console.MarkupLine("[yellow]the last good outputs stay[/]");
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _changed.Dispose();
    }
}

public static class WatchCommand
{
    public static int Run(Workspace workspace, BuildOptions options, IAnsiConsole console)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        using var watcher = new Watcher(workspace, options, console);
        watcher.RunAsync(cancel.Token).GetAwaiter().GetResult();
        return CommandLine.Success;
    }
}
