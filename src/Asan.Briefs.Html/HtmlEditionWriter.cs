using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Fonts;
using Asan.Briefs.Model;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Html;

/// <summary>
/// Turns a rendered HTML page (templates/html/page.sbn) into the files of the web edition: the page
/// itself (UTF-8, no BOM) and the assets it refers to, beside it. Fonts come from the theme's font
/// folder only and are cut down to the characters the page uses; figures are copied from the brief's
/// folder. The templates decide where fonts go: every <c>url("fonts/…/&lt;name&gt;.woff2")</c> in the page is a
/// WOFF2 subset of &lt;name&gt;.ttf (or .otf) in templates/fonts/. Deterministic: the same inputs give the same bytes.
/// </summary>
public static partial class HtmlEditionWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Characters kept in every subset even when the page text lacks them: ASCII and common
    /// punctuation a browser may draw itself (list markers, quotes, dashes, ellipsis, no-break space).</summary>
    private static readonly int[] AlwaysKept =
    [
        .. Enumerable.Range(0x20, 0x7F - 0x20),
        0xA0, 0xB7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2191, 0x25E6,
    ];

    /// <summary>The files of one language's web edition of <paramref name="brief"/>: &lt;id&gt;.&lt;lang&gt;.html,
    /// its font subsets (fonts/&lt;lang&gt;/…) and its figures, in a fixed order.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Bytes)> Write(Brief brief, string lang, string html, Theme theme)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(theme);
        var page = EditionTemplates.FileName(brief.Id, lang, "html");
        html = PageSecurity.Secure(html, page);
        var outputs = new List<(string RelativePath, byte[] Bytes)> { (page, Utf8.GetBytes(html)) };
        outputs.AddRange(Fonts(html, theme, page));
        outputs.AddRange(Figures(brief));
        return outputs;
    }

    /// <summary>The files of the index page (templates/html/index.sbn): index.html and its fonts,
    /// relative to the artifacts folder.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Bytes)> WriteIndex(string html, Theme theme, string fileName = "index.html")
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(theme);
        html = PageSecurity.Secure(html, fileName);
        var outputs = new List<(string RelativePath, byte[] Bytes)> { (fileName, Utf8.GetBytes(html)) };
        outputs.AddRange(Fonts(html, theme, fileName));
        return outputs;
    }

    /// <summary>Every font file the page's CSS refers to, subset to the page's characters. Hinting is dropped:
    /// browsers rasterise web fonts without it, and it is most of a Hangul face's bytes.</summary>
    private static IEnumerable<(string RelativePath, byte[] Bytes)> Fonts(string html, Theme theme, string page)
    {
        var references = FontUrl().Matches(html).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (references.Count == 0) yield break;
        var codepoints = new SortedSet<int>(AlwaysKept);
        foreach (var rune in DecodeCharacterReferences(html).EnumerateRunes()) codepoints.Add(rune.Value);
        foreach (var path in references)
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            var source = SourceExtensions.Select(e => Path.Combine(theme.FontsDirectory, stem + e)).FirstOrDefault(File.Exists)
                ?? throw new BriefException(page, 0, 0, $"the page's CSS uses font '{path}' but {DisplayPath.Of(Path.Combine(theme.FontsDirectory, stem + ".ttf"))} does not exist; add the font to templates/fonts/ or fix the template");
            yield return (path, Woff2Writer.Write(FontSubsetter.SubsetUnicodes(FontLibrary.Shared.Get(source), codepoints, dropHinting: true)));
        }
    }

    /// <summary>The font files a web font may be cut from, in the order they are looked for.</summary>
    private static readonly string[] SourceExtensions = [".ttf", ".otf"];

    /// <summary>The page's text with character references decoded, so "&amp;#x2014;" counts as "—".</summary>
    private static string DecodeCharacterReferences(string html) => System.Net.WebUtility.HtmlDecode(html);

    private static IEnumerable<(string RelativePath, byte[] Bytes)> Figures(Brief brief)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var figure in brief.AllBlocks.OfType<FigureBlock>())
        {
            var name = Path.GetFileName(figure.ImagePath);
            if (seen.TryGetValue(name, out var other))
            {
                if (other != figure.ImagePath)
                    throw new BriefException(DisplayPath.Of(figure.ImagePath), 0, 0,
                        $"two figures share the file name '{name}' ({DisplayPath.Of(other)}); the web edition puts images beside the page, so rename one");
                continue;
            }
            seen[name] = figure.ImagePath;
            yield return (name, File.ReadAllBytes(figure.ImagePath));
        }
    }

    [GeneratedRegex("""url\(\s*["']?(?<path>fonts/(?:[A-Za-z0-9_.-]+/)*[A-Za-z0-9_.-]+\.woff2)["']?\s*\)""")]
    private static partial Regex FontUrl();
}
