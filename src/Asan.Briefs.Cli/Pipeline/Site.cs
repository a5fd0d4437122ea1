using Asan.Briefs.Model;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// artifacts/site/: the static site to host as it is — the index, and for every published (not
/// example) brief its HTML editions with their fonts and figures, the PDF and Word downloads and the zip.
/// </summary>
public static class Site
{
    public const string Folder = "site";

    public static IReadOnlyList<string> Assemble(string artifactsDirectory, IReadOnlyList<Brief> briefs)
    {
        var site = Path.Combine(artifactsDirectory, Folder);
        if (Directory.Exists(site)) Directory.Delete(site, recursive: true);
        var copied = new List<string>();
        void Copy(string relative)
        {
            var target = Path.Combine(site, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(artifactsDirectory, relative), target);
            copied.Add(relative.Replace('\\', '/'));
        }
        Copy("index.html");
        foreach (var font in Directory.EnumerateFiles(Path.Combine(artifactsDirectory, "fonts"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            Copy(Path.GetRelativePath(artifactsDirectory, font));
        foreach (var brief in briefs.Where(b => !b.Metadata.Example))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(artifactsDirectory, brief.Id), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                Copy(Path.GetRelativePath(artifactsDirectory, file));
        return copied;
    }
}
