namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// A repository in a temporary folder holding many copies of one brief (gen-001, gen-002, …) and a
/// copy of the templates, for the Bench to build as a real repository of that size would be built.
/// </summary>
public sealed class GeneratedRepository : IDisposable
{
    private GeneratedRepository(string root) => Root = root;

    public string Root { get; }

    public static GeneratedRepository Create(string scratch, string seedBriefDirectory, string templatesDirectory, int count)
    {
        var root = Path.Combine(scratch, $"repository-{count}");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        CopyFolder(templatesDirectory, Path.Combine(root, "templates"));
        for (var i = 1; i <= count; i++)
            CopyFolder(seedBriefDirectory, Path.Combine(root, "content", $"gen-{i:000}"));
        return new GeneratedRepository(root);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
