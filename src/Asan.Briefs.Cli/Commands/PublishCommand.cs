using Asan.Briefs.Cli.Pipeline;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>`publish`: builds everything, then assembles artifacts/site/, ready to host as it is.</summary>
public static class PublishCommand
{
    public static int Run(Workspace workspace, BuildOptions options, IAnsiConsole console)
    {
        var briefs = BuildCommand.Build(workspace, options with { Briefs = [], Languages = [], Formats = OutputFormat.All }, console);
        var files = Site.Assemble(workspace.ArtifactsDirectory, briefs);
        console.MarkupLine($"[green]site ready: {files.Count} file(s) in {Markup.Escape(Asan.Briefs.Diagnostics.DisplayPath.Of(Path.Combine(workspace.ArtifactsDirectory, Site.Folder)))}[/] [grey](examples left out)[/]");
        return CommandLine.Success;
    }
}
