using Asan.Briefs.Diagnostics;
using Asan.Briefs.Images;
using Asan.Briefs.Links;
using Asan.Briefs.Model;
using Markdig;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using MdInlines = Markdig.Syntax.Inlines;

namespace Asan.Briefs.Reading;

/// <summary>Reads one language's body.&lt;lang&gt;.md into a <see cref="DraftBody"/>, refusing what the format does not allow.</summary>
public sealed partial class MarkdownBodyReader
{
    public const string IntroductionId = "introduction";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFootnotes()
        .UsePipeTables()
        .UseFigures()
        .UseGenericAttributes()
        .Build();

    private readonly string _briefDirectory;
    private readonly string _lang;
    private readonly string _file;
    private readonly List<Diagnostic> _problems;
    private readonly List<string> _referenceOrder = [];
    private readonly List<(string Anchor, SourceSpot Spot)> _internalLinks = [];
    private readonly ContentLimits _limits;
    // The character before the text being read in this paragraph, for smart quotes (see SmartPunctuation).
    private char _before = ' ';
    private readonly bool _smart;
    private string _markdown = "";
    private int _listDepth, _quoteDepth;
    private SourcePositions _source = new("");

    private MarkdownBodyReader(string briefDirectory, string lang, string file, List<Diagnostic> problems, ContentLimits limits, bool smart)
    {
        _smart = smart;
        _limits = limits;
        _briefDirectory = briefDirectory;
        _lang = lang;
        _file = file;
        _problems = problems;
    }

    /// <param name="smartPunctuation">Whether straight quotes, -- and ... are made typographic (brief.yaml's smart_punctuation).</param>
    public static DraftBody Read(string briefDirectory, string lang, string path, List<Diagnostic> problems, List<Diagnostic>? warnings = null, ContentLimits? limits = null,
        List<(string File, string Text)>? sources = null, bool smartPunctuation = true)
    {
        var display = DisplayPath.Of(path);
        var markdown = YamlFile.ReadText(path, display, warnings);
        sources?.Add((display, markdown));
        return new MarkdownBodyReader(briefDirectory, lang, display, problems, limits ?? ContentLimits.Default, smartPunctuation).ReadBody(markdown);
    }

    private DraftBody ReadBody(string markdown)
    {
        _source = new SourcePositions(markdown);
        _markdown = markdown;
        var document = Markdown.Parse(markdown, Pipeline);
        var sections = new List<DraftSection>();
        var footnotes = new List<DraftFootnote>();
        var current = new DraftSection(IntroductionId, 0, null, Spot(document), []);
        var blocks = new List<DraftBlock>();

        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    if (blocks.Count > 0 || current.Level > 0) sections.Add(current with { Blocks = AttachCaptions(blocks) });
                    blocks = [];
                    var id = heading.GetAttributes().Id;
                    if (string.IsNullOrEmpty(id))
                    {
                        Problem(heading, "heading has no id; end the line with one, the same in every language, e.g. `# Title {#my-section}`");
                        id = $"heading-line-{heading.Line + 1}";
                    }
                    if (heading.Level > 3) Problem(heading, $"heading level {heading.Level} is too deep; use #, ## or ###");
                    current = new DraftSection(id, Math.Min(heading.Level, 3), ReadInlines(heading.Inline), Spot(heading), []);
                    break;
                case FootnoteGroup group:
                    foreach (var note in group.OfType<Markdig.Extensions.Footnotes.Footnote>())
                        footnotes.Add(new DraftFootnote(Label(note.Label), Spot(note), note.OfType<Markdig.Syntax.ParagraphBlock>().Select(p => ReadInlines(p.Inline)).ToList()));
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                default:
                    if (ReadBlock(block) is { } draft) blocks.Add(draft);
                    break;
            }
        }
        if (blocks.Count > 0 || current.Level > 0 || sections.Count == 0) sections.Add(current with { Blocks = AttachCaptions(blocks) });
        // Markdig drops a note that nothing cites from the document's notes; its definition is still known.
        var kept = footnotes.Select(f => f.Label).ToHashSet();
        foreach (var definition in document.GetLinkReferenceDefinitions(addGroup: false).Links.Values.OfType<FootnoteLinkReferenceDefinition>()
                     .Where(d => !kept.Contains(Label(d.Footnote.Label))).OrderBy(d => d.Footnote.Line))
            Problem(definition.Footnote, $"note [^{Label(definition.Footnote.Label)}] is never cited; cite it with [^{Label(definition.Footnote.Label)}] in the text or remove it");
        return new DraftBody(_lang, _file, sections, footnotes, _referenceOrder) { InternalLinks = _internalLinks, References = _references };
    }

    private DraftBlock? ReadBlock(Markdig.Syntax.Block block)
    {
        switch (block)
        {
            case Markdig.Syntax.ParagraphBlock paragraph:
                return ReadParagraph(paragraph);
            case Markdig.Syntax.ListBlock list:
                var start = 1;
                if (list.IsOrdered && list.OrderedStart is { } s && !int.TryParse(s, out start)) start = 1;
                // Only the outermost list too deep is reported: the ones inside it are part of the same problem.
                if (++_listDepth == _limits.ListDepth + 1)
                    Problem(list, $"this list is nested {_listDepth} levels deep; the theme allows {_limits.ListDepth} (limits.list_depth in templates/theme.yaml); flatten it");
                try
                {
                    return new DraftList(Spot(list), list.IsOrdered, start,
                        list.OfType<ListItemBlock>().Select(item => new DraftListItem(Spot(item), ReadBlocks(item))).ToList());
                }
                finally { _listDepth--; }
            case Markdig.Syntax.QuoteBlock quote:
                if (++_quoteDepth == _limits.QuoteDepth + 1)
                    Problem(quote, $"this quote is nested {_quoteDepth} levels deep; the theme allows {_limits.QuoteDepth} (limits.quote_depth in templates/theme.yaml); flatten it");
                try { return new DraftQuote(Spot(quote), ReadBlocks(quote)); }
                finally { _quoteDepth--; }
            case Figure figure:
                return ReadFigure(figure);
            case Table table:
                return ReadTable(table);
            case HtmlBlock:
                Problem(block, "raw HTML is not allowed in content; write it in Markdown (see content/README.md)");
                return null;
            case CodeBlock:
                Problem(block, "code blocks are not part of the brief format; indent by fewer than 4 spaces or remove the fence");
                return null;
            case ThematicBreakBlock:
                Problem(block, "horizontal rules are not part of the brief format; start a new section with a heading instead");
                return null;
            case HeadingBlock:
                Problem(block, "headings cannot be nested in lists or quotes; move the heading to the start of a line");
                return null;
            default:
                Problem(block, $"unknown block ({block.GetType().Name}); use paragraphs, lists, quotes, tables or figures");
                return null;
        }
    }

    private List<DraftBlock> ReadBlocks(ContainerBlock container) =>
        AttachCaptions(container.Select(ReadBlock).OfType<DraftBlock>().ToList());

    private DraftBlock? ReadFigure(Figure figure)
    {
        var image = figure.OfType<Markdig.Syntax.ParagraphBlock>()
            .SelectMany(p => p.Inline?.Descendants<MdInlines.LinkInline>() ?? [])
            .FirstOrDefault(l => l.IsImage);
        var caption = figure.OfType<FigureCaption>().FirstOrDefault();
        if (image is null)
        {
            Problem(figure, "figure has no image; put `![alt text](image.png \"Source: …\")` between the ^^^ lines");
            return null;
        }
        var path = ImagePath(image);
        // The alt text and the credit are running text too; an escaped character in the alt text stays as typed.
        _before = ' ';
        var alt = string.Concat(image.Descendants<MdInlines.LiteralInline>().Select(l => l.IsFirstCharacterEscaped && l.Content.Length > 0
            ? l.Content.ToString()[0] + Smart(l.Content.ToString()[1..], l.Content.ToString()[0])
            : Smart(l.Content.ToString())));
        if (string.IsNullOrWhiteSpace(alt)) Problem(image, "image has no alt text; describe the image between ![ and ]");
        var credit = Credit(image);
        return new DraftFigure(Spot(figure), path ?? "", alt, caption is null ? [] : ReadInlines(caption.Inline), credit,
            path is null ? null : LanguageImage(image, path)) { Label = FigureLabel(image) };
    }

    /// <summary>
    /// The figure's source line (the image's title) as running text: made typographic, except for a
    /// character the author escaped in the file (\"), read from the title's own source span.
    /// </summary>
    private string Credit(MdInlines.LinkInline image)
    {
        _before = ' ';
        var title = image.Title ?? "";
        var span = image.TitleSpan;
        if (!_smart || span.IsEmpty || span.End >= _markdown.Length) return Smart(title);
        // The span holds the title with its delimiters ("…", '…' or (…)).
        var raw = _markdown.AsSpan(span.Start, span.Length);
        if (raw.Length >= 2 && raw[0] is '"' or '\'' or '(') raw = raw[1..^1];
        if (raw.IndexOf('\\') < 0 || raw.IndexOf('&') >= 0) return Smart(title); // no escape, or an entity Markdig decoded
        var text = new System.Text.StringBuilder(title.Length);
        var run = new System.Text.StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            // CommonMark escapes any ASCII punctuation character.
            if (raw[i] == '\\' && i + 1 < raw.Length && char.IsAscii(raw[i + 1]) && (char.IsPunctuation(raw[i + 1]) || char.IsSymbol(raw[i + 1])))
            {
                text.Append(Smart(run.ToString())).Append(Verbatim(raw[i + 1].ToString()));
                run.Clear();
                i++;
            }
            else run.Append(raw[i]);
        }
        return text.Append(Smart(run.ToString())).ToString();
    }

    /// <summary>This language's own image beside the one the Markdown names (<see cref="FigureBlock.LanguageVariant"/>), checked as the image is; null when there is none.</summary>
    private string? LanguageImage(MdInlines.LinkInline image, string path)
    {
        var variant = FigureBlock.LanguageVariant(path, _lang);
        if (!File.Exists(variant)) return null;
        return IsSoundPng(image, variant, $"'{Path.GetFileName(variant)}' (the {_lang} edition's own)") ? variant : null;
    }

    /// <summary>Whether an image file inside the brief may be read (a regular file, no link out) and is a
    /// sound PNG within the theme's limits; otherwise a problem at the image, naming it by <paramref name="label"/>.</summary>
    private bool IsSoundPng(MdInlines.LinkInline image, string full, string label)
    {
        if (BriefFiles.Problem(_briefDirectory, full) is { } unsafeFile)
        {
            Problem(image, $"image {label} {unsafeFile}");
            return false;
        }
        if (!full.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            Problem(image, $"image {label} is not a PNG; save it as .png");
            return false;
        }
        try { PngImage.Read(full, _limits.ImagePixels); }
        catch (BriefException e)
        {
            Problem(image, $"image {label}: {e.Diagnostics[0].Message}");
            return false;
        }
        return true;
    }

    private string? ImagePath(MdInlines.LinkInline image)
    {
        var url = image.Url ?? "";
        if (url.Contains(':', StringComparison.Ordinal) || url.StartsWith('/'))
        {
            Problem(image, $"image '{url}' is not a path inside the brief's folder; copy the image into {DisplayPath.Of(_briefDirectory)} and refer to it by name");
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(_briefDirectory, url));
        var root = Path.GetFullPath(_briefDirectory) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            Problem(image, $"image '{url}' is outside the brief's folder; copy it into {DisplayPath.Of(_briefDirectory)}");
            return null;
        }
        if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
        {
            Problem(image, $"image '{url}' does not exist in {DisplayPath.Of(_briefDirectory)}; add the file or fix the name");
            return null;
        }
        return IsSoundPng(image, full, $"'{url}'") ? full : null;
    }

    private DraftTable ReadTable(Table table)
    {
        var columns = table.ColumnDefinitions.Select(c => c.Alignment switch
        {
            TableColumnAlign.Left => ColumnAlign.Left,
            TableColumnAlign.Center => ColumnAlign.Center,
            TableColumnAlign.Right => ColumnAlign.Right,
            _ => ColumnAlign.Default,
        }).ToList();
        var rows = table.OfType<Markdig.Extensions.Tables.TableRow>().Select(row => new DraftRow(
            row.IsHeader,
            row.OfType<TableCell>().Select(cell => (IReadOnlyList<Inline>)cell.OfType<Markdig.Syntax.ParagraphBlock>()
                .SelectMany(p => ReadInlines(p.Inline)).ToList()).ToList())).ToList();
        if (rows.Count == 0 || !rows[0].IsHeader)
            Problem(table, "table has no header row; write the column names in the first row, then a |---| line");
        return new DraftTable(Spot(table), columns, rows);
    }

    private List<Inline> ReadInlines(MdInlines.ContainerInline? container)
    {
        var inlines = new List<Inline>();
        if (container is null) return inlines;
        if (container.Parent is null) _before = ' ';
        var literals = new Dictionary<Inline, MdInlines.LiteralInline>(ReferenceEqualityComparer.Instance);
        foreach (var inline in container)
        {
            switch (inline)
            {
                case MdInlines.LiteralInline { IsFirstCharacterEscaped: true } escaped:
                    // An escaped character (\" \' \-) is what the author typed, never made typographic.
                    var literalText = escaped.Content.ToString();
                    AddText(inlines, literalText.Length == 0 ? "" : literalText[0] + Smart(literalText[1..], literalText[0]));
                    break;
                case MdInlines.LiteralInline literal:
                    AddText(inlines, Smart(literal.Content.ToString()));
                    literals[inlines[^1]] = literal;
                    break;
                case MdInlines.HtmlEntityInline entity:
                    AddText(inlines, Verbatim(entity.Transcoded.ToString()));
                    break;
                case MdInlines.CodeInline code:
                    inlines.Add(new Model.CodeInline(Verbatim(code.Content)));
                    break;
                case MdInlines.LineBreakInline lineBreak:
                    _before = ' ';
                    if (lineBreak.IsHard) inlines.Add(new LineBreakInline());
                    else AddText(inlines, " ");
                    break;
                case MdInlines.EmphasisInline emphasis:
                    var children = ReadInlines(emphasis);
                    inlines.Add(emphasis.DelimiterCount >= 2 ? new StrongInline(children) : new EmphasisInline(children));
                    break;
                case MdInlines.AutolinkInline autolink:
                    if (CheckUrl(autolink, autolink.Url) is { } target) inlines.Add(new Model.LinkInline(target, [new TextInline(Verbatim(autolink.Url))]));
                    else AddText(inlines, Verbatim(autolink.Url));
                    break;
                case MdInlines.LinkInline { IsImage: true } image:
                    Problem(image, "images go in figures; put the image between ^^^ lines on its own (see content/README.md)");
                    break;
                case MdInlines.LinkInline link:
                    var text = ReadInlines(link);
                    if (CheckUrl(link, link.Url ?? "") is { } href) inlines.Add(new Model.LinkInline(href, text));
                    else inlines.AddRange(text);
                    break;
                case FootnoteLink { IsBackLink: false } note:
                    var label = Label(note.Footnote.Label);
                    if (!_referenceOrder.Contains(label)) _referenceOrder.Add(label);
                    inlines.Add(new NoteReferenceInline(label));
                    _before = '1';
                    break;
                case MdInlines.HtmlInline html:
                    Problem(html, $"raw HTML `{html.Tag}` is not allowed in content; use Markdown, or write `&lt;` for a literal <");
                    break;
                case MdInlines.ContainerInline other:
                    inlines.AddRange(ReadInlines(other));
                    break;
            }
        }
        return JoinText(inlines, literals);
    }

    private static void AddText(List<Inline> inlines, string text) => inlines.Add(new TextInline(text));

    /// <summary>Running text with smart punctuation (<see cref="SmartPunctuation"/>), after <paramref name="first"/> when one is given.</summary>
    private string Smart(string text, char? first = null)
    {
        if (first is { } c) _before = c;
        if (!_smart) return Verbatim(text);
        return SmartPunctuation.Apply(text, ref _before);
    }

    /// <summary>Text kept as written (code, addresses, entities); it is still the context of the quotes after it.</summary>
    private string Verbatim(string text)
    {
        if (text.Length > 0) _before = text[^1];
        return text;
    }

    /// <summary>
    /// Joins neighbouring text into one run, once at the end: joining as each piece arrives copied the
    /// whole run every time, quadratic in the length of a paragraph (Markdig gives a piece per line).
    /// Each run is checked for note citations left as text, located by the literal they came from.
    /// </summary>
    private List<Inline> JoinText(List<Inline> inlines, Dictionary<Inline, MdInlines.LiteralInline> literals)
    {
        var joined = new List<Inline>(inlines.Count);
        System.Text.StringBuilder? run = null;
        var pieces = new List<(int Offset, MdInlines.LiteralInline? Literal)>();
        foreach (var inline in inlines)
        {
            if (inline is TextInline text)
            {
                run ??= new System.Text.StringBuilder();
                pieces.Add((run.Length, literals.GetValueOrDefault(inline)));
                run.Append(text.Text);
                continue;
            }
            Flush();
            joined.Add(inline);
        }
        Flush();
        return joined;

        void Flush()
        {
            if (run is null) return;
            var text = run.ToString();
            ReportUndefinedNotes(text, pieces);
            AddWithReferences(joined, text, pieces);
            run = null;
            pieces.Clear();
        }
    }

    /// <summary>
    /// Markdig leaves a citation of a note that no definition has as plain text; each one is reported
    /// with its label where it stands. Text from inline code or character references is not a citation.
    /// </summary>
    private void ReportUndefinedNotes(string text, List<(int Offset, MdInlines.LiteralInline? Literal)> pieces)
    {
        var piece = 0;
        for (var at = text.IndexOf("[^", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[^", at + 2, StringComparison.Ordinal))
        {
            while (piece + 1 < pieces.Count && pieces[piece + 1].Offset <= at) piece++;
            var (offset, literal) = pieces[piece];
            if (literal is null) continue;
            // A bracket Markdig gave back as text keeps its source span but not its line and column.
            var (line, column) = _source.Position(literal.Span.Start + at - offset);
            var end = text.IndexOfAny([']', ' ', '\t', '\n'], at + 2);
            var label = text[(at + 2)..(end < 0 ? text.Length : end)];
            _problems.Add(new Diagnostic(_file, line, column,
                $"note [^{label}] is cited but has no definition; add `[^{label}]: note text` at the end of the file, or fix the label"));
        }
    }

    /// <summary>The link's target as a browser reads it (see <see cref="LinkRule"/>), or null after reporting why it is refused.</summary>
    private string? CheckUrl(MdInlines.Inline where, string url)
    {
        var target = LinkRule.Normalise(url, allowRelative: false, out var problem);
        if (target is null) Problem(where, $"link '{Excerpt(Visible(url))}': {problem}");
        else if (target.StartsWith('#'))
        {
            var (line, column) = _source.Position(where.Span.Start);
            _internalLinks.Add((target[1..], new SourceSpot(_file, line, column)));
        }
        return target;
    }

    /// <summary>Control characters shown as code points, so a message never carries a tab or NUL to the terminal.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));

    private static string Label(string? label) => (label ?? "").TrimStart('^');

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private SourceSpot Spot(Markdig.Syntax.Block block) => new(_file, block.Line + 1, block.Column + 1);

    private void Problem(Markdig.Syntax.Block block, string message) => _problems.Add(new Diagnostic(_file, block.Line + 1, block.Column + 1, message));

    private void Problem(MdInlines.Inline inline, string message) => _problems.Add(new Diagnostic(_file, inline.Line + 1, inline.Column + 1, message));
}
