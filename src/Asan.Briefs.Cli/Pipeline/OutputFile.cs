namespace Asan.Briefs.Cli.Pipeline;

/// <summary>One rendered output, held in memory until the whole build has succeeded.</summary>
public sealed record OutputFile(string RelativePath, byte[] Bytes);

/// <summary>Writes outputs so a reader never sees a half-written file: temporary file, then rename.</summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return;
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
