using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Fonts;
using Asan.Briefs.Model;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Html;

/// <summary>
/// Turns a rendered HTML page (templates/html/page.sbn) into the files of the web edition, with paths
/// relative to artifacts/: the page itself (UTF-8, no BOM), its figures beside it (copied from the
/// brief's folder) and its fonts. Every <c>url("…fonts/&lt;name&gt;.woff2")</c> the templates write is a
/// WOFF2 subset of &lt;name&gt;.ttf (or .otf) in templates/fonts/, cut to the page's characters and
/// named by its content, <c>fonts/&lt;name&gt;.&lt;hash&gt;.woff2</c> at the site's root: pages whose subsets
/// come out the same (every page's Latin faces, the English pages' Hangul faces) share one file,
/// which a browser then fetches once for the whole site, and no edition ever overwrites another's.
/// Deterministic: the same inputs give the same bytes.
/// </summary>
public static partial class HtmlEditionWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Characters kept in every subset even when the page text lacks them: ASCII and common
    /// punctuation a browser may draw itself (list markers, quotes, dashes, ellipsis, no-break space).</summary>
    private static readonly int[] AlwaysKept =
    [
        .. Enumerable.Range(0x20, 0x7F - 0x20),
        0xA0, 0xB7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x25E6,
    ];

    /// <summary>The files of one language's web edition of <paramref name="brief"/>: &lt;id&gt;/&lt;id&gt;.&lt;lang&gt;.html,
    /// its font subsets (fonts/…) and its figures (&lt;id&gt;/…), in a fixed order.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Bytes)> Write(Brief brief, string lang, string html, Theme theme)
    {
        var page = Prepare(brief, lang, html, theme);
        page.CutFonts();
        return page.Files();
    }

    /// <summary>One language's web edition of <paramref name="brief"/> with its fonts still to cut (see <see cref="WebPage"/>).</summary>
    public static WebPage Prepare(Brief brief, string lang, string html, Theme theme)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(theme);
        return PreparePage(html, theme, $"{brief.Id}/{EditionTemplates.FileName(brief.Id, lang, "html")}", lang,
            () => Figures(brief).Select(f => ($"{brief.Id}/{f.Name}", f.Bytes)));
    }

    /// <summary>The files of an index page (templates/html/index.sbn): index.html and its fonts,
    /// relative to the artifacts folder.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Bytes)> WriteIndex(string html, Theme theme, string fileName = "index.html", string lang = "en")
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(theme);
        var page = PreparePage(html, theme, fileName, lang, () => []);
        page.CutFonts();
        return page.Files();
    }

    /// <summary>
    /// The page at <paramref name="pagePath"/> (relative to artifacts/) and the fonts its CSS refers to, checked
    /// (<see cref="PageSecurity.Check"/>): a face that draws nothing on the page is neither cut nor named, and its
    /// @font-face rule goes now, so problems are reported with the lines of the page as written.
    /// </summary>
    private static WebPage PreparePage(string html, Theme theme, string pagePath, string lang, Func<IEnumerable<(string, byte[])>> more)
    {
        var page = pagePath[(pagePath.LastIndexOf('/') + 1)..];
        var faces = Fonts(html, theme, page, lang).ToList();
        var unused = faces.Where(f => f.Kept is null).Select(f => f.Url).ToHashSet(StringComparer.Ordinal);
        if (unused.Count > 0)
            html = FontFaceRule().Replace(html, m => FontUrl().Match(m.Value) is { Success: true } u && unused.Contains(u.Groups["path"].Value) ? "" : m.Value);
        return new WebPage(html, pagePath, faces, PageSecurity.Check(html, page), more);
    }

    /// <summary>The page's files once its fonts are cut: the page, its font addresses replaced by the subsets'
    /// content names and its policy added, then the subsets, then <paramref name="more"/>.</summary>
    internal static List<(string RelativePath, byte[] Bytes)> Assemble(string html, string pagePath, IReadOnlyList<WebPage.Face> faces, PagePolicy policy, IEnumerable<(string, byte[])> more)
    {
        var fonts = faces.Where(f => f.Bytes is not null).Select(f => (f.Url, NamedUrl: $"{f.Url[..^".woff2".Length]}.{ContentName(f.Bytes!)}.woff2", Bytes: f.Bytes!)).ToList();
        var names = fonts.ToDictionary(f => f.Url, f => f.NamedUrl, StringComparer.Ordinal);
        // Every quoted font address (the @font-face rules' and the preload links'), in one pass over the page.
        string Named(string text) => QuotedFontPath().Replace(text, m => names.TryGetValue(m.Groups["path"].Value, out var named) ? $"\"{named}\"" : m.Value);
        html = PageSecurity.WithPolicy(Named(html), new PagePolicy(policy.Styles.Select(Named).ToList(), policy.Scripts));
        var folder = pagePath.Contains('/') ? pagePath[..pagePath.LastIndexOf('/')] : "";
        var outputs = new List<(string RelativePath, byte[] Bytes)> { (pagePath, Utf8.GetBytes(html)) };
        outputs.AddRange(fonts.Select(f => (Resolve(folder, f.NamedUrl), f.Bytes)));
        outputs.AddRange(more);
        return outputs;
    }

    /// <summary>Every font file the page's CSS refers to, with the characters of it the page draws (none for a
    /// face that draws none), to be subset to them. Hinting is dropped: browsers rasterise web fonts without
    /// it, and it is most of a Hangul face's bytes.</summary>
    private static IEnumerable<WebPage.Face> Fonts(string html, Theme theme, string page, string lang)
    {
        var before = FacesBefore(theme, lang);
        var references = FontUrl().Matches(html).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (references.Count == 0) yield break;
        var codepoints = new SortedSet<int>(AlwaysKept);
        // Control characters (the source's line breaks and tabs) are never drawn.
        foreach (var rune in DecodeCharacterReferences(WithoutComments(html)).EnumerateRunes())
            if (!Rune.IsControl(rune)) codepoints.Add(rune.Value);
        // Quotes and brackets the page sets in the Hangul face (the pair rule), though the Latin faces have them.
        var hangulPairs = HangulFaceSpan().Matches(html).SelectMany(m => m.Groups[1].Value.EnumerateRunes()).Select(r => r.Value).ToHashSet();
        foreach (var url in references)
        {
            var stem = Path.GetFileNameWithoutExtension(url);
            var source = SourceExtensions.Select(e => Path.Combine(theme.FontsDirectory, stem + e)).FirstOrDefault(File.Exists)
                ?? throw new BriefException(page, 0, 0, $"the page's CSS uses font '{url}' but {DisplayPath.Of(Path.Combine(theme.FontsDirectory, stem + ".ttf"))} does not exist; add the font to templates/fonts/ or fix the template");
            var font = FontLibrary.Shared.Get(source);
            var drawn = codepoints;
            // The stacks name the Latin family first: a Hangul face draws only what the Latin faces before it lack,
            // and nothing at all (no file, no rule) when that is none of its own characters.
            if (before.TryGetValue(stem, out var firsts))
            {
                drawn = new SortedSet<int>(codepoints.Where(c => firsts.Any(f => !f.HasGlyph(c)) || hangulPairs.Contains(c)));
                if (!drawn.Any(c => font.HasGlyph(c) && !AlwaysKept.Contains(c)))
                {
                    yield return new WebPage.Face(url, font, null);
                    continue;
                }
            }
            yield return new WebPage.Face(url, font, WebFontSubsets.Kept(font, drawn));
        }
    }

    /// <summary>For each Hangul face's file name (no extension), every Latin face before it in a stack of
    /// the page's language (a role, weight and slant), as templates/html/style.css.sbn orders the families:
    /// the Hangul face keeps what any of them lacks. A language's own faces count (Korean's lighter Latin).</summary>
    private static Dictionary<string, List<FontData>> FacesBefore(Theme theme, string lang)
    {
        var before = new Dictionary<string, List<FontData>>(StringComparer.Ordinal);
        foreach (var role in theme.FontRoles)
        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var latin = theme.Face(role, Script.Latin, bold, italic, lang);
            var hangul = theme.Face(role, Script.Hangul, bold, italic, lang);
            if (latin.Path == hangul.Path) continue;
            var stem = Path.GetFileNameWithoutExtension(hangul.Path);
            if (!before.TryGetValue(stem, out var firsts)) before[stem] = firsts = [];
            var font = FontLibrary.Shared.Get(latin.Path);
            if (!firsts.Contains(font)) firsts.Add(font);
        }
        return before;
    }

    /// <summary>The page without its HTML comments and its style sheets' comments, which no face draws
    /// (a CSS comment's "어절" would otherwise put Hangul in an English page's subsets).</summary>
    private static string WithoutComments(string html) =>
        HtmlComment().Replace(StyleElement().Replace(html, m => CssComment().Replace(m.Value, "")), "");

    /// <summary>A character the page's flow partial sets in the Hangul face (templates/html/partials/flow.sbn).</summary>
    [GeneratedRegex("""<span class="hangul-face">([^<]+)</span>""")]
    private static partial Regex HangulFaceSpan();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex("<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    /// <summary>An @font-face rule, with the white space after it.</summary>
    [GeneratedRegex(@"@font-face\s*\{[^}]*\}\s*")]
    private static partial Regex FontFaceRule();

    /// <summary>Ten hex digits of the subset's SHA-256: a new subset gets a new address, so a browser
    /// never draws a page with a cached subset that lacks its characters.</summary>
    private static string ContentName(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..10];

    /// <summary>A page's relative address (which may climb with ../) as a path relative to artifacts/.</summary>
    private static string Resolve(string folder, string url)
    {
        var parts = folder.Length == 0 ? new List<string>() : folder.Split('/').ToList();
        foreach (var part in url.Split('/'))
        {
            if (part != "..") parts.Add(part);
            else if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else throw new InvalidOperationException($"'{url}' climbs out of the site from '{folder}/'");
        }
        return string.Join('/', parts);
    }

    /// <summary>The font files a web font may be cut from, in the order they are looked for.</summary>
    private static readonly string[] SourceExtensions = [".ttf", ".otf"];

    /// <summary>The page's text with character references decoded, so "&amp;#x2014;" counts as "—".</summary>
    private static string DecodeCharacterReferences(string html) => System.Net.WebUtility.HtmlDecode(html);

    private static IEnumerable<(string Name, byte[] Bytes)> Figures(Brief brief)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        // Every language's image: the pages of all languages sit in one folder.
        foreach (var path in brief.AllBlocks.OfType<FigureBlock>().SelectMany(f => f.LanguageImages.Values.Prepend(f.ImagePath)))
        {
            var name = Path.GetFileName(path);
            if (seen.TryGetValue(name, out var other))
            {
                if (other != path)
                    throw new BriefException(DisplayPath.Of(path), 0, 0,
                        $"two figures share the file name '{name}' ({DisplayPath.Of(other)}); the web edition puts images beside the page, so rename one");
                continue;
            }
            seen[name] = path;
            yield return (name, File.ReadAllBytes(path));
        }
    }

    /// <summary>A font's address between double quotes, as the templates write it in url("…") and href="…".</summary>
    [GeneratedRegex(@"""(?<path>[^""\s]+\.woff2)""")]
    private static partial Regex QuotedFontPath();

    [GeneratedRegex("""url\(\s*"(?<path>(?:\.\./)*fonts/(?:[A-Za-z0-9_.-]+/)*[A-Za-z0-9_.-]+\.woff2)"\s*\)""")]
    private static partial Regex FontUrl();
}
