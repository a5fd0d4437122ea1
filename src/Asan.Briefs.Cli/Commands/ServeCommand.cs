using Asan.Briefs.Cli.Pipeline;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

public static class ServeCommand
{
    public static int Run(Workspace workspace, BuildOptions options, int port, IAnsiConsole console)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        using var server = new PreviewServer(workspace.ArtifactsDirectory, port);
        using var watcher = new Watcher(workspace, options, console);
        watcher.Built += server.Reload;
        server.Errors += line => console.MarkupLine($"[red]{Markup.Escape(line)}[/] [grey](still serving)[/]");
        server.Start();
        console.MarkupLine($"[green]serving[/] {server.Url} [grey](pages reload after each rebuild)[/]");
        watcher.RunAsync(cancel.Token).GetAwaiter().GetResult();
        return CommandLine.Success;
    }
}
