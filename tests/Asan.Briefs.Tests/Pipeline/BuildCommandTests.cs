using System.Security.Cryptography;
using Asan.Briefs.Cli;
using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Tests.Support;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Pipeline;

public class BuildCommandTests
{
    [Fact]
    public void A_failed_build_leaves_the_last_good_outputs_untouched()
    {
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        var options = new BuildOptions([], OutputFormat.Html, [], Force: false);
        Assert.Equal(0, BuildCommand.Run(workspace, options, new TestConsole()));
        var before = scratch.ArtifactsSnapshot();
        Assert.Contains(Path.Combine("scratch-brief", "scratch-brief.ko.html"), before.Keys);

        scratch.Write("body.ko.md", ScratchBrief.Korean + "\n번역에만 있는 문단이다.\n");
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("date: 2022-04-29", "date: [2022"));
        var error = Assert.Throws<Asan.Briefs.Diagnostics.BriefException>(() => BuildCommand.Run(workspace, options, new TestConsole()));
        Assert.Contains(error.Diagnostics, d => d.File.EndsWith("brief.yaml"));

        Assert.Equal(before, scratch.ArtifactsSnapshot());
        Assert.Empty(Directory.EnumerateFiles(workspace.ArtifactsDirectory, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Invalid_content_exits_1_with_file_and_line_and_no_stack_trace()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("date: 2022-04-29", "date: [2022"));
        var root = scratch.Root;
        scratch.CopyTemplates();
        var console = new TestConsole { EmitAnsiSequences = false };
        console.Profile.Width = 400;

        var exit = CommandLine.Run(["build", "--root", root, "--format", "html"], console);

        Assert.Equal(CommandLine.InvalidInput, exit);
        Assert.Matches(@"content/scratch-brief/brief\.yaml:\d+:\d+: error: ", console.Output.Replace('\\', '/'));
        Assert.DoesNotContain("   at ", console.Output);
        Assert.False(Directory.Exists(Path.Combine(root, "artifacts")));
    }

    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var console = new TestConsole();
        Assert.Equal(CommandLine.Usage, CommandLine.Run(["publish-everything"], console));
        Assert.Contains("unknown command", console.Output);
    }

    [Theory]
    [InlineData("--cores", "0", "--cores 0 is not a positive number")]
    [InlineData("--native", "no-such-cli", "--native no-such-cli: no such file")]
    public void Bad_bench_options_are_usage_errors_that_say_what_is_wrong(string option, string value, string message)
    {
        var console = new TestConsole();
        console.Profile.Width = 1000;
        Assert.Equal(CommandLine.Usage, CommandLine.Run(["bench", "--root", Repository.Root, option, value], console));
        Assert.Contains(message, console.Output);
    }
}
