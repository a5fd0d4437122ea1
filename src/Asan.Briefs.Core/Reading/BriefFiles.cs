using System.Runtime.InteropServices;

namespace Asan.Briefs.Reading;

/// <summary>
/// The one rule for every file a brief reads: a regular file inside the brief's folder once symbolic
/// links are resolved. A link that leads out (leak.png → /etc/passwd) would copy outside data into the
/// outputs, and a device or FIFO (→ /dev/zero) would be read until memory runs out.
/// </summary>
public static partial class BriefFiles
{
    /// <summary>Why <paramref name="path"/> may not be read as part of the brief in <paramref name="folder"/>; null when it may.</summary>
    public static string? Problem(string folder, string path)
    {
        var root = RealPath(Path.GetFullPath(folder));
        string target;
        try { target = RealPath(Path.GetFullPath(path)); }
        catch (IOException e) { return $"cannot be followed ({e.Message})"; }
        if (!target.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return $"leads outside the brief's folder (to {target}); copy the file into the folder instead of linking to it";
        return Kind(target) switch
        {
            FileKind.Regular => null,
            FileKind.Missing => "does not exist",
            FileKind.Directory => "is a folder, not a file",
            _ => "is not a regular file (a device, FIFO or socket); use a plain file",
        };
    }

    /// <summary>Whether the path, its links followed, is a regular file (not a device, FIFO, socket or folder).</summary>
    public static bool IsRegularFile(string path)
    {
        try { return Kind(RealPath(Path.GetFullPath(path))) == FileKind.Regular; }
        catch (IOException) { return false; }
    }

    /// <summary>The path with every symbolic link along it resolved.</summary>
    private static string RealPath(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(path) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var resolved = info.ResolveLinkTarget(returnFinalTarget: true);
                next = resolved is null ? next : RealPath(resolved.FullName);
            }
            current = next;
        }
        return current;
    }

    private enum FileKind { Missing, Regular, Directory, Other }

    private static FileKind Kind(string path)
    {
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!File.Exists(path)) return FileKind.Missing;
        if (!OperatingSystem.IsLinux()) return FileKind.Regular;
        // statx's layout is the same on every Linux architecture: stx_mode is the u16 at byte 28.
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return FileKind.Missing;
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode == 0x8000 ? FileKind.Regular : mode == 0x4000 ? FileKind.Directory : FileKind.Other;
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
