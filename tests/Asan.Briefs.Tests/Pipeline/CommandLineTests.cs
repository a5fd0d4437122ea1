using System.Text.Json;
using Asan.Briefs.Cli;
using Asan.Briefs.Tests.Support;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>The command line as scripts use it: usage errors that name what exists, stdout and stderr apart, --quiet, --json, shards.</summary>
public sealed class CommandLineTests
{
    private static (int Exit, TestConsole Out, TestConsole Err) Run(params string[] args)
    {
        var (output, errors) = (new TestConsole { EmitAnsiSequences = false }, new TestConsole { EmitAnsiSequences = false });
        output.Profile.Width = errors.Profile.Width = 1000;
        return (CommandLine.Run(args, output, errors), output, errors);
    }

    [Fact]
    public void Version_prints_the_version_to_stdout()
    {
        var (exit, output, errors) = Run("--version");
        Assert.Equal(CommandLine.Success, exit);
        Assert.Matches(@"^asan-briefs \d+\.\d+", output.Output.Trim());
        Assert.Equal("", errors.Output);
    }

    [Theory]
    [InlineData("build", "--shard K/N")]
    [InlineData("serve", "--port N")]
    [InlineData("markup", "markup <brief-id> <lang>")]
    public void Each_command_has_its_own_help(string command, string expected)
    {
        var (exit, output, _) = Run(command, "--help");
        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains(expected, output.Output);
        Assert.DoesNotContain("--iterations", output.Output);
    }

    [Fact]
    public void A_real_bug_shows_one_line_naming_a_log_that_holds_the_trace()
    {
        var errors = new TestConsole { EmitAnsiSequences = false };
        errors.Profile.Width = 1000;
        Exception bug;
        try { throw new AggregateException(new InvalidOperationException("the cause\nover two lines")); }
        catch (Exception e) { bug = e; }

        var log = CrashReport.Write(bug, ["build", "--force"], errors);

        var lines = errors.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("the cause over two lines", lines[0]);
        Assert.NotNull(log);
        Assert.Contains(log, lines[0]);
        var text = File.ReadAllText(log);
        Assert.Contains("args: build --force", text);
        Assert.Contains(nameof(A_real_bug_shows_one_line_naming_a_log_that_holds_the_trace), text);
        File.Delete(log);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_naming_the_options_there_are()
    {
        var (exit, output, errors) = Run("build", "--root", Repository.Root, "--frmat", "pdf");
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("unknown option --frmat", errors.Output);
        Assert.Contains("--format", errors.Output);
        Assert.Equal("", output.Output);
    }

    [Fact]
    public void An_unknown_language_is_a_usage_error_naming_the_languages_there_are()
    {
        var (exit, _, errors) = Run("build", "--root", Repository.Root, "--lang", "xx", "--out", Path.Combine(Path.GetTempPath(), "asan-briefs-never-written"));
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("unknown language 'xx'", errors.Output);
        Assert.Contains("en, ko", errors.Output);
    }

    [Fact]
    public void An_unknown_bench_section_is_a_usage_error_naming_the_sections_there_are()
    {
        var (exit, _, errors) = Run("bench", "--root", Repository.Root, "--only", "typst,speed");
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("--only speed", errors.Output);
        Assert.Contains("typst, throughput, memory", errors.Output);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("one/two")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        var (exit, _, errors) = Run("build", "--root", Repository.Root, "--shard", shard);
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("--shard", errors.Output);
    }

    [Fact]
    public void Shards_split_the_briefs_between_them_and_json_reports_what_each_built()
    {
        using var scratch = new ScratchBrief("brief-a");
        foreach (var id in new[] { "brief-b", "brief-c" })
        {
            var folder = Path.Combine(scratch.Root, "content", id);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(scratch.Directory)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        Directory.CreateSymbolicLink(Path.Combine(scratch.Root, "templates"), Repository.Templates);

        var built = new List<string>();
        foreach (var shard in new[] { "1/2", "2/2" })
        {
            var (exit, output, errors) = Run("build", "--root", scratch.Root, "--format", "html", "--shard", shard, "--json");
            Assert.True(exit == 0, errors.Output);
            using var report = JsonDocument.Parse(output.Output);
            var briefs = report.RootElement.GetProperty("briefs").EnumerateArray().Select(b => b.GetString()!).ToList();
            Assert.NotEmpty(briefs);
            Assert.Contains(report.RootElement.GetProperty("files").EnumerateArray(), f => f.GetString()!.EndsWith(".en.html", StringComparison.Ordinal));
            built.AddRange(briefs);
        }
        Assert.Equal(["brief-a", "brief-b", "brief-c"], built.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Quiet_prints_nothing_on_success()
    {
        using var scratch = new ScratchBrief();
        Directory.CreateSymbolicLink(Path.Combine(scratch.Root, "templates"), Repository.Templates);
        var (exit, output, errors) = Run("build", "--root", scratch.Root, "--format", "html", "--quiet");
        Assert.Equal(0, exit);
        Assert.Equal("", output.Output);
        Assert.Equal("", errors.Output);
        Assert.True(File.Exists(Path.Combine(scratch.Root, "artifacts", "scratch-brief", "scratch-brief.en.html")));
    }
}
