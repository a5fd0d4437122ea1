using System.Globalization;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Templating;

/// <summary>
/// Renders a brief's editions through the templates: the HTML page and the print markup per language,
/// and the index of all briefs. Every template sees the same globals (templates/README.md).
/// </summary>
public sealed class EditionTemplates
{
    public const string HtmlPage = "html/page.sbn";
    public const string HtmlIndex = "html/index.sbn";
    public const string PrintDocument = "print/document.sbn";

    private readonly TemplateLabels _labels;

    /// <param name="labels">The labels and site.yaml of the engine's folder, when already being read; else read on first use.</param>
    public EditionTemplates(TemplateEngine engine, Theme theme, BuildStamp stamp, TemplateLabels? labels = null)
    {
        Engine = engine;
        Theme = theme;
        Stamp = stamp;
        _labels = labels ?? new TemplateLabels(engine.Directory);
    }

    /// <summary>templates/site.yaml, read on first use.</summary>
    public SiteSettings Site => _labels.Site;

    public TemplateEngine Engine { get; }
    public Theme Theme { get; }
    public BuildStamp Stamp { get; }

    /// <summary>
    /// What the templates need of a brief that its reader cannot know: labels for each of its languages
    /// (templates/i18n/&lt;lang&gt;.yaml) and a label for its series in each. Problems are at their brief.yaml line.
    /// </summary>
    public IReadOnlyList<Diagnostic> Problems(Brief brief)
    {
        var yaml = Path.Combine(brief.Directory, "brief.yaml");
        var display = DisplayPath.Of(yaml);
        var positions = new YamlPositions(File.ReadAllText(yaml));
        Diagnostic At((int Line, int Column) at, string message) => new(display, at.Line, at.Column, message);
        var problems = new List<Diagnostic>();
        for (var i = 0; i < brief.Languages.Count; i++)
        {
            var lang = brief.Languages[i];
            if (!File.Exists(Path.Combine(Engine.Directory, "i18n", lang + ".yaml")))
            {
                problems.Add(At(positions.Of("languages", i.ToString(CultureInfo.InvariantCulture)),
                    $"no labels for language '{lang}' in templates/i18n/; add {lang}.yaml there (copy en.yaml and translate it) or remove the language"));
                continue;
            }
            try
            {
                if (I18n(lang).Values["series"] is not Scriban.Runtime.ScriptObject series || !series.ContainsKey(brief.Metadata.Series))
                    problems.Add(At(positions.Of("series"),
                        $"series '{brief.Metadata.Series}' has no label in templates/i18n/{lang}.yaml; add it under series: there or use one of its series"));
            }
            catch (BriefException e) { problems.AddRange(e.Diagnostics); }
        }
        return problems;
    }

    public I18n I18n(string lang) => _labels.I18n(lang);

    /// <summary>Output file name of an edition: &lt;brief-id&gt;.&lt;lang&gt;.&lt;ext&gt;.</summary>
    public static string FileName(string briefId, string lang, string extension) => $"{briefId}.{lang}.{extension}";

    public BriefView View(Brief brief, string lang)
    {
        var editions = brief.Languages.Select(l => new EditionView(
            l, I18n(l).LanguageName,
            FileName(brief.Id, l, "html"), FileName(brief.Id, l, "pdf"), FileName(brief.Id, l, "docx"),
            l == lang)).ToList();
        return BriefViewBuilder.Build(brief, lang, I18n(lang), editions);
    }

    public string RenderHtml(Brief brief, string lang) => Engine.Render(HtmlPage, EditionGlobals(brief, lang));

    public string RenderPrintMarkup(Brief brief, string lang) => Engine.Render(PrintDocument, EditionGlobals(brief, lang));

    /// <summary>The globals of one edition: the brief's view and what the edition gets (its contents).</summary>
    private Dictionary<string, object?> EditionGlobals(Brief brief, string lang)
    {
        var globals = Globals(View(brief, lang), lang);
        globals["edition"] = new EditionInfo(TableOfContents.For(brief, lang, Theme.File.Contents));
        return globals;
    }

    /// <summary>The site's files beside the briefs, each from its template in templates/site/:
    /// robots.txt, sitemap.xml, an Atom feed per language and favicon.svg.</summary>
    public static readonly string[] SiteTemplates = ["site/robots.txt.sbn", "site/sitemap.xml.sbn", "site/feed.atom.sbn", "site/favicon.svg.sbn"];

    /// <summary>The site's icon at its root, which every page links.</summary>
    public const string FaviconFileName = "favicon.svg";

    /// <summary>The languages of the site, the first of them the default: every language of a brief,
    /// the site's default language (<paramref name="first"/>) first, then by tag.</summary>
    public static IReadOnlyList<string> SiteLanguages(IReadOnlyList<Brief> briefs, string first = "en") =>
        [first, .. briefs.SelectMany(b => b.Languages).Where(l => l != first).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>index.html for the site's first language, index.&lt;lang&gt;.html for the others;
    /// feed.&lt;lang&gt;.atom for every language.</summary>
    public static string IndexFileName(string lang, string first = "en") => lang == first ? "index.html" : $"index.{lang}.html";

    public static string FeedFileName(string lang) => $"feed.{lang}.atom";

    /// <summary>The index page listing every published brief, in one language of the site.</summary>
    public string RenderIndex(IReadOnlyList<Brief> briefs, string lang) => RenderIndex(new SiteViews(this, briefs), lang);

    public string RenderIndex(SiteViews site, string lang) => Engine.Render(HtmlIndex, SiteGlobals(site, lang));

    /// <summary>One of <see cref="SiteTemplates"/>, in <paramref name="lang"/> (which only the feed uses).</summary>
    public string RenderSiteFile(string template, IReadOnlyList<Brief> briefs, string lang) => RenderSiteFile(template, new SiteViews(this, briefs), lang);

    public string RenderSiteFile(string template, SiteViews site, string lang) => Engine.Render(template, SiteGlobals(site, lang));

    private Dictionary<string, object?> SiteGlobals(SiteViews site, string lang)
    {
        var briefs = site.Briefs;
        var globals = Globals(null, lang);
        globals["briefs"] = briefs.Select(b => site.View(b, b.Languages.Contains(lang) ? lang : b.Languages[0])).ToList();
        globals["views"] = briefs.Select(b => b.Languages.Select(l => site.View(b, l)).ToList()).ToList();
        globals["languages"] = SiteLanguages(briefs).Select(l => new Dictionary<string, object?>
        {
            ["lang"] = l, ["language_name"] = I18n(l).LanguageName, ["index"] = IndexFileName(l), ["feed"] = FeedFileName(l),
            ["title"] = (I18n(l).Values["labels"] as Scriban.Runtime.ScriptObject)?["index_title"], ["current"] = l == lang,
        }).ToList();
        // The feed's last update: the newest brief's date (or SOURCE_DATE_EPOCH), never the clock.
        globals["updated"] = briefs.Count == 0 ? Stamp.Modified(null) : briefs.Select(b => Stamp.Modified(site.View(b, b.Languages[0]))).Max(StringComparer.Ordinal);
        return globals;
    }

    private Dictionary<string, object?> Globals(BriefView? view, string lang) => new()
    {
        ["brief"] = view,
        ["lang"] = lang,
        ["site"] = Site.Values(),
        ["i18n"] = I18n(lang).Values,
        ["theme"] = Theme.File,
        ["styles"] = Theme.StyleNames.ToDictionary(n => n, n => Theme.Style(n, lang)),
        ["fonts"] = FontFaceViews(lang),
        // Each role's families, Latin first, so each character run takes the face of its script.
        ["font_stacks"] = Theme.FontRoles.ToDictionary(r => r, r => new[] { Script.Latin, Script.Hangul }.Select(s => Theme.Face(r, s, false, false, lang).Family).Distinct().ToList()),
        ["code_font"] = Theme.CodeFontRole,
        ["word_spacing"] = WordSpacing(lang),
        ["created"] = Stamp.Created(view),
        ["modified"] = Stamp.Modified(view),
        ["generator"] = BuildStamp.Generator,
    };

    /// <summary>
    /// CSS word-spacing (em) of the body text in <paramref name="lang"/>: the theme's justify.word_space
    /// against the space of the face a browser sets it in (the stack's first, the Latin one); 0 when the
    /// theme sets none or that space is no wider. CSS has no capped spacing between letters that only
    /// justification may take, so the HTML leaves the syllables' spacing to the browser.
    /// </summary>
    private double WordSpacing(string lang)
    {
        if (Theme.Justification(lang).WordSpace is not { } wordSpace) return 0;
        var face = Theme.Face(Theme.Style("body", lang).FontRole, Script.Latin, false, false, lang);
        var font = Fonts.FontLibrary.Shared.Get(face.Path);
        var space = font.Font.GetHorizontalGlyphAdvance(font.GlyphFor(' ')) / (double)font.UnitsPerEm;
        return Math.Round(Math.Min(0, wordSpace - space), 3);
    }

    /// <summary>Every face of every role and script in <paramref name="lang"/>, for @font-face rules and Word font tables.</summary>
    private List<FontFaceView> FontFaceViews(string lang)
    {
        var faces = new List<FontFaceView>();
        foreach (var role in Theme.FontRoles)
        foreach (var script in new[] { Script.Latin, Script.Hangul })
        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var face = Theme.Face(role, script, bold, italic, lang);
            if (face.SynthesizeItalic && italic) continue;
            // Named by the role's family, the one its font stacks name: Hangul emphasis is another role's
            // upright face declared as this family's italic, so the browser never slants Hangul itself.
            var family = Theme.Face(role, script, false, false, lang).Family;
            if (faces.Any(f => f.Family == family && f.Bold == bold && f.Italic == italic)) continue;
            faces.Add(new FontFaceView(role, script.ToString().ToLowerInvariant(), family, face.Path, Path.GetFileName(face.Path), bold, italic,
                face.Scale == 1 ? null : (face.Scale * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"));
        }
        return faces;
    }
}

/// <summary>One @font-face; <see cref="SizeAdjust"/> is the theme's size correction as CSS writes it ("90%"), or null.</summary>
public sealed record FontFaceView(string Role, string Script, string Family, string Path, string File, bool Bold, bool Italic, string? SizeAdjust);

/// <summary>
/// Dates written into outputs: from the content (the brief's date), or SOURCE_DATE_EPOCH for the
/// modification date when it is set; never the clock, so builds are reproducible.
/// </summary>
public sealed record BuildStamp(DateTimeOffset? SourceDateEpoch)
{
    public const string Generator = "Asan Briefs pipeline";

    public static BuildStamp FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return new BuildStamp(long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null);
    }

    public string Created(BriefView? view) => Format(view is null ? SourceDateEpoch ?? DateTimeOffset.UnixEpoch : Published(view));

    public string Modified(BriefView? view) => Format(SourceDateEpoch ?? (view is null ? DateTimeOffset.UnixEpoch : Published(view)));

    private static DateTimeOffset Published(BriefView view) =>
        new(DateTime.ParseExact(view.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
