using Asan.Briefs.Diagnostics;
using Asan.Briefs.Docx;
using Asan.Briefs.Fonts;
using Asan.Briefs.Html;
using Asan.Briefs.Model;
using Asan.Briefs.Pdf;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// The pipeline: content → model → templates → writers. Readers and templates are checked first;
/// every output is rendered in memory, and only a build without errors writes to artifacts/.
/// </summary>
public sealed class Publisher
{
    private readonly Workspace _workspace;
    private readonly Lazy<PrintMarkupReader> _markupReader;
    private readonly Lazy<FontCoverage> _coverage;
    // One engine per process: the PDF engine caches shaped words and set paragraphs across editions.
    private readonly PdfWriter _pdf;
    // The Word drafts name the theme's fonts without embedding them (see DocxWriter and
    // templates/fonts/README.md for why).
    private readonly DocxWriter _docx = new();
    // The templates parsed and the labels read, with their problems; see the constructor.
    private readonly Ahead<IReadOnlyList<Diagnostic>> _htmlParsed;
    private readonly Ahead<IReadOnlyList<Diagnostic>> _printParsed;
    private readonly Ahead<List<Diagnostic>> _textsRead;

    public Publisher(Workspace workspace, BuildStamp stamp)
    {
        _workspace = workspace;
        var engine = new TemplateEngine(workspace.TemplatesDirectory);
        var labels = new TemplateLabels(workspace.TemplatesDirectory);
        // Parsing the templates and reading the labels and site.yaml need no theme: they run on the other
        // cores while this one reads the theme, instead of after it, and CheckTemplates reports what they found.
        // Three pieces, so that this thread, done with the theme, takes one no pool thread has begun.
        _htmlParsed = new Ahead<IReadOnlyList<Diagnostic>>(() => engine.Check("html"));
        _printParsed = new Ahead<IReadOnlyList<Diagnostic>>(() => engine.Check("print"));
        _textsRead = new Ahead<List<Diagnostic>>(() => ReadTexts(engine, labels));
        Theme = ThemeLoader.Load(workspace.TemplatesDirectory);
        Templates = new EditionTemplates(engine, Theme, stamp, labels);
        _pdf = new PdfWriter(theme => new TextLayouter(theme, hyphenation: lang => Templates.I18n(lang).Hyphenator));
        _coverage = new Lazy<FontCoverage>(() => new FontCoverage(Theme, FontLibrary.Shared));
        _markupReader = new Lazy<PrintMarkupReader>(() => new PrintMarkupReader(workspace.SchemaPath, Theme));
    }

    public Theme Theme { get; }

    /// <summary>How many of an edition's formats render at once (1: one after another, as on one core).</summary>
    public int FormatParallelism { get; set; } = Environment.ProcessorCount;
    public EditionTemplates Templates { get; }
    public Workspace Workspace => _workspace;

    /// <summary>
    /// Starts building Scriban's built-in functions (through reflection, once per process) on another
    /// core, for a build to call first of all: it then overlaps reading the theme, which a
    /// <see cref="Publisher"/> does before anything else, instead of following it.
    /// </summary>
    public static void PrepareTemplatesInBackground() => Task.Run(TemplateEngine.Prepare);

    /// <summary>
    /// Starts the rest of the one-time start-up of rendering (reading the theme's fonts, parsing the
    /// hyphenation patterns) on another core, for a build to call before it reads the content; in a
    /// cold build the editions would otherwise wait for it. A failure here is left for the real use to report.
    /// </summary>
    public void WarmUpInBackground() => Task.Run(() =>
    {
        // First what reading the briefs needs (the faces that check the content's characters), then the rest.
        _ = _coverage.Value;
        foreach (var font in Theme.FontFiles().Where(File.Exists)) FontLibrary.Shared.Get(font);
        foreach (var lang in I18nLanguages)
            _ = Templates.I18n(lang).Hyphenator;
    });

    /// <summary>Reads every brief (or those named), gathering every problem of every brief before failing.</summary>
    public IReadOnlyList<Brief> ReadBriefs(IReadOnlyCollection<string>? only = null)
    {
        var folders = BriefReader.FindBriefs(_workspace.ContentDirectory);
        if (only is { Count: > 0 })
        {
            var unknown = only.Where(id => folders.All(f => Path.GetFileName(f) != id)).ToList();
            if (unknown.Count > 0)
                throw new BriefException(unknown.Select(id => new Diagnostic(DisplayPath.Of(_workspace.ContentDirectory), 0, 0,
                    $"no brief '{id}'; briefs here: {string.Join(", ", folders.Select(Path.GetFileName))}")).ToList());
            folders = folders.Where(f => only.Contains(Path.GetFileName(f))).ToList();
        }
        if (folders.Count == 0)
            throw new BriefException(DisplayPath.Of(_workspace.ContentDirectory), 0, 0, "no briefs found; each brief is a folder with a brief.yaml (see content/README.md)");
        // On every core: reading and checking the briefs came before any rendering began, one brief
        // after another. Results keep the folders' order, so the problems are reported in that order too.
        var read = new (Brief? Brief, IReadOnlyList<Diagnostic>? Problems)[folders.Count];
        Parallel.For(0, folders.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                var brief = BriefReader.Read(folders[i], Theme.Limits, _coverage.Value.Problems);
                var found = Templates.Problems(brief).ToList();
                read[i] = found.Count == 0 ? (brief, null) : (null, found);
            }
            catch (BriefException e) { read[i] = (null, e.Diagnostics); }
        });
        var problems = read.SelectMany(r => r.Problems ?? []).ToList();
        if (problems.Count > 0) throw new BriefException(problems);
        return read.Select(r => r.Brief!).ToList();
    }

    /// <summary>The languages templates/i18n/ has labels for.</summary>
    private IEnumerable<string> I18nLanguages => LabelLanguages(_workspace.TemplatesDirectory);

    private static IEnumerable<string> LabelLanguages(string templatesDirectory) =>
        new[] { "en", "ko" }.Where(l => File.Exists(Path.Combine(templatesDirectory, "i18n", l + ".yaml")));

    /// <summary>Checks every template parses; content checks happen in <see cref="ReadBriefs"/>.</summary>
    public void CheckTemplates()
    {
        // Asked for in the reverse of the order they were queued in: when this thread waits for one a pool
        // thread is working out, the pool has begun those queued before it, so none waits unbegun meanwhile.
        var texts = _textsRead.Value;
        var print = _printParsed.Value;
        var html = _htmlParsed.Value;
        // In the order they were always reported: the templates, their literal colours, then site.yaml and the labels.
        var problems = html.Concat(print).Concat(PrintTemplateColors.Problems(_workspace.TemplatesDirectory, Theme)).Concat(texts).ToList();
        if (problems.Count > 0) throw new BriefException(problems);
    }

    /// <summary>
    /// Parses the site's templates (the engine keeps them) and reads the labels and site.yaml: with the
    /// html and print templates, all that <see cref="CheckTemplates"/> checks but the literal colours, which need the theme.
    /// </summary>
    private static List<Diagnostic> ReadTexts(TemplateEngine engine, TemplateLabels labels)
    {
        var texts = new List<Diagnostic>();
        texts.AddRange(engine.Check("site"));
        try { _ = labels.Site; }
        catch (BriefException e) { texts.AddRange(e.Diagnostics); }
        foreach (var lang in LabelLanguages(engine.Directory))
        {
            try { labels.I18n(lang); }
            catch (BriefException e) { texts.AddRange(e.Diagnostics); }
        }
        return texts;
    }

    /// <summary>The print markup of one edition, parsed and checked against the schema.</summary>
    public PrintDocument PrintDocument(Brief brief, string lang) =>
        _markupReader.Value.Parse(Templates.RenderPrintMarkup(brief, lang), DisplayPath.Of(Path.Combine(_workspace.TemplatesDirectory, EditionTemplates.PrintDocument)));

    /// <summary>
    /// Renders one edition of one brief into files relative to artifacts/. Its parts render side by
    /// side (see <see cref="AddEdition"/>): each engine's start-up (Skia, the Open XML SDK, HarfBuzz's
    /// subsetter) then overlaps the others' instead of adding to them, which is most of a cold build.
    /// </summary>
    public IReadOnlyList<OutputFile> Render(Brief brief, string lang, OutputFormat format)
    {
        var work = new WorkList();
        var edition = AddEdition(work, brief, lang, format);
        work.Run(FormatParallelism);
        return edition.Files;
    }

    /// <summary>
    /// Adds the parts of one edition to <paramref name="work"/>: the print markup resolved (styles,
    /// figure images, links); the PDF layout from it, and the web and the print file from that one
    /// layout; the DOCX from the resolved document; the HTML page, its fonts cut by as many pieces as
    /// there are threads (see <see cref="WebPage"/>), and its files. Each part is ranked by where it lies on
    /// the longest chain (resolve, layout, the PDF files), so that chain starts first and the short
    /// parts fill the other cores. <paramref name="made"/> gets each file as soon as its part made it.
    /// </summary>
    public RenderedEdition AddEdition(WorkList work, Brief brief, string lang, OutputFormat format, Action<OutputFile>? made = null)
    {
        string Path(string extension) => $"{brief.Id}/{EditionTemplates.FileName(brief.Id, lang, extension)}";
        var edition = new RenderedEdition();
        OutputFile Made(OutputFile file)
        {
            made?.Invoke(file);
            return file;
        }
        var parts = new List<WorkList.Piece>();
        if ((format & (OutputFormat.Pdf | OutputFormat.Print | OutputFormat.Docx)) != 0)
        {
            ResolvedDocument? document = null;
            LaidOutDocument? pages = null;
            var resolve = work.Add(0, () => document = ResolvedDocument.Resolve(PrintDocument(brief, lang), Theme));
            parts.Add(resolve);
            if ((format & (OutputFormat.Pdf | OutputFormat.Print)) != 0)
            {
                var layout = work.Add(1, () => pages = _pdf.Layout(document!), resolve);
                parts.Add(layout);
                if (format.HasFlag(OutputFormat.Pdf))
                    parts.Add(work.Add(2, () => edition.Pdf = Made(new OutputFile(Path("pdf"), _pdf.Write(pages!, document!, PdfKind.Web))), layout));
                if (format.HasFlag(OutputFormat.Print))
                    parts.Add(work.Add(2, () => edition.Print = Made(new OutputFile(Path("print.pdf"), _pdf.Write(pages!, document!, PdfKind.Print))), layout));
            }
            if (format.HasFlag(OutputFormat.Docx))
                parts.Add(work.Add(3, () => edition.Docx = Made(new OutputFile(Path("docx"), _docx.Write(document!))), resolve));
        }
        if (format.HasFlag(OutputFormat.Html))
        {
            WebPage? page = null;
            var render = work.Add(4, () => page = HtmlEditionWriter.Prepare(brief, lang, Templates.RenderHtml(brief, lang), Theme));
            // The page's fonts are most of the HTML's time, and the HTML ends the build: one piece per thread takes
            // the next font to cut, so the cores share them instead of one cutting a Korean page's fonts alone.
            var cuts = Enumerable.Range(0, Math.Max(1, FormatParallelism)).Select(_ => work.Add(4, () => page!.CutFonts(), render)).ToList();
            parts.Add(render);
            parts.AddRange(cuts);
            parts.Add(work.Add(4, () => edition.Html = page!.Files().Select(f => Made(new OutputFile(f.RelativePath, f.Bytes))).ToList(), cuts));
        }
        edition.Parts = parts;
        return edition;
    }

    /// <summary>The site's own files, listing the briefs that are not examples: an index page per
    /// language with its fonts, robots.txt, sitemap.xml, an Atom feed per language and the favicon.</summary>
    public IReadOnlyList<OutputFile> RenderIndex(IReadOnlyList<Brief> briefs)
    {
        var published = new SiteViews(Templates, briefs.Where(b => !b.Metadata.Example).ToList());
        var files = new List<OutputFile>();
        foreach (var lang in EditionTemplates.SiteLanguages(published.Briefs))
            files.AddRange(HtmlEditionWriter.WriteIndex(Templates.RenderIndex(published, lang), Theme, EditionTemplates.IndexFileName(lang), lang)
                .Select(f => new OutputFile(f.RelativePath, f.Bytes)));
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        files.Add(new OutputFile("robots.txt", utf8.GetBytes(Templates.RenderSiteFile(EditionTemplates.SiteTemplates[0], published, "en"))));
        files.Add(new OutputFile("sitemap.xml", utf8.GetBytes(Templates.RenderSiteFile(EditionTemplates.SiteTemplates[1], published, "en"))));
        foreach (var lang in EditionTemplates.SiteLanguages(published.Briefs))
            files.Add(new OutputFile(EditionTemplates.FeedFileName(lang), utf8.GetBytes(Templates.RenderSiteFile(EditionTemplates.SiteTemplates[2], published, lang))));
        files.Add(new OutputFile(EditionTemplates.FaviconFileName, utf8.GetBytes(Templates.RenderSiteFile(EditionTemplates.SiteTemplates[3], published, "en"))));
        return files;
    }
}

/// <summary>The files of one edition, filled in by its parts (<see cref="Publisher.AddEdition"/>) as they finish.</summary>
public sealed class RenderedEdition
{
    internal IReadOnlyList<OutputFile> Html { get; set; } = [];
    internal OutputFile? Pdf { get; set; }
    internal OutputFile? Print { get; set; }
    internal OutputFile? Docx { get; set; }

    /// <summary>The pieces of work that make the files: the edition is done when they are.</summary>
    public IReadOnlyList<WorkList.Piece> Parts { get; internal set; } = [];

    /// <summary>Every file, in a fixed order: the page and its fonts and figures, the PDF, the print PDF, the DOCX.</summary>
    public IReadOnlyList<OutputFile> Files => Html.Concat(new[] { Pdf, Print, Docx }.OfType<OutputFile>()).ToList();
}
