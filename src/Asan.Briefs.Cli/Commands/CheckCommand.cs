using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>`check`: validates content, templates and the print markup they make, writing nothing.</summary>
public static class CheckCommand
{
    public static int Run(Workspace workspace, IReadOnlyCollection<string> only, IAnsiConsole console, IAnsiConsole? errors = null)
    {
        var publisher = new Publisher(workspace, BuildStamp.FromEnvironment());
        publisher.CheckTemplates();
        var briefs = publisher.ReadBriefs(only);
        BuildCommand.ShowWarnings(briefs, errors ?? console);
        foreach (var brief in briefs)
        {
            foreach (var lang in brief.Languages)
            {
                publisher.Templates.RenderHtml(brief, lang);
                publisher.PrintDocument(brief, lang);
            }
            console.MarkupLine($"  [green]✓[/] {Markup.Escape(brief.Id)} ({string.Join(", ", brief.Languages)}): {brief.Sections.Count} sections, {brief.AllBlocks.Count()} blocks, {brief.Footnotes.Count} notes");
        }
        console.MarkupLine($"[green]{briefs.Count} brief(s) and the templates are valid[/]");
        return 0;
    }
}
