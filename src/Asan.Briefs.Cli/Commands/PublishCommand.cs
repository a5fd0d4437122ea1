using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>`publish`: builds everything, then assembles artifacts/site/, ready to host as it is.</summary>
public static class PublishCommand
{
    /// <param name="assembleOnly">
    /// Build nothing but the index: the editions are in artifacts/ already, built by `build --shard K/N`
    /// on other machines (the CI workflow's shards) and gathered here.
    /// </param>
    public static int Run(Workspace workspace, BuildOptions options, IAnsiConsole console, bool assembleOnly = false)
    {
        var briefs = assembleOnly
            ? IndexOnly(workspace)
            : BuildCommand.Build(workspace, options with { Briefs = [], Languages = [], Formats = OutputFormat.All, Shard = null }, console).Briefs;
        var files = Site.Assemble(workspace.ArtifactsDirectory, briefs);
        // The placeholder address would publish quietly with every absolute link pointing nowhere.
        if (SiteSettings.Load(workspace.TemplatesDirectory).PlaceholderWarning() is { } placeholder)
            console.MarkupLine($"[yellow]{Markup.Escape(placeholder.ToString())}[/]");
        console.MarkupLine($"[green]site ready: {files.Count} file(s) in {Markup.Escape(DisplayPath.Of(Path.Combine(workspace.ArtifactsDirectory, Site.Folder)))}[/] [grey](examples left out)[/]");
        return CommandLine.Success;
    }

    private static IReadOnlyList<Model.Brief> IndexOnly(Workspace workspace)
    {
        var publisher = new Publisher(workspace, BuildStamp.FromEnvironment());
        var briefs = publisher.ReadBriefs();
        var missing = briefs.Where(b => !b.Metadata.Example)
            .Select(b => Path.Combine(workspace.ArtifactsDirectory, BriefArchive.RelativePath(b.Id)))
            .Where(zip => !File.Exists(zip))
            .Select(zip => new Diagnostic(DisplayPath.Of(zip), 0, 0, "missing: build every shard into artifacts/ first (build --shard K/N), or publish without --assemble-only"))
            .ToList();
        if (missing.Count > 0) throw new BriefException(missing);
        using var stage = new OutputStage(workspace.ArtifactsDirectory);
        foreach (var file in publisher.RenderIndex(briefs)) stage.Write(file);
        stage.Commit();
        return briefs;
    }
}
