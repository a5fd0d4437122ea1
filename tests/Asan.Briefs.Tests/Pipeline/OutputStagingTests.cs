using System.Diagnostics;
using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Tests.Support;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>
/// A build's outputs are staged and moved into place together: a build that fails on a full disk or a
/// read-only artifacts/ changes nothing; leftovers of killed builds and outputs of editions that no
/// longer exist are removed.
/// </summary>
public sealed class OutputStagingTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "asan-briefs");

    /// <summary>
    /// Runs <paramref name="script"/> with sh in a private mount namespace (util-linux unshare), where it
    /// may mount a small tmpfs as artifacts/ to fill it, or remount it read-only: a real full or read-only
    /// disk, seen by the real CLI process, and gone when the script ends.
    /// </summary>
    private static (int Exit, string Output) InMountNamespace(string script)
    {
        var start = new ProcessStartInfo("unshare", ["--map-root-user", "--mount", "sh", "-euc", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the script did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }

    private static ScratchBrief WithTemplates()
    {
        var scratch = new ScratchBrief();
        Directory.CreateSymbolicLink(Path.Combine(scratch.Root, "templates"), Repository.Templates);
        return scratch;
    }

    /// <summary>The script: a first good build, a snapshot, the disk made to fail, an edit, a second build.</summary>
    private static string FailingSecondBuild(ScratchBrief scratch, string breakTheDisk) => $$"""
        a='{{scratch.Root}}/artifacts'
        mkdir -p "$a"
        mount -t tmpfs -o size=48m tmpfs "$a"
        '{{Cli}}' build --root '{{scratch.Root}}' >/dev/null
        (cd "$a" && find . -type f ! -name filler -exec sha256sum {} + | sort) > '{{scratch.Root}}/before'
        {{breakTheDisk}}
        printf '\nA paragraph added after the first build.\n' >> '{{scratch.Directory}}/body.en.md'
        printf '\n둘째 빌드 전에 더한 문단이다.\n' >> '{{scratch.Directory}}/body.ko.md'
        set +e
        '{{Cli}}' build --root '{{scratch.Root}}' > '{{scratch.Root}}/stdout' 2> '{{scratch.Root}}/stderr'
        echo "exit=$?"
        set -e
        (cd "$a" && find . -type f ! -name filler -exec sha256sum {} + | sort) > '{{scratch.Root}}/after'
        (cd "$a" && find . -name '*.tmp-*' -o -name '.stage-*') > '{{scratch.Root}}/leftovers'
        """;

    private static void AssertNothingChanged(ScratchBrief scratch, (int Exit, string Output) run, string reason)
    {
        Assert.True(run.Exit == 0, run.Output);
        var stderr = File.ReadAllText(Path.Combine(scratch.Root, "stderr"));
        Assert.Contains("exit=1", run.Output);
        Assert.Contains(reason, stderr);
        Assert.Contains("nothing in artifacts/ was changed", stderr);
        Assert.DoesNotContain("   at ", stderr);
        var before = File.ReadAllText(Path.Combine(scratch.Root, "before"));
        Assert.Contains("scratch-brief.ko.pdf", before);
        Assert.Equal(before, File.ReadAllText(Path.Combine(scratch.Root, "after")));
        Assert.Equal("", File.ReadAllText(Path.Combine(scratch.Root, "leftovers")).Trim());
    }

    [Fact]
    public void A_build_that_fills_the_disk_changes_nothing_and_exits_1()
    {
        using var scratch = WithTemplates();
        // Fill the disk, then free 300 KB: room for some of the new outputs, not for all of them.
        var run = InMountNamespace(FailingSecondBuild(scratch, """
            cat /dev/zero > "$a/filler" 2>/dev/null || true
            truncate -s -300K "$a/filler"
            """));
        AssertNothingChanged(scratch, run, "No space left on device");
    }

    [Fact]
    public void A_build_into_a_read_only_artifacts_folder_changes_nothing_and_exits_1()
    {
        using var scratch = WithTemplates();
        var run = InMountNamespace(FailingSecondBuild(scratch, """mount -o remount,ro "$a" """));
        AssertNothingChanged(scratch, run, "Read-only file system");
    }

    [Fact]
    public void A_build_removes_temporary_files_left_by_killed_builds()
    {
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        var options = new BuildOptions([], OutputFormat.Html, [], Force: false);
        BuildCommand.Run(workspace, options, new TestConsole());
        // No process has this id (Linux ids stay below 2^22).
        var dead = 9_999_999;
        var leftovers = new[]
        {
            Path.Combine(workspace.ArtifactsDirectory, "scratch-brief", $"scratch-brief.en.html.tmp-{dead}"),
            Path.Combine(workspace.ArtifactsDirectory, $".stage-{dead}", "scratch-brief", "scratch-brief.en.pdf"),
        };
        foreach (var file in leftovers)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "half a file");
        }

        BuildCommand.Run(workspace, options, new TestConsole());

        Assert.All(leftovers, f => Assert.False(File.Exists(f), f + " was left"));
        Assert.False(Directory.Exists(Path.Combine(workspace.ArtifactsDirectory, $".stage-{dead}")));
        Assert.True(File.Exists(Path.Combine(workspace.ArtifactsDirectory, "scratch-brief", "scratch-brief.en.html")));
    }

    [Fact]
    public void The_outputs_of_a_language_removed_from_a_brief_leave_artifacts_the_zip_and_the_site()
    {
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        var everything = new BuildOptions([], OutputFormat.All, [], Force: false);
        PublishCommand.Run(workspace, everything, new TestConsole());
        var folder = Path.Combine(workspace.ArtifactsDirectory, "scratch-brief");
        var site = Path.Combine(workspace.ArtifactsDirectory, Site.Folder, "scratch-brief");
        Assert.True(File.Exists(Path.Combine(folder, "scratch-brief.ko.pdf")));

        scratch.Write("brief.yaml", """
            languages: [en]
            series: issue-brief
            number: ""
            date: 2022-04-29
            title: { en: "A Test Brief" }
            summary: { en: "Summary." }
            keywords: { en: [test] }
            authors:
              - name: { en: "Choi Eunmi" }
                role: { en: "Research Fellow" }
                affiliation: { en: "The Asan Institute for Policy Studies" }
            """);
        File.Delete(Path.Combine(scratch.Directory, "body.ko.md"));
        PublishCommand.Run(workspace, everything, new TestConsole());

        foreach (var extension in new[] { "html", "pdf", "docx" })
        {
            Assert.True(File.Exists(Path.Combine(folder, $"scratch-brief.en.{extension}")));
            Assert.False(File.Exists(Path.Combine(folder, $"scratch-brief.ko.{extension}")), $"the Korean {extension} stayed in artifacts/");
            Assert.False(File.Exists(Path.Combine(site, $"scratch-brief.ko.{extension}")), $"the Korean {extension} stayed in the site");
        }
        // The shared fonts/ keeps only subsets a remaining page names: the Korean page's Hangul subsets went.
        var artifacts = workspace.ArtifactsDirectory;
        var pages = Directory.EnumerateFiles(artifacts, "*.html", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(Path.Combine(artifacts, Site.Folder), StringComparison.Ordinal)).Select(File.ReadAllText).ToList();
        foreach (var font in Directory.EnumerateFiles(Path.Combine(artifacts, "fonts")).Select(Path.GetFileName))
            Assert.True(pages.Any(p => p.Contains($"fonts/{font}\"", StringComparison.Ordinal)), $"fonts/{font} stayed, though no page names it");
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, "scratch-brief.zip"));
        Assert.Contains(zip.Entries, e => e.FullName == "scratch-brief/scratch-brief.en.pdf");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains(".ko.", StringComparison.Ordinal) || e.FullName.Contains("/ko/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_outputs_of_a_removed_brief_leave_artifacts_and_the_site()
    {
        using var scratch = new ScratchBrief();
        var second = Path.Combine(scratch.Root, "content", "second-brief");
        Directory.CreateDirectory(second);
        foreach (var file in Directory.EnumerateFiles(scratch.Directory)) File.Copy(file, Path.Combine(second, Path.GetFileName(file)));
        var workspace = scratch.Workspace;
        var everything = new BuildOptions([], OutputFormat.All, [], Force: false);
        PublishCommand.Run(workspace, everything, new TestConsole());
        Assert.True(File.Exists(Path.Combine(workspace.ArtifactsDirectory, "second-brief", "second-brief.zip")));

        Directory.Delete(second, recursive: true);
        PublishCommand.Run(workspace, everything, new TestConsole());

        Assert.False(Directory.Exists(Path.Combine(workspace.ArtifactsDirectory, "second-brief")), "the removed brief's outputs stayed");
        Assert.False(Directory.Exists(Path.Combine(workspace.ArtifactsDirectory, Site.Folder, "second-brief")));
        Assert.DoesNotContain("second-brief", File.ReadAllText(Path.Combine(workspace.ArtifactsDirectory, "index.html")));
        Assert.True(File.Exists(Path.Combine(workspace.ArtifactsDirectory, "scratch-brief", "scratch-brief.en.pdf")));
    }
}
