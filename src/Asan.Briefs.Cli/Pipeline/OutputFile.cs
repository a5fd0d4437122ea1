namespace Asan.Briefs.Cli.Pipeline;

/// <summary>One rendered output, held in memory until the whole build has succeeded.</summary>
public sealed record OutputFile(string RelativePath, byte[] Bytes);

/// <summary>Writes outputs so a reader never sees a half-written file: temporary file, then rename.</summary>
public static class AtomicFile
{
    /// <returns>False when the file already held these bytes and was left alone.</returns>
    public static bool Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return false;
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
