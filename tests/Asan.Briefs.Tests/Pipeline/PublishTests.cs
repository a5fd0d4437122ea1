using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Tests.Support;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>Whole builds of the repository's briefs into temporary folders: reproducibility, incremental builds, the site.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "asan-briefs-publish-" + Guid.NewGuid().ToString("N"));

    private Workspace Into(string name) => Workspace.At(Repository.Root) with { ArtifactsDirectory = Path.Combine(_scratch, name) };

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".build-state.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static BuildOptions Everything => new([], OutputFormat.All, [], Force: false);

    [Fact]
    public void Two_builds_give_byte_identical_outputs_and_a_second_build_rebuilds_nothing()
    {
        var first = Into("first");
        var second = Into("second");
        BuildCommand.Run(first, Everything, new TestConsole());
        BuildCommand.Run(second, Everything, new TestConsole());

        var a = Hashes(first.ArtifactsDirectory);
        var b = Hashes(second.ArtifactsDirectory);
        Assert.Contains(a.Keys, k => k.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains(a.Keys, k => k.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Contains(a.Keys, k => k.EndsWith(".zip", StringComparison.Ordinal));
        Assert.Equal(a, b);

        // Every edition of every brief in content/.
        var editions = Repository.BriefIds.Sum(id => Repository.Brief(id).Languages.Count);
        var again = new TestConsole();
        BuildCommand.Run(first, Everything, again);
        Assert.Contains($"0 of {editions} edition(s) rebuilt", again.Output);
        Assert.Equal(a, Hashes(first.ArtifactsDirectory));

        var forced = new TestConsole();
        BuildCommand.Run(first, Everything with { Force = true }, forced);
        Assert.Contains($"{editions} of {editions} edition(s) rebuilt", forced.Output);
    }

    [Fact]
    public void The_site_holds_published_briefs_and_every_index_link_resolves()
    {
        var workspace = Into("site");
        PublishCommand.Run(workspace, Everything, new TestConsole());
        var site = Path.Combine(workspace.ArtifactsDirectory, Site.Folder);

        var index = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        var links = index.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => !h.Contains("://", StringComparison.Ordinal) && !h.StartsWith('#')).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
            Assert.True(File.Exists(Path.Combine(site, link.Split('#')[0])), $"index links to missing {link}");
        foreach (var extension in new[] { "html", "pdf", "docx" })
        foreach (var lang in new[] { "en", "ko" })
            Assert.Contains($"{Repository.SeedBrief}/{Repository.SeedBrief}.{lang}.{extension}", links);
        Assert.Contains($"{Repository.SeedBrief}/{Repository.SeedBrief}.zip", links);
        Assert.False(Directory.Exists(Path.Combine(site, Repository.FeatureTour)), "the example brief is published");

        // Each edition's og:image names a cover in the site: page 1 of its PDF, A4-shaped, 1200 px tall.
        foreach (var lang in new[] { "en", "ko" })
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, Repository.SeedBrief, $"{Repository.SeedBrief}.{lang}.html")));
            var image = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
            var cover = File.ReadAllBytes(Path.Combine(site, Repository.SeedBrief, image[(image.LastIndexOf('/') + 1)..]));
            Assert.True(cover.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{image} is not a PNG");
            var (width, height) = (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cover.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cover.AsSpan(20)));
            Assert.Equal(1200, height);
            Assert.InRange(width / (double)height, 0.70, 0.72);
        }

        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(site, Repository.SeedBrief, $"{Repository.SeedBrief}.zip"));
        Assert.Contains(zip.Entries, e => e.FullName == $"{Repository.SeedBrief}/{Repository.SeedBrief}.ko.pdf");
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(content);
            Assert.Equal(File.ReadAllBytes(Path.Combine(site, entry.FullName)), content.ToArray());
            // PDF, DOCX, PNG and WOFF2 are compressed inside already: stored as they are; text is deflated.
            if (new[] { ".pdf", ".docx", ".png", ".woff2" }.Contains(Path.GetExtension(entry.Name)))
                Assert.Equal(entry.Length, entry.CompressedLength);
            else
                Assert.True(entry.CompressedLength < entry.Length * 0.8, $"{entry.FullName}: {entry.CompressedLength} of {entry.Length} bytes");
        }
    }

    /// <summary>The real CLI process publishing with the given PATH: its exit code and stderr.</summary>
    private static (int Exit, string Errors) PublishWithPath(string root, string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "asan-briefs"), ["publish", "--root", root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = path;
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "publish did not finish");
        return (process.ExitCode, errors.Result);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_publish_that_fails_leaves_the_last_site_as_it_was()
    {
        using var scratch = new ScratchBrief();
        Directory.CreateSymbolicLink(Path.Combine(scratch.Root, "templates"), Repository.Templates);
        PublishCommand.Run(scratch.Workspace, Everything, new TestConsole());
        var site = Path.Combine(scratch.Workspace.ArtifactsDirectory, Site.Folder);
        var before = Hashes(site);
        Assert.Contains("scratch-brief/scratch-brief.en.cover.png", before.Keys);

        // The failure, injected: a pdftoppm that cannot draw the covers, found first on the PATH, after the edit is built.
        var tools = Directory.CreateDirectory(Path.Combine(scratch.Root, "broken-tools")).FullName;
        File.WriteAllText(Path.Combine(tools, "pdftoppm"), "#!/bin/sh\necho 'pdftoppm: broken for this test' >&2\nexit 1\n");
        File.SetUnixFileMode(Path.Combine(tools, "pdftoppm"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        scratch.Write("body.en.md", ScratchBrief.English + "\nA paragraph added after the first publish.");
        var (exit, errors) = PublishWithPath(scratch.Root, tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
        Assert.Equal(1, exit);
        Assert.Contains("pdftoppm could not draw page 1", errors);
        Assert.Equal(before, Hashes(site));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Workspace.ArtifactsDirectory, "site*.tmp-*"));

        // With pdftoppm working again the new site replaces the old one whole.
        PublishCommand.Run(scratch.Workspace, Everything, new TestConsole());
        Assert.Contains("A paragraph added after the first publish.", File.ReadAllText(Path.Combine(site, "scratch-brief", "scratch-brief.en.html")));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Hashes(site).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Workspace.ArtifactsDirectory, "site*.tmp-*"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_scratch, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Publishing_with_the_placeholder_base_url_warns_at_its_line_and_a_real_address_does_not()
    {
        using var scratch = new ScratchBrief();
        var console = new TestConsole();
        PublishCommand.Run(scratch.Workspace, Everything, console);
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(scratch.Workspace.TemplatesDirectory, "site.yaml")), l => l.StartsWith("base_url:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"site.yaml:{line}:1: warning: base_url https://example.org/asan-briefs/ is a placeholder", console.Output.Replace("\n", "", StringComparison.Ordinal));
        var folder = Directory.CreateTempSubdirectory("asan-site-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "site.yaml"), "base_url: https://www.asaninst.org/briefs/\n");
            Assert.Null(Asan.Briefs.Templating.SiteSettings.Load(folder.FullName).PlaceholderWarning());
            File.WriteAllText(Path.Combine(folder.FullName, "site.yaml"), "base_url: https://briefs.example/\n");
            Assert.NotNull(Asan.Briefs.Templating.SiteSettings.Load(folder.FullName).PlaceholderWarning());
        }
        finally { folder.Delete(recursive: true); }
    }

    [Fact]
    public void Every_page_of_the_site_links_the_favicon_at_its_root()
    {
        using var scratch = new ScratchBrief();
        PublishCommand.Run(scratch.Workspace, Everything, new TestConsole());
        var site = Path.Combine(scratch.Workspace.ArtifactsDirectory, Site.Folder);
        var icon = Path.Combine(site, "favicon.svg");
        var svg = System.Xml.Linq.XDocument.Load(icon);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var pages = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count >= 3, "the index pages and the brief's editions");
        foreach (var page in pages)
        {
            var link = new HtmlParser().ParseDocument(File.ReadAllText(page)).QuerySelector("link[rel=icon]");
            Assert.NotNull(link);
            Assert.Equal("image/svg+xml", link!.GetAttribute("type"));
            Assert.Equal(Path.GetFullPath(icon), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, link.GetAttribute("href")!)));
        }
    }
}
