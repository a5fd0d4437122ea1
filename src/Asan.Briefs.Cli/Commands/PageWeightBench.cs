using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// The web pages' weight, for `bench`: what each page makes a first visit download, and what the
/// shared font subsets (fonts/&lt;name&gt;.&lt;hash&gt;.woff2, one file for every page that cuts the same
/// subset) save the whole site. Byte counts are exact; the time is the HTML edition's render.
/// </summary>
public static partial class PageWeightBench
{
    /// <summary>
    /// One web edition: its render time, the page's bytes, the body face it preloads (always fetched) and
    /// every face its CSS names (the most a browser fetches: it loads a face only for text drawn in it).
    /// </summary>
    public static BenchCommand.Figure Edition(Publisher publisher, Brief brief, string lang, Func<Action, double> median)
    {
        var files = publisher.Render(brief, lang, OutputFormat.Html);
        var page = files[0];
        var fonts = Fonts(files);
        var html = Encoding.UTF8.GetString(page.Bytes);
        var preloaded = Preload().Matches(html).Select(m => Path.GetFileName(m.Groups["href"].Value)).ToHashSet(StringComparer.Ordinal);
        var body = fonts.Where(f => preloaded.Contains(Path.GetFileName(f.RelativePath))).Sum(f => (long)f.Bytes.Length);
        var time = median(() => publisher.Render(brief, lang, OutputFormat.Html));
        return new BenchCommand.Figure($"html {brief.Id}.{lang}", time,
            $"page {Kb(page.Bytes.Length)}, preloaded body face {Kb(body)}, page + every face it names {Kb(page.Bytes.Length + fonts.Sum(f => (long)f.Bytes.Length))} ({fonts.Count} fonts, {Kb(fonts.Sum(f => (long)f.Bytes.Length))})");
    }

    /// <summary>
    /// The published site's fonts: the bytes of the distinct files against the bytes every page would
    /// carry with fonts of its own, as before they were shared (each page its own folder of subsets).
    /// </summary>
    public static BenchCommand.Figure Site(Publisher publisher, IReadOnlyList<Brief> briefs)
    {
        var clock = Stopwatch.StartNew();
        var published = briefs.Where(b => !b.Metadata.Example).ToList();
        var pages = published.SelectMany(b => b.Languages.Select(l => Fonts(publisher.Render(b, l, OutputFormat.Html)))).ToList();
        // The index pages come in one list with their fonts, the shared ones once for each page.
        var index = publisher.RenderIndex(briefs);
        var indexFonts = Fonts(index).DistinctBy(f => f.RelativePath).ToList();
        pages.AddRange(index.Where(f => f.RelativePath.EndsWith(".html", StringComparison.Ordinal))
            .Select(p => indexFonts.Where(f => Encoding.UTF8.GetString(p.Bytes).Contains($"\"{f.RelativePath}\"", StringComparison.Ordinal)).ToList()));
        var distinct = pages.SelectMany(p => p).DistinctBy(f => f.RelativePath).ToList();
        var perPage = pages.Sum(p => p.Sum(f => (long)f.Bytes.Length));
        return new BenchCommand.Figure($"html site fonts, {pages.Count} pages", clock.Elapsed.TotalMilliseconds,
            $"{distinct.Count} shared files, {Kb(distinct.Sum(f => (long)f.Bytes.Length))}; a folder per page would be {pages.Sum(p => p.Count)} files, {Kb(perPage)}");
    }

    private static List<OutputFile> Fonts(IEnumerable<OutputFile> files) =>
        files.Where(f => f.RelativePath.EndsWith(".woff2", StringComparison.Ordinal)).ToList();

    private static string Kb(long bytes) => $"{bytes / 1024.0:F0} KB";

    [GeneratedRegex("""<link rel="preload" href="(?<href>[^"]+\.woff2)(?=" as="font)""")]
    private static partial Regex Preload();
}
