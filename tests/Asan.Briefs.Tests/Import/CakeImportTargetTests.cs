using System.Diagnostics;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// The Cake `Import` target as a team runs it (`dotnet cake --target=Import --file=…`), on a copy of the
/// feature tour (`--root`), with the Debug CLI the test run has built: the edit arrives, nothing else moves.
/// </summary>
public sealed class CakeImportTargetTests : FeatureTourCopy
{
    [Fact]
    public void The_Import_target_reads_an_edited_draft_into_the_brief()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "templates"), Repository.Templates);
        var draft = Draft("en", main =>
        {
            var text = ParagraphWith(main, "Policy briefs often set out").Descendants<Text>().First(t => t.Text.Contains("often", StringComparison.Ordinal));
            text.Text = text.Text.Replace("often", "usually", StringComparison.Ordinal);
        });
        var repositoryBody = File.ReadAllText(ImportSupport.BodyPath(Repository.FeatureTour, "en"));

        var (exit, output) = Cake($"--target=Import --configuration=Debug --file=\"{draft}\" --root=\"{Root}\"");
        Assert.True(exit == 0, output);
        Assert.Contains("~ #lists-quotes block 1", output);
        Assert.Equal(repositoryBody.Replace("Policy briefs often set out", "Policy briefs usually set out", StringComparison.Ordinal), Body("en"));
        Assert.Equal(repositoryBody, File.ReadAllText(ImportSupport.BodyPath(Repository.FeatureTour, "en")));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Content, Repository.FeatureTour, "brief.yaml")), Yaml);

        var (refused, message) = Cake($"--target=Import --configuration=Debug --root=\"{Root}\"");
        Assert.NotEqual(0, refused);
        Assert.Contains("name the draft", message);
    }

    private static (int Exit, string Output) Cake(string arguments)
    {
        Run("tool restore");
        return Run("cake " + arguments);
    }

    private static (int Exit, string Output) Run(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
