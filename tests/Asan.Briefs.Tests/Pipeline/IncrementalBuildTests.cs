using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Tests.Support;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>An edition is rebuilt only when a file it reads changed; a zip only when one of its members did.</summary>
public sealed class IncrementalBuildTests
{
    private static BuildOptions Everything => new([], OutputFormat.All, [], Force: false);

    private static Dictionary<string, long> Times(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), f => File.GetLastWriteTimeUtc(f).Ticks);

    [Fact]
    public void An_English_edit_rebuilds_the_English_edition_and_the_zip_and_leaves_the_Korean_files_alone()
    {
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        BuildCommand.Run(workspace, Everything, new TestConsole());
        var before = Times(workspace.ArtifactsDirectory);
        Thread.Sleep(20);

        scratch.Write("body.en.md", ScratchBrief.English.Replace("The introduction.", "The new introduction."));
        var console = new TestConsole();
        BuildCommand.Run(workspace, Everything, console);

        Assert.Contains("1 of 2 edition(s) rebuilt", console.Output);
        var after = Times(workspace.ArtifactsDirectory);
        foreach (var extension in new[] { "html", "pdf", "docx" })
        {
            Assert.NotEqual(before[$"scratch-brief/scratch-brief.en.{extension}"], after[$"scratch-brief/scratch-brief.en.{extension}"]);
            Assert.Equal(before[$"scratch-brief/scratch-brief.ko.{extension}"], after[$"scratch-brief/scratch-brief.ko.{extension}"]);
        }
        Assert.NotEqual(before["scratch-brief/scratch-brief.zip"], after["scratch-brief/scratch-brief.zip"]);
    }

    [Fact]
    public void A_Korean_label_edit_rebuilds_only_the_Korean_edition()
    {
        using var scratch = new ScratchBrief();
        // The repository's templates, linked, with a copy of the labels to edit.
        var templates = Path.Combine(scratch.Root, "templates");
        Directory.CreateDirectory(Path.Combine(templates, "i18n"));
        foreach (var entry in Directory.EnumerateFileSystemEntries(Repository.Templates).Where(e => Path.GetFileName(e) != "i18n"))
        {
            var link = Path.Combine(templates, Path.GetFileName(entry));
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(link, entry);
            else File.CreateSymbolicLink(link, entry);
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Templates, "i18n")))
            File.Copy(file, Path.Combine(templates, "i18n", Path.GetFileName(file)));
        var workspace = scratch.Workspace with { TemplatesDirectory = templates };
        BuildCommand.Run(workspace, Everything, new TestConsole());

        File.AppendAllText(Path.Combine(templates, "i18n", "ko.yaml"), "\n# a comment the Korean edition reads\n");
        var console = new TestConsole();
        BuildCommand.Run(workspace, Everything, console);

        Assert.Contains("1 of 2 edition(s) rebuilt", console.Output);
        Assert.Contains("scratch-brief ko rendered", console.Output.Replace("[", "").Replace("]", ""));
    }

    [Fact]
    public void A_build_with_nothing_changed_rewrites_no_zip()
    {
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        BuildCommand.Run(workspace, Everything, new TestConsole());
        var console = new TestConsole();
        BuildCommand.Run(workspace, Everything, console);
        Assert.Contains("0 of 2 edition(s) rebuilt, 0 file(s) changed", console.Output);
        Assert.Contains("scratch-brief.zip up to date", console.Output);
    }

    [Fact]
    public void The_build_state_records_each_file_as_it_lies_in_artifacts()
    {
        // The stage hashes the bytes it writes and reads the time from the file it wrote; both must be the file's own.
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        BuildCommand.Run(workspace, Everything, new TestConsole());
        using var state = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(workspace.ArtifactsDirectory, BuildState.FileName)));
        var recorded = state.RootElement.EnumerateObject().SelectMany(e => e.Value.GetProperty("Files").EnumerateObject()).ToList();
        Assert.Contains(recorded, f => f.Name == "scratch-brief/scratch-brief.zip");
        Assert.Contains(recorded, f => f.Name == "scratch-brief/scratch-brief.ko.pdf");
        foreach (var file in recorded)
        {
            var path = Path.Combine(workspace.ArtifactsDirectory, file.Name);
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), file.Value.GetProperty("Hash").GetString());
            Assert.Equal(new FileInfo(path).Length, file.Value.GetProperty("Length").GetInt64());
            Assert.Equal(File.GetLastWriteTimeUtc(path).Ticks, file.Value.GetProperty("Ticks").GetInt64());
        }
    }

    [Fact]
    public void A_folder_artifacts_lacks_comes_back_whole_and_the_folders_it_has_keep_their_unchanged_files()
    {
        // The commit moves a folder artifacts/ lacks in one rename, and fills the others file by file.
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        BuildCommand.Run(workspace, Everything, new TestConsole());
        var before = Times(workspace.ArtifactsDirectory);
        var brief = Path.Combine(workspace.ArtifactsDirectory, "scratch-brief");
        var files = Directory.GetFiles(brief).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Directory.Delete(brief, recursive: true);
        Thread.Sleep(20);

        var console = new TestConsole();
        BuildCommand.Run(workspace, Everything, console);

        Assert.Contains("2 of 2 edition(s) rebuilt", console.Output);
        Assert.Equal(files, Directory.GetFiles(brief).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        var after = Times(workspace.ArtifactsDirectory);
        var fonts = before.Keys.Where(k => k.StartsWith("fonts/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Equal(before[f], after[f]));
        Assert.Empty(Directory.EnumerateDirectories(workspace.ArtifactsDirectory, ".stage-*"));
    }
}
