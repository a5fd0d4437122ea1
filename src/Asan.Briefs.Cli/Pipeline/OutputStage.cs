using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>One file a build wrote (or found already holding its bytes): what the build state remembers of it.</summary>
public sealed record WrittenFile(string RelativePath, string Hash, long Length, long Ticks);

/// <summary>
/// A build's outputs, each written to disk as soon as it is made, into a staging folder inside
/// artifacts/ (the same file system, so moving a file into place is a rename that needs no space),
/// and moved into place together once every one has been written. A build that fails — bad content,
/// a template error, a full disk, a read-only folder — therefore leaves artifacts/ as it was.
/// Files the build no longer makes are removed in the same step.
/// </summary>
public sealed partial class OutputStage : IDisposable
{
    private const string Prefix = ".stage-";
    private readonly string _artifacts;
    private readonly string _folder;
    // Two editions may write one file (a figure both languages show): the first writes it, the other waits for it.
    private readonly ConcurrentDictionary<string, Lazy<(WrittenFile File, bool Staged)>> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);
    // The stage's folders made so far: a build writes dozens of files into a handful of folders.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private bool _committed;

    public OutputStage(string artifactsDirectory)
    {
        _artifacts = artifactsDirectory;
        _folder = Path.Combine(artifactsDirectory, Prefix + Environment.ProcessId);
        RemoveLeftovers(artifactsDirectory);
        // A killed process that had this process's id may have left its stage: files are staged as new ones.
        try { if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the first write reports it */ }
    }

    /// <summary>Writes one output to the stage; the file in artifacts/ changes only on <see cref="Commit"/>.</summary>
    public WrittenFile Write(OutputFile file)
    {
        var lazy = _files.GetOrAdd(file.RelativePath, path => new Lazy<(WrittenFile, bool)>(() => Stage(path, file.Bytes)));
        return lazy.Value.File;
    }

    /// <summary>Where a file the build makes is to be read before the commit: its staged copy, or the file in artifacts/.</summary>
    public string PathOf(string relativePath) =>
        _files.TryGetValue(relativePath, out var lazy) && lazy.Value.Staged ? Staged(relativePath) : Final(relativePath);

    /// <summary>Removes a file from artifacts/ on <see cref="Commit"/> (an output of an edition that no longer exists).</summary>
    public void Remove(string relativePath)
    {
        lock (_removed) _removed.Add(relativePath);
    }

    /// <returns>The files written and removed.</returns>
    public IReadOnlyList<string> Commit()
    {
        var changed = new List<string>();
        Guard("moving the new outputs into place failed; build again", () =>
        {
            var folders = new HashSet<string>(StringComparer.Ordinal);
            // A folder artifacts/ lacks (a new brief's, or all of them in a fresh folder) moves in whole, one rename,
            // rather than being made, filled file by file, and its staged copy removed: on 100 briefs those made
            // the commit the longest serial stretch of the build's end. In name order, a folder's files come together.
            string? moved = null;
            foreach (var (path, lazy) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (!lazy.Value.Staged) continue;
                changed.Add(path);
                if (moved is not null && path.StartsWith(moved, StringComparison.Ordinal)) continue;
                if (NewFolder(path, folders) is { } folder)
                {
                    Directory.Move(Staged(folder), Final(folder));
                    moved = folder + "/";
                    continue;
                }
                File.Move(Staged(path), Final(path), overwrite: true);
            }
            foreach (var path in _removed.Where(p => !_files.ContainsKey(p)).Order(StringComparer.Ordinal))
            {
                if (!File.Exists(Final(path))) continue;
                File.Delete(Final(path));
                changed.Add(path);
                RemoveEmptyFolders(Path.GetDirectoryName(Final(path))!);
            }
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        });
        _committed = true;
        return changed;
    }

    /// <summary>The outermost folder of <paramref name="relativePath"/> that artifacts/ lacks, if any; <paramref name="existing"/> remembers those it has.</summary>
    private string? NewFolder(string relativePath, HashSet<string> existing)
    {
        for (var end = relativePath.IndexOf('/'); end > 0; end = relativePath.IndexOf('/', end + 1))
        {
            var folder = relativePath[..end];
            if (existing.Contains(folder)) continue;
            if (!Directory.Exists(Final(folder))) return folder;
            existing.Add(folder);
        }
        return null;
    }

    public void Dispose()
    {
        if (_committed) return;
        try { if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the next build removes it */ }
    }

    /// <summary>Stages bytes in hand (every output, the zips too, is made in memory): they are hashed as they are, and not written at all when the file in artifacts/ holds them.</summary>
    private (WrittenFile, bool) Stage(string relativePath, byte[] bytes)
    {
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        (WrittenFile, bool) result = default;
        Guard("nothing in artifacts/ was changed", () =>
        {
            if (Unchanged(relativePath, hash, bytes.Length) is { } kept)
            {
                result = (kept, false);
                return;
            }
            using var handle = Create(Staged(relativePath));
            RandomAccess.Write(handle, bytes, 0);
            result = (new WrittenFile(relativePath, hash, bytes.Length, File.GetLastWriteTimeUtc(handle).Ticks), true);
        });
        return result;
    }

    /// <summary>The file in artifacts/ when it already holds these bytes: it is left alone, so its time (and a browser's cache) stays.</summary>
    private WrittenFile? Unchanged(string relativePath, string hash, long length)
    {
        var final = new FileInfo(Final(relativePath));
        if (!final.Exists || final.Length != length || HashOf(final.FullName) != hash) return null;
        return new WrittenFile(relativePath, hash, length, final.LastWriteTimeUtc.Ticks);
    }

    private Microsoft.Win32.SafeHandles.SafeFileHandle Create(string staged)
    {
        _folders.GetOrAdd(Path.GetDirectoryName(staged)!, folder => Directory.CreateDirectory(folder) is not null);
        // A new file, not FileMode.Create: .NET truncates an opened file with ftruncate, and ext4 then writes a
        // truncated file's data out when it is closed (auto_da_alloc), which made each close wait for the disk.
        return File.OpenHandle(staged, FileMode.CreateNew, FileAccess.Write);
    }

    public static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private string Staged(string relativePath) => Path.Combine(_folder, relativePath);
    private string Final(string relativePath) => Path.Combine(_artifacts, relativePath);

    private void RemoveEmptyFolders(string folder)
    {
        var root = Path.GetFullPath(_artifacts);
        for (var dir = Path.GetFullPath(folder); dir.Length > root.Length && dir.StartsWith(root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir)!)
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any()) return;
            Directory.Delete(dir);
        }
    }

    /// <summary>A disk that is full or read-only is a problem for the person building, not a bug: exit 1, saying so.</summary>
    private void Guard(string consequence, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BriefException(DisplayPath.Of(_artifacts), 0, 0, $"cannot write the outputs: {Reason(e)}; {consequence}");
        }
    }

    // .NET reports a read-only file system as access denied; the inner error names it.
    private static string Reason(Exception e) => e.InnerException is IOException inner ? inner.Message : e.Message;

    /// <summary>
    /// Removes what killed or failed builds left behind: staging folders and temporary files
    /// (name.tmp-PID) of processes that are no longer running.
    /// </summary>
    public static void RemoveLeftovers(string artifactsDirectory)
    {
        if (!Directory.Exists(artifactsDirectory)) return;
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(artifactsDirectory, "*", SearchOption.AllDirectories).ToList())
            {
                var match = Leftover().Match(Path.GetFileName(entry));
                if (!match.Success || IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))) continue;
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else if (File.Exists(entry)) File.Delete(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftovers cost only space; a read-only artifacts/ may still take a build that changes nothing.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?:\.stage-(?<pid>\d+)|.+\.tmp-(?<pid>\d+))$")]
    private static partial Regex Leftover();
}
