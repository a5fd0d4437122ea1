using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// What the last build made from what: per edition, a fingerprint of its inputs (the brief's folder,
/// templates with theme and fonts, the engine's own assemblies, SOURCE_DATE_EPOCH) and the hashes of
/// the files it wrote. An edition whose fingerprint and files are unchanged is not rebuilt.
/// </summary>
public sealed class BuildState
{
    public const string FileName = ".build-state.json";
    private readonly string _path;
    private readonly Dictionary<string, EditionRecord> _editions;

    private BuildState(string path, Dictionary<string, EditionRecord> editions)
    {
        _path = path;
        _editions = editions;
    }

    public sealed record EditionRecord(string Fingerprint, Dictionary<string, string> Files);

    public static BuildState Load(string artifactsDirectory)
    {
        var path = Path.Combine(artifactsDirectory, FileName);
        try
        {
            var editions = File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), CliJson.Default.DictionaryStringEditionRecord) : null;
            return new BuildState(path, editions ?? new());
        }
        catch (JsonException)
        {
            // A damaged state file only costs a full rebuild.
            return new BuildState(path, new());
        }
    }

    public static string EditionKey(string briefId, string lang, OutputFormat formats) => $"{briefId}/{lang}/{(int)formats}";

    /// <summary>True when the edition was built from the same inputs and its files are still as written.</summary>
    public bool IsUpToDate(string key, string fingerprint, string artifactsDirectory)
    {
        if (!_editions.TryGetValue(key, out var record) || record.Fingerprint != fingerprint) return false;
        foreach (var (relative, hash) in record.Files)
        {
            var path = Path.Combine(artifactsDirectory, relative);
            if (!File.Exists(path) || Hash(File.ReadAllBytes(path)) != hash) return false;
        }
        return true;
    }

    public void Record(string key, string fingerprint, IEnumerable<OutputFile> files) =>
        _editions[key] = new EditionRecord(fingerprint, files.ToDictionary(f => f.RelativePath, f => Hash(f.Bytes)));

    public void Save()
    {
        var sorted = new SortedDictionary<string, EditionRecord>(_editions, StringComparer.Ordinal);
        AtomicFile.Write(_path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(sorted, CliJson.Default.SortedDictionaryStringEditionRecord)));
    }

    public static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}

/// <summary>Fingerprints the inputs of an edition.</summary>
public sealed class InputFingerprint
{
    private readonly string _shared;

    public InputFingerprint(Workspace workspace)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddDirectory(hash, workspace.TemplatesDirectory);
        // The engine: every assembly of the pipeline, so a code change rebuilds everything.
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()
                     .Where(a => a.GetName().Name?.StartsWith("Asan.Briefs", StringComparison.Ordinal) == true || a == Assembly.GetEntryAssembly())
                     .OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
            hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(Encoding.UTF8.GetBytes("SOURCE_DATE_EPOCH=" + Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")));
        _shared = Convert.ToHexString(hash.GetHashAndReset());
    }

    public string For(string briefDirectory, string lang)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(_shared + "|" + lang));
        AddDirectory(hash, briefDirectory);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // Font files are large (21 MB in all) and change only when replaced: their length and time stand in
    // for their bytes, which keeps a no-change build quick; text files (all well under this) are hashed whole.
    private const long HashedWholeUpTo = 256 << 10;

    private static void AddDirectory(IncrementalHash hash, string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\0"));
            var info = new FileInfo(file);
            if (info.Length > HashedWholeUpTo)
                hash.AppendData(Encoding.UTF8.GetBytes($"{info.Length}:{info.LastWriteTimeUtc.Ticks}"));
            else
                hash.AppendData(File.ReadAllBytes(file));
        }
    }
}
