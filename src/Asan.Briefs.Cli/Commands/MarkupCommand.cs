using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>`markup`: prints the paged layout markup of one edition, for template authors.</summary>
public static class MarkupCommand
{
    public static int Run(Workspace workspace, IReadOnlyList<string> arguments, IAnsiConsole console)
    {
        if (arguments.Count != 2) throw new UsageException("markup takes a brief id and a language: markup feature-tour ko");
        var publisher = new Publisher(workspace, BuildStamp.FromEnvironment());
        var brief = publisher.ReadBriefs([arguments[0]])[0];
        var markup = publisher.Templates.RenderPrintMarkup(brief, arguments[1]);
        publisher.PrintDocument(brief, arguments[1]);
        Console.Out.Write(markup);
        return CommandLine.Success;
    }
}
