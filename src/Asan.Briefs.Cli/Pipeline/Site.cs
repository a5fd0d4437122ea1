using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// artifacts/site/: the static site to host as it is — the index, and for every published (not
/// example) brief its HTML editions with their fonts and figures, the PDF and Word downloads, the zip
/// and a cover image per edition.
/// </summary>
public static partial class Site
{
    public const string Folder = "site";

    /// <summary>
    /// Assembles the site in a staging folder beside artifacts/site (the same file system) and swaps it
    /// into place only once every file is there: a publish that fails (a cover pdftoppm cannot draw, a
    /// full disk) leaves the last site as it was, and a server reading artifacts/site never sees it half-made.
    /// The staging folder is named like a temporary file (site.tmp-PID), so a build removes it if this process dies.
    /// </summary>
    public static IReadOnlyList<string> Assemble(string artifactsDirectory, IReadOnlyList<Brief> briefs)
    {
        var site = Path.Combine(artifactsDirectory, Folder);
        var staging = $"{site}.tmp-{Environment.ProcessId}";
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            var copied = Fill(staging, artifactsDirectory, briefs);
            SwapIn(staging, site);
            return copied;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BriefException(DisplayPath.Of(site), 0, 0, $"cannot assemble the site: {e.Message}; the last site was left as it was");
        }
        finally
        {
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the next build removes it */ }
        }
    }

    private static List<string> Fill(string site, string artifactsDirectory, IReadOnlyList<Brief> briefs)
    {
        var copied = new List<string>();
        void Copy(string relative)
        {
            var target = Path.Combine(site, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(artifactsDirectory, relative), target);
            copied.Add(relative.Replace('\\', '/'));
        }
        foreach (var file in SiteFiles(briefs)) Copy(file);
        foreach (var brief in briefs.Where(b => !b.Metadata.Example))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(artifactsDirectory, brief.Id), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                Copy(Path.GetRelativePath(artifactsDirectory, file));
            foreach (var lang in brief.Languages)
                copied.Add(RenderCover(site, brief.Id, lang));
        }
        // The shared fonts/ folder also holds the example briefs' subsets: only those a site page names go.
        foreach (var font in FontsNamedBy(copied.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Select(f => Path.Combine(site, f))))
            Copy(font);
        return copied;
    }

    /// <summary>
    /// Puts the staged site in place of the old one: on Linux in one step (renameat2 with
    /// RENAME_EXCHANGE swaps the two folders atomically), elsewhere by two renames.
    /// </summary>
    private static void SwapIn(string staging, string site)
    {
        if (!Directory.Exists(site))
        {
            Directory.Move(staging, site);
            return;
        }
        if (OperatingSystem.IsLinux() && RenameAt2(AtFdCwd, staging, AtFdCwd, site, RenameExchange) == 0)
            return; // the old site is now at the staging path, which the caller removes
        var old = $"{site}.old.tmp-{Environment.ProcessId}";
        Directory.Move(site, old);
        Directory.Move(staging, site);
        Directory.Delete(old, recursive: true);
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    /// <summary>The font files (relative to the site's root) that these pages' CSS names.</summary>
    private static IEnumerable<string> FontsNamedBy(IEnumerable<string> pages) =>
        pages.SelectMany(page => FontUrl().Matches(File.ReadAllText(page)).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(name => "fonts/" + name);

    [System.Text.RegularExpressions.GeneratedRegex("""url\("(?:\.\./)*fonts/(?<name>[A-Za-z0-9_.-]+\.woff2)"\)""")]
    private static partial System.Text.RegularExpressions.Regex FontUrl();

    /// <summary>The site's own files at its root: the index pages, robots.txt, sitemap.xml, the feeds and the favicon.</summary>
    private static IEnumerable<string> SiteFiles(IReadOnlyList<Brief> briefs)
    {
        var languages = Asan.Briefs.Templating.EditionTemplates.SiteLanguages(briefs.Where(b => !b.Metadata.Example).ToList());
        foreach (var lang in languages) yield return Asan.Briefs.Templating.EditionTemplates.IndexFileName(lang);
        yield return "robots.txt";
        yield return "sitemap.xml";
        foreach (var lang in languages) yield return Asan.Briefs.Templating.EditionTemplates.FeedFileName(lang);
        yield return Asan.Briefs.Templating.EditionTemplates.FaviconFileName;
    }

    /// <summary>The file name of an edition's cover image, which its page names as og:image.</summary>
    public static string CoverName(string briefId, string lang) => $"{briefId}.{lang}.cover.png";

    /// <summary>
    /// Page 1 of the finished PDF as a PNG, 1200 px on its long side, for link previews (og:image).
    /// Drawn by poppler's pdftoppm from the file itself, so the image is what readers download;
    /// poppler writes the same bytes for the same PDF.
    /// </summary>
    private static string RenderCover(string site, string briefId, string lang)
    {
        var pdf = Path.Combine(site, briefId, $"{briefId}.{lang}.pdf");
        var relative = $"{briefId}/{CoverName(briefId, lang)}";
        var target = Path.Combine(site, relative);
        var prefix = target[..^".png".Length];
        var result = ExternalProcess.Run("pdftoppm", $"-f 1 -l 1 -singlefile -png -scale-to 1200 \"{pdf}\" \"{prefix}\"")
            ?? throw new BriefException(DisplayPath.Of(pdf), 0, 0, "pdftoppm is not installed; the site's cover images are drawn with it: run `apt-get install poppler-utils`");
        if (result.ExitCode != 0 || !File.Exists(target))
            throw new BriefException(DisplayPath.Of(pdf), 0, 0, $"pdftoppm could not draw page 1 as the cover image ({result.Output.Trim()}); build the PDF edition first (`build --format pdf`)");
        return relative;
    }
}
