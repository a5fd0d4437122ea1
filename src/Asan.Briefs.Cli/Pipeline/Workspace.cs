namespace Asan.Briefs.Cli.Pipeline;

/// <summary>Where a build reads and writes: content/, templates/ and artifacts/ of one repository.</summary>
public sealed record Workspace(string ContentDirectory, string TemplatesDirectory, string ArtifactsDirectory)
{
    /// <summary>The repository around the working directory: the nearest folder upwards holding content/ and templates/.</summary>
    public static Workspace Discover(string? root = null)
    {
        var start = Path.GetFullPath(root ?? Environment.CurrentDirectory);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "content")) && Directory.Exists(Path.Combine(dir.FullName, "templates")))
                return At(dir.FullName);
        }
        return At(start);
    }

    public static Workspace At(string root) => new(
        Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(root, "artifacts"));

    public string SchemaPath => Path.Combine(TemplatesDirectory, "print", "print-layout.xsd");
}
