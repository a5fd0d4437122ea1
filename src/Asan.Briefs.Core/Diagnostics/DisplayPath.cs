namespace Asan.Briefs.Diagnostics;

/// <summary>Paths in messages are relative to the working directory, as people and editors expect.</summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
