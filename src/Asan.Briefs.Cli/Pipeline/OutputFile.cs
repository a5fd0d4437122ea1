namespace Asan.Briefs.Cli.Pipeline;

/// <summary>One rendered output, held in memory only until it is written to the build's stage (<see cref="OutputStage"/>).</summary>
public sealed record OutputFile(string RelativePath, byte[] Bytes);

/// <summary>Writes a file outside a build (the bench figures) so a reader never sees it half-written: temporary file, then rename.</summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
