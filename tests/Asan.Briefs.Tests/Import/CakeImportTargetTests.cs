using System.Diagnostics;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// The Cake `Import` target as a team runs it (`dotnet cake --target=Import --file=…`), on a copy of the
/// feature tour (`--root`), with the Debug CLI the test run has built: the edit arrives, nothing else moves.
/// </summary>
public sealed class CakeImportTargetTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "asan-briefs-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_Import_target_reads_an_edited_draft_into_the_brief()
    {
        var brief = Path.Combine(_root, "content", Repository.FeatureTour);
        Directory.CreateDirectory(brief);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Content, Repository.FeatureTour))) File.Copy(file, Path.Combine(brief, Path.GetFileName(file)));
        Directory.CreateSymbolicLink(Path.Combine(_root, "templates"), Repository.Templates);
        var draft = Path.Combine(_root, $"{Repository.FeatureTour}.en.docx");
        File.WriteAllBytes(draft, RenderedEditions.Docx(Repository.FeatureTour, "en"));
        using (var document = WordprocessingDocument.Open(draft, true))
        {
            var text = document.MainDocumentPart!.Document!.Body!.Descendants<Text>().First(t => t.Text.Contains("Policy briefs often set out", StringComparison.Ordinal));
            text.Text = text.Text.Replace("often", "usually", StringComparison.Ordinal);
        }
        var repositoryBody = File.ReadAllText(ImportSupport.BodyPath(Repository.FeatureTour, "en"));

        var (exit, output) = Cake($"--target=Import --configuration=Debug --file=\"{draft}\" --root=\"{_root}\"");
        Assert.True(exit == 0, output);
        Assert.Contains("~ #lists-quotes block 1", output);
        Assert.Equal(repositoryBody.Replace("Policy briefs often set out", "Policy briefs usually set out", StringComparison.Ordinal), File.ReadAllText(Path.Combine(brief, "body.en.md")));
        Assert.Equal(repositoryBody, File.ReadAllText(ImportSupport.BodyPath(Repository.FeatureTour, "en")));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Content, Repository.FeatureTour, "brief.yaml")), File.ReadAllText(Path.Combine(brief, "brief.yaml")));

        var (refused, message) = Cake($"--target=Import --configuration=Debug --root=\"{_root}\"");
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

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
