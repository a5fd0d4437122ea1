using System.Text.Json.Nodes;
using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Html.Browser;

/// <summary>
/// Every page of the published site (each edition and both index pages), plus the example brief's
/// editions that the site leaves out, opened in Debian's headless Chromium through puppeteer-core at a
/// desktop and a phone width: axe-core finds no violation, nothing reaches past the right edge, and the
/// page logs no error (console, CSP, failed request, font that did not load). One browser opens all
/// pages once (<see cref="BrowserRun"/>); screenshots are kept in TestResults/browser/ to look at.
/// </summary>
public sealed class BrowserTests(BrowserRun run) : IClassFixture<BrowserRun>
{
    public static IEnumerable<object[]> PagesAndWidths() =>
        BrowserRun.Pages().SelectMany(page => BrowserRun.Widths.Select(width => new object[] { page, width }));

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public void Axe_core_finds_no_violation(string page, int width)
    {
        var result = run.Result(page, width);
        Assert.True((int)result["rulesPassed"]! > 20, $"axe-core checked only {result["rulesPassed"]} rules on {page}");
        var violations = result["violations"]!.AsArray();
        Assert.True(violations.Count == 0, $"{page} at {width} px:\n" + string.Join("\n", violations.Select(v =>
            $"{v!["id"]} ({v["impact"]}): {v["help"]}\n  " + string.Join("\n  ", v["nodes"]!.AsArray().Select(n => (string)n!)))));
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public void Nothing_reaches_past_the_right_edge(string page, int width)
    {
        var overflow = run.Result(page, width)["overflow"]!;
        Assert.Equal(width, (int)overflow["clientWidth"]!);
        Assert.True((int)overflow["scrollWidth"]! <= width && overflow["offenders"]!.AsArray().Count == 0,
            $"{page} at {width} px scrolls sideways ({overflow["scrollWidth"]} px wide): " + string.Join(", ", overflow["offenders"]!.AsArray().Select(o => (string)o!)));
    }

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public void The_page_loads_its_fonts_and_logs_no_error(string page, int width)
    {
        var result = run.Result(page, width);
        var problems = result["problems"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.True(problems.Count == 0, $"{page} at {width} px:\n" + string.Join("\n", problems));
        // The body text is drawn with the page's own web font (the first of its stack), not a fallback.
        var body = (string)result["bodyFamily"]!;
        Assert.Contains($"{body} 400 normal", result["fontsLoaded"]!.AsArray().Select(f => (string)f!));
    }

    public static IEnumerable<object[]> KoreanPagesAndWidths() => PagesAndWidths().Where(p => ((string)p[0]).EndsWith(".ko.html", StringComparison.Ordinal) && !((string)p[0]).EndsWith("index.ko.html", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(KoreanPagesAndWidths))]
    public void Chromium_keeps_every_Korean_word_unit_on_one_line(string page, int width)
    {
        // Issue #11's KLREQ rule for the web edition, as far as CSS allows (word-break: keep-all): the
        // PDF's check (KoreanLineBreakTests) read back from the browser's line boxes.
        var eojeol = run.Result(page, width)["eojeol"]!;
        Assert.True((int)eojeol["checked"]! > 100, $"{page} at {width} px: only {eojeol["checked"]} 어절 checked");
        var split = eojeol["split"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.True(split.Count == 0, $"{page} at {width} px breaks inside: " + string.Join(", ", split));
    }

    [Fact]
    public void Chromium_sets_code_at_its_face_s_size_correction()
    {
        // The theme's size correction (scale:) reaches the page as the code face's size-adjust: a monospaced
        // face's text is as wide as its letters' advance, times the font size, times that correction.
        foreach (var lang in Repository.Brief(Repository.FeatureTour).Languages)
        {
            var face = Repository.Theme.Face(Repository.Theme.CodeFontRole, Asan.Briefs.Theming.Script.Latin, false, false, lang);
            var font = Asan.Briefs.Fonts.FontLibrary.Shared.Get(face.Path);
            var advance = font.Font.GetHorizontalGlyphAdvance(font.GlyphFor('a')) / (double)font.UnitsPerEm;
            var page = $"{Repository.FeatureTour}/{EditionTemplates.FileName(Repository.FeatureTour, lang, "html")}";
            var spans = run.Result(page, BrowserRun.Widths[0])["code"]!.AsArray()
                .Select(c => ((string)c!["text"]!, (double)c["width"]!, (double)c["size"]!)).Where(c => !c.Item1.Contains(' ')).ToList();
            Assert.NotEmpty(spans);
            foreach (var (text, width, size) in spans)
            {
                var scale = width / (text.Length * advance * size);
                Assert.True(Math.Abs(scale - face.Scale) < 0.01, $"{page}: '{text}' is set at {scale:0.000} of its size; the theme gives {face.Scale}");
            }
        }
    }

    [Fact]
    public void Every_page_of_the_site_fetches_one_shared_copy_of_each_Latin_face()
    {
        var sitePages = BrowserRun.Pages().Where(p => p.StartsWith(Site.Folder + "/", StringComparison.Ordinal)).ToList();
        // Korean pages set their Latin in the lighter faces that sit with Hangul (theme.yaml languages.ko.fonts).
        foreach (var korean in new[] { false, true })
        {
            var pages = sitePages.Where(p => p.EndsWith(".ko.html", StringComparison.Ordinal) == korean).ToList();
            var fonts = pages.SelectMany(p => run.Result(p, BrowserRun.Widths[0])["fetched"]!.AsArray())
                .Where(d => (string)d!["kind"]! == "font").Select(d => (string)d!["url"]!).ToList();
            foreach (var face in new[] { "serif", "sans" }.Select(r => Path.GetFileNameWithoutExtension(Repository.Theme.Face(r, Asan.Briefs.Theming.Script.Latin, false, false, korean ? "ko" : "en").Path)))
            {
                var urls = fonts.Where(u => u.Contains("/fonts/" + face + ".", StringComparison.Ordinal)).ToList();
                Assert.Equal(pages.Count, urls.Count);
                Assert.Single(urls.Distinct());
            }
        }
    }

    [Fact]
    public void An_English_page_fetches_no_Hangul_face_but_the_few_glyphs_of_its_link_to_the_Korean_edition()
    {
        var hangul = Repository.Theme.FontRoles
            .SelectMany(r => new[] { false, true }.Select(b => Path.GetFileNameWithoutExtension(Repository.Theme.Face(r, Asan.Briefs.Theming.Script.Hangul, b, false).Path)))
            .ToHashSet();
        List<(string Url, int Bytes)> HangulFetched(string page) => run.Result(page, BrowserRun.Widths[0])["fetched"]!.AsArray()
            .Where(d => (string)d!["kind"]! == "font" && hangul.Any(h => ((string)d["url"]!).Contains("/fonts/" + h + ".", StringComparison.Ordinal)))
            .Select(d => ((string)d!["url"]!, (int)d["bytes"]!)).ToList();
        var english = BrowserRun.Pages().Where(p => p.EndsWith(".en.html", StringComparison.Ordinal) || p.EndsWith("index.html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(english);
        foreach (var page in english)
        {
            // The only Hangul an English page draws is the name of the Korean edition, 한국어, in the sans face.
            var fetched = HangulFetched(page);
            Assert.True(fetched.Count <= 1 && fetched.Sum(f => f.Bytes) < 2048,
                $"{page} fetches Hangul faces: " + string.Join(", ", fetched.Select(f => $"{f.Url} ({f.Bytes} B)")));
        }
        // A Korean page fetches its Hangul faces: the check above can fail.
        Assert.Contains(BrowserRun.Pages().Where(p => p.EndsWith(".ko.html", StringComparison.Ordinal)), p => HangulFetched(p).Sum(f => f.Bytes) > 10_000);
    }

    [Fact]
    public void Every_page_of_the_published_site_is_checked()
    {
        var published = Directory.EnumerateFiles(run.SiteDirectory, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.ArtifactsDirectory, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(published, BrowserRun.Pages().Where(p => p.StartsWith(Site.Folder + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}

/// <summary>Publishes the site into a temporary folder and opens every page once in one browser.</summary>
public sealed class BrowserRun : IDisposable
{
    public static readonly int[] Widths = [1280, 390];

    private readonly Lazy<JsonArray> _results;

    public BrowserRun()
    {
        ArtifactsDirectory = Path.Combine(Path.GetTempPath(), "asan-briefs-browser-" + Guid.NewGuid().ToString("N"));
        _results = new Lazy<JsonArray>(Open);
    }

    public string ArtifactsDirectory { get; }
    public string SiteDirectory => Path.Combine(ArtifactsDirectory, Site.Folder);
    public static string Screenshots => Path.Combine(Repository.Root, "TestResults", "browser");

    /// <summary>Pages relative to artifacts/: the site's index pages and editions, and the example brief's editions.</summary>
    public static IEnumerable<string> Pages()
    {
        var briefs = Repository.BriefIds.Select(Repository.Brief).ToList();
        foreach (var lang in EditionTemplates.SiteLanguages(briefs.Where(b => !b.Metadata.Example).ToList()))
            yield return $"{Site.Folder}/{EditionTemplates.IndexFileName(lang)}";
        foreach (var brief in briefs)
        foreach (var lang in brief.Languages)
            yield return (brief.Metadata.Example ? "" : Site.Folder + "/") + $"{brief.Id}/{EditionTemplates.FileName(brief.Id, lang, "html")}";
    }

    public JsonNode Result(string page, int width) =>
        _results.Value.Single(r => (string)r!["page"]! == page && (int)r["width"]! == width)!;

    private JsonArray Open()
    {
        PublishCommand.Run(Workspace.At(Repository.Root) with { ArtifactsDirectory = ArtifactsDirectory },
            new BuildOptions([], OutputFormat.All, [], Force: false), new TestConsole());
        var modules = ExternalTool.BrowserModules();
        var script = Path.Combine(Repository.Root, "tests", "Asan.Briefs.Tests", "Html", "Browser", "browser-check.mjs");
        if (Directory.Exists(Screenshots)) Directory.Delete(Screenshots, recursive: true);
        var pages = string.Join(" ", Pages().Select(p => $"\"{p}\""));
        ExternalTool.Run("node", $"\"{script}\" \"{modules}\" \"{ExternalTool.Chromium}\" \"{ArtifactsDirectory}\" \"{Screenshots}\" {string.Join(",", Widths)} {pages}");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(Screenshots, "results.json")))!.AsArray();
    }

    public void Dispose()
    {
        if (Directory.Exists(ArtifactsDirectory)) Directory.Delete(ArtifactsDirectory, recursive: true);
    }
}
