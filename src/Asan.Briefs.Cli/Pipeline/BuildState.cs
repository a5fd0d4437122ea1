using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// What the last build made from what: per edition (and per zip, and the index), a fingerprint of its
/// inputs and the files it wrote. An edition whose fingerprint and files are unchanged is not rebuilt;
/// a file that no record names any more is an output of something that no longer exists.
/// </summary>
public sealed class BuildState
{
    public const string FileName = ".build-state.json";
    private readonly Dictionary<string, EditionRecord> _editions;
    private readonly HashSet<string> _loadedFiles;

    private BuildState(Dictionary<string, EditionRecord> editions)
    {
        _editions = editions;
        _loadedFiles = Files(editions.Values);
    }

    public sealed record EditionRecord(string Fingerprint, SortedDictionary<string, FileStamp> Files);

    /// <summary>A file as written: its hash, and its length and time, which stand in for the hash while they are unchanged.</summary>
    public sealed record FileStamp(string Hash, long Length, long Ticks);

    /// <summary>
    /// Builds the serializer's metadata for writing the state (~1 ms on first use), by writing a state of one record
    /// and dropping it: for a build to do beside its editions, not at its very end, where nothing runs beside the writing.
    /// </summary>
    public static void PrepareToWrite() =>
        JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, EditionRecord> { [""] = new("", new() { [""] = new FileStamp("", 0, 0) }) },
            CliJson.Default.SortedDictionaryStringEditionRecord);

    public static BuildState Load(string artifactsDirectory)
    {
        var path = Path.Combine(artifactsDirectory, FileName);
        try
        {
            var editions = File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), CliJson.Default.DictionaryStringEditionRecord) : null;
            return new BuildState(editions ?? new());
        }
        catch (JsonException)
        {
            // A damaged state file only costs a full rebuild.
            return new BuildState(new());
        }
    }

    public static string EditionKey(string briefId, string lang, OutputFormat formats) => $"{briefId}/{lang}/{(int)formats}";
    public static string ArchiveKey(string briefId) => $"{briefId}/zip";
    public const string IndexKey = "index";

    /// <summary>True when the edition was built from the same inputs and its files are still as written.</summary>
    public bool IsUpToDate(string key, string fingerprint, string artifactsDirectory)
    {
        EditionRecord? record;
        lock (_editions)
            if (!_editions.TryGetValue(key, out record) || record.Fingerprint != fingerprint) return false;
        foreach (var (relative, stamp) in record.Files)
        {
            var info = new FileInfo(Path.Combine(artifactsDirectory, relative));
            if (!info.Exists || info.Length != stamp.Length) return false;
            if (info.LastWriteTimeUtc.Ticks != stamp.Ticks && OutputStage.HashOf(info.FullName) != stamp.Hash) return false;
        }
        return true;
    }

    public void Record(string key, string fingerprint, IEnumerable<WrittenFile> files)
    {
        var stamps = new SortedDictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var file in files) stamps[file.RelativePath] = new FileStamp(file.Hash, file.Length, file.Ticks);
        lock (_editions) _editions[key] = new EditionRecord(fingerprint, stamps);
    }

    /// <summary>The files the records of one brief's editions name, with their hashes, in name order.</summary>
    public IReadOnlyList<(string RelativePath, string Hash)> FilesOf(string briefId)
    {
        lock (_editions)
            return _editions.Where(e => e.Key.StartsWith(briefId + "/", StringComparison.Ordinal) && e.Key != ArchiveKey(briefId))
                .SelectMany(e => e.Value.Files)
                .DistinctBy(f => f.Key)
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => (f.Key, f.Value.Hash))
                .ToList();
    }

    /// <summary>Forgets the records <paramref name="exists"/> turns down: editions of removed briefs or languages.</summary>
    public void Forget(Func<string, bool> exists)
    {
        lock (_editions)
            foreach (var key in _editions.Keys.Where(k => !exists(k)).ToList()) _editions.Remove(key);
    }

    /// <summary>The files that no record names any more, though a record named them when the state was loaded.</summary>
    public IReadOnlyList<string> Orphans()
    {
        lock (_editions)
        {
            var named = Files(_editions.Values);
            return _loadedFiles.Where(f => !named.Contains(f)).Order(StringComparer.Ordinal).ToList();
        }
    }

    public OutputFile ToFile()
    {
        lock (_editions)
        {
            var sorted = new SortedDictionary<string, EditionRecord>(_editions, StringComparer.Ordinal);
            return new OutputFile(FileName, JsonSerializer.SerializeToUtf8Bytes(sorted, CliJson.Default.SortedDictionaryStringEditionRecord));
        }
    }

    private static HashSet<string> Files(IEnumerable<EditionRecord> records) =>
        records.SelectMany(r => r.Files.Keys).ToHashSet(StringComparer.Ordinal);

    public static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}

/// <summary>
/// Fingerprints the inputs of an edition: only what it reads, so an English edit leaves the Korean
/// editions alone. Shared by all: the templates, theme and fonts, the engine, SOURCE_DATE_EPOCH;
/// per language: its labels (i18n/&lt;lang&gt;.yaml) and the brief's files but those of other languages.
/// </summary>
public sealed class InputFingerprint
{
    private readonly string _shared;
    private readonly string _labels;

    public InputFingerprint(Workspace workspace)
    {
        _labels = Path.Combine(workspace.TemplatesDirectory, "i18n");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files(workspace.TemplatesDirectory).Where(f => Path.GetDirectoryName(f) != _labels || !f.EndsWith(".yaml", StringComparison.Ordinal)))
            AddFile(hash, workspace.TemplatesDirectory, file);
        // The engine: every assembly of the pipeline, so a code change rebuilds everything.
        foreach (var assembly in new[] { typeof(InputFingerprint), typeof(Brief), typeof(Pdf.PdfWriter), typeof(Docx.DocxWriter), typeof(Html.HtmlEditionWriter) }.Select(t => t.Assembly))
            hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(Encoding.UTF8.GetBytes("SOURCE_DATE_EPOCH=" + Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")));
        _shared = Convert.ToHexString(hash.GetHashAndReset());
    }

    public string For(Brief brief, string lang)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(_shared + "|" + lang));
        var labels = Path.Combine(_labels, lang + ".yaml");
        if (File.Exists(labels)) AddFile(hash, _labels, labels);
        var others = brief.Languages.Where(l => l != lang).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Files(brief.Directory).Where(f => !IsFor(others, Path.GetFileName(f))))
            AddFile(hash, brief.Directory, file);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Whether a file belongs to one of these languages by its name: body.ko.md, chart.ko.png.</summary>
    private static bool IsFor(HashSet<string> languages, string name)
    {
        var parts = name.Split('.');
        return parts.Length > 2 && parts[1..^1].Any(languages.Contains);
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>The index lists every brief by its metadata: the templates, and each brief's YAML files.</summary>
    public string ForIndex(IEnumerable<Brief> briefs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(_shared + "|index"));
        foreach (var brief in briefs.OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(brief.Id + "\0"));
            foreach (var file in Directory.EnumerateFiles(brief.Directory, "*.yaml").Order(StringComparer.Ordinal))
                AddFile(hash, brief.Directory, file);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>A fingerprint of a list of facts (a zip's member names and hashes, say).</summary>
    public static string Of(string head, IEnumerable<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(head));
        foreach (var line in lines) hash.AppendData(Encoding.UTF8.GetBytes("\n" + line));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // Font files are large (21 MB in all) and change only when replaced: their length and time stand in
    // for their bytes, which keeps a no-change build quick; text files (all well under this) are hashed whole.
    private const long HashedWholeUpTo = 256 << 10;

    private static void AddFile(IncrementalHash hash, string directory, string file)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\0"));
        // A device or FIFO is never read: /dev/zero would be read until memory runs out. A brief's reader
        // also refuses links out of its folder where they are cited; the fingerprint just leaves them out.
        if (!BriefFiles.IsRegularFile(file)) return;
        var info = new FileInfo(file);
        if (info.Length > HashedWholeUpTo)
            hash.AppendData(Encoding.UTF8.GetBytes($"{info.Length}:{info.LastWriteTimeUtc.Ticks}"));
        else
            hash.AppendData(File.ReadAllBytes(file));
    }
}
