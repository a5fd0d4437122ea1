using System.Globalization;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// Walks the body of a draft into sections and blocks: headings by their style and bookmark,
/// paragraphs, lists rebuilt from numbering levels, quotes, figures with their caption and credit,
/// tables; the cover and the end matter are left to the metadata.
/// </summary>
internal sealed class DraftBlockReader
{
    private readonly MainDocumentPart _main;
    private readonly StyleRoles _styles;
    private readonly NumberingLookup _numbering;
    private readonly InlineReader _inlines;
    private readonly DraftChanges _changes;
    private readonly DraftNames _names;
    private readonly ImportTarget _target;
    private readonly string _file;
    private readonly List<string> _notices;
    private readonly List<NewImage> _newImages;

    private readonly List<DraftSection> _sections = [];
    private DraftSection _section;
    private List<DraftBlock> _blocks = [];
    private readonly List<ListBuilder> _lists = [];
    private List<DraftBlock>? _quote;
    private bool _listsInQuote;
    private List<DraftBlock>? _itemQuote;
    private int _paragraph;
    private int _headings;

    public DraftBlockReader(MainDocumentPart main, StyleRoles styles, InlineReader inlines, DraftChanges changes, DraftNames names,
        ImportTarget target, string file, List<string> notices, List<NewImage> newImages)
    {
        _main = main;
        _styles = styles;
        _numbering = new NumberingLookup(main);
        _inlines = inlines;
        _changes = changes;
        _names = names;
        _target = target;
        _file = file;
        _notices = notices;
        _newImages = newImages;
        _section = new DraftSection(MarkdownBodyReader.IntroductionId, 0, null, Spot(), []);
    }

    /// <summary>The cover's and end matter's paragraphs by theme style, in order, for the metadata.</summary>
    public List<(string Style, string Text)> Matter { get; } = [];

    public List<DraftSection> Read(IEnumerable<OpenXmlElement> body)
    {
        var elements = Flatten(body).ToList();
        var endmatter = false;
        var contents = new ContentsSkipper();
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is Table table)
            {
                var indented = table.GetFirstChild<TableProperties>()?.TableIndentation?.Width?.Value > 0;
                AddBlock(ReadTable(table), indented);
                continue;
            }
            if (elements[i] is not Paragraph paragraph) continue;
            // The table of contents is the writer's, made from the headings: never content.
            if (contents.Skip(paragraph, _styles.Of(paragraph))) continue;
            _paragraph++;
            _changes.Block = $"section '{_section.Id}', paragraph {_paragraph}";
            var style = _styles.Of(paragraph);
            if (paragraph.ParagraphProperties?.ParagraphPropertiesChange is { } pChange) _changes.Add(pChange, "formatting", paragraph.InnerText);
            endmatter |= style is "endmatter-heading" or "endmatter";
            if (endmatter || style is "title" or "subtitle" or "series" or "meta" or "author" or "affiliation")
            {
                Matter.Add((style ?? "", Inlines.PlainText(_inlines.Read(paragraph))));
                continue;
            }
            if (style == "caption" && i + 1 < elements.Count && elements[i + 1] is Table captioned)
            {
                var indented = captioned.GetFirstChild<TableProperties>()?.TableIndentation?.Width?.Value > 0;
                var (captionText, label) = (CaptionReader.Text(paragraph, _inlines), CaptionReader.Label(paragraph));
                // The number alone is the writer's for a table with no caption of its own.
                AddBlock(captionText.Count == 0 && label is null ? ReadTable(captioned) : ReadTable(captioned) with { Caption = captionText, Label = label }, indented);
                i++;
                continue;
            }
            if (paragraph.Descendants<A.Blip>().FirstOrDefault() is { } blip)
            {
                var inItem = Indented(paragraph);
                var caption = i + 1 < elements.Count && elements[i + 1] is Paragraph c && _styles.Of(c) == "caption" ? c : null;
                if (caption is not null) i++;
                var credit = i + 1 < elements.Count && elements[i + 1] is Paragraph s && _styles.Of(s) == "credit" ? s : null;
                if (credit is not null) i++;
                AddBlock(ReadFigure(paragraph, blip, caption, credit), inItem);
                continue;
            }
            var inlines = _inlines.Read(paragraph);
            // A deleted paragraph mark, accepted: the paragraph runs on into the next one.
            if (paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<Deleted>() is { } mark
                && i + 1 < elements.Count && elements[i + 1] is Paragraph next)
            {
                _changes.Add(mark, "paragraph join", Inlines.PlainText(inlines));
                next.PrependChild(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
                foreach (var run in paragraph.ChildElements.Where(e => e is not ParagraphProperties).Reverse().ToList())
                    next.PrependChild(run.CloneNode(true));
                continue;
            }
            if (style is { } heading && WordStyles.HeadingLevel(heading) is { } level)
            {
                Close();
                StartSection(paragraph, level, inlines);
                continue;
            }
            if (inlines.Count == 0) continue; // rules, spacers and the closing empty paragraph
            if (style is null)
                _notices.Add($"{_file}: paragraph {_paragraph} is in style '{paragraph.ParagraphProperties?.ParagraphStyleId?.Val}', which is not one of the brief's; read as a paragraph");
            Place(paragraph, style, new DraftParagraph(Spot(), inlines));
        }
        Close();
        _sections.Add(_section with { Blocks = _blocks });
        return _sections.Where(s => s.Level > 0 || s.Blocks.Count > 0 || _sections.Count == 1).ToList();
    }

    /// <summary>
    /// Puts a paragraph where the writer's marks say it belongs: a numbered paragraph starts a list item;
    /// one indented to a list's text, without a number, goes on in the item above; a list inside a quote
    /// has the quote's style; a quote inside a list item is indented as the item's text.
    /// </summary>
    private void Place(Paragraph paragraph, string? style, DraftParagraph block)
    {
        var mark = _numbering.Of(paragraph);
        var numbered = mark is { Hidden: false };
        var indented = Indented(paragraph);
        var itemQuote = _itemQuote;
        _itemQuote = null;
        // The writer's bookmark on a quote's first paragraph: a new quote starts here, even right after another.
        if (style == "quote" && StartsQuote(paragraph))
        {
            itemQuote = null;
            if (_quote is not null && !(_lists.Count > 0 && !_listsInQuote)) { CloseLists(); _quote = null; }
        }
        if (style == "quote" && (numbered || (_listsInQuote && _lists.Count > 0 && (indented || mark is not null))))
        {
            if (!_listsInQuote)
            {
                CloseLists();
                if (_quote is null) _blocks.Add(new DraftQuote(Spot(), _quote = []));
                _listsInQuote = true;
            }
            ListParagraph(numbered ? mark : null, block);
            return;
        }
        if (style == "quote" && indented && _lists.Count > 0 && !_listsInQuote)
        {
            if (itemQuote is null) _lists[^1].Items[^1].Add(new DraftQuote(Spot(), itemQuote = []));
            itemQuote.Add(block);
            _itemQuote = itemQuote;
            return;
        }
        if (numbered || (_lists.Count > 0 && (style == "list" || mark is not null)))
        {
            // A numbered list paragraph not in the quote's style is a list after the quote.
            if (_listsInQuote && numbered && style != "quote") Close();
            if (_lists.Count == 0 && !_listsInQuote) _quote = null;
            ListParagraph(numbered ? mark : null, block);
            return;
        }
        CloseLists();
        if (style == "quote")
        {
            if (_quote is null) _blocks.Add(new DraftQuote(Spot(), _quote = []));
            _quote.Add(block);
            return;
        }
        _quote = null;
        _blocks.Add(block);
    }

    /// <summary>A table or figure: in the list item above when the writer indented it to the item's text, else after the list.</summary>
    private void AddBlock(DraftBlock block, bool indented)
    {
        _itemQuote = null;
        if (indented && _lists.Count > 0 && !_listsInQuote)
        {
            _lists[^1].Items[^1].Add(block);
            return;
        }
        Close();
        _blocks.Add(block);
    }

    private static bool StartsQuote(Paragraph paragraph) =>
        paragraph.Elements<BookmarkStart>().Any(b => b.Name?.Value is { Length: > 0 } n && !n.StartsWith('_') && !DraftNames.IsNote(n));

    /// <summary>A left indent set on the paragraph itself, as the writer sets it on list items' further blocks.</summary>
    private static bool Indented(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.Indentation is { } ind
        && int.TryParse(ind.Left?.Value ?? ind.Start?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && left > 0;

    /// <summary>Block-level wrappers (content controls, custom XML) are read through.</summary>
    private static IEnumerable<OpenXmlElement> Flatten(IEnumerable<OpenXmlElement> elements)
    {
        foreach (var element in elements)
        {
            if (element is Paragraph or Table) yield return element;
            else if (element is SdtBlock sdt && sdt.SdtContentBlock is { } content) foreach (var e in Flatten(content.ChildElements)) yield return e;
            else if (element is CustomXmlBlock or InsertedRun) foreach (var e in Flatten(element.ChildElements)) yield return e;
        }
    }

    private void StartSection(Paragraph paragraph, int level, List<Inline> inlines)
    {
        _headings++;
        _sections.Add(_section with { Blocks = _blocks });
        _blocks = [];
        var bookmark = paragraph.Descendants<BookmarkStart>().Select(b => b.Name?.Value ?? "")
            .FirstOrDefault(n => n.Length > 0 && !n.StartsWith('_') && !DraftNames.IsNote(n));
        string id;
        if (bookmark is not null) id = _names.Heading(bookmark);
        else
        {
            var used = _sections.Select(s => s.Id).ToHashSet();
            var byPosition = _headings <= _target.HeadingIds.Count ? _target.HeadingIds[_headings - 1] : null;
            id = byPosition is not null && !used.Contains(byPosition) ? byPosition : $"section-{_headings}";
            _notices.Add($"{_file}: heading {_headings} \"{Inlines.PlainText(inlines)}\" (paragraph {_paragraph}) has lost its bookmark; "
                + (byPosition == id ? $"matched by position to {{#{id}}}" : $"given the new id {{#{id}}}"));
        }
        _section = new DraftSection(id, level, inlines, Spot(), []);
    }

    // ---------------------------------------------------------------- lists

    private sealed class ListBuilder(ListMark mark, List<DraftBlock> parent)
    {
        public ListMark Mark { get; set; } = mark;
        public List<DraftBlock> Parent { get; } = parent;
        public List<List<DraftBlock>> Items { get; } = [];
        public int Index { get; set; } = -1;
    }

    private void ListParagraph(ListMark? mark, DraftParagraph paragraph)
    {
        if (mark is null)
        {
            // Text of the item above, without a number of its own.
            _lists[^1].Items[^1].Add(paragraph);
            return;
        }
        var level = Math.Min(mark.Level, _lists.Count);
        while (_lists.Count > level + 1) PopList();
        if (_lists.Count == level + 1)
        {
            var top = _lists[^1];
            var sameList = top.Mark.Ordered == mark.Ordered && top.Mark.AbstractId == mark.AbstractId
                && (mark.Restart is null || mark.NumId == top.Mark.NumId);
            if (!sameList) PopList();
            else top.Mark = mark;
        }
        if (_lists.Count == level)
        {
            var parent = _lists.Count > 0 ? _lists[^1].Items[^1] : _listsInQuote ? _quote! : _blocks;
            var builder = new ListBuilder(mark, parent);
            builder.Index = parent.Count;
            parent.Add(null!); // the list's place, filled when it closes
            _lists.Add(builder);
        }
        _lists[^1].Items.Add([paragraph]);
    }

    private void PopList()
    {
        var list = _lists[^1];
        _lists.RemoveAt(_lists.Count - 1);
        list.Parent[list.Index] = new DraftList(Spot(), list.Mark.Ordered, list.Mark.Ordered ? FirstStart(list) : 1,
            list.Items.Select(blocks => new DraftListItem(Spot(), blocks)).ToList());
    }

    private static int FirstStart(ListBuilder list) => list.Mark.Restart ?? list.Mark.Start;

    private void CloseLists()
    {
        while (_lists.Count > 0) PopList();
        _listsInQuote = false;
    }

    private void Close()
    {
        CloseLists();
        _quote = null;
        _itemQuote = null;
    }

    // ---------------------------------------------------------------- figures and tables

    private DraftFigure ReadFigure(Paragraph paragraph, A.Blip blip, Paragraph? caption, Paragraph? credit)
    {
        var alt = paragraph.Descendants<DW.DocProperties>().FirstOrDefault()?.Description?.Value ?? "";
        var name = paragraph.Descendants<PIC.NonVisualDrawingProperties>().FirstOrDefault()?.Name?.Value ?? "";
        var path = "";
        if (blip.Embed?.Value is { } rel && _main.GetPartById(rel) is ImagePart image)
        {
            using var stream = image.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            path = ImagePath(copy.ToArray(), name, image.ContentType);
        }
        else _notices.Add($"{_file}: figure at paragraph {_paragraph} has no image in the package");
        return new DraftFigure(Spot(), path, alt, caption is null ? [] : CaptionReader.Text(caption, _inlines),
            credit is null ? "" : Inlines.PlainText(_inlines.Read(credit))) { Label = CaptionReader.Label(paragraph) };
    }

    /// <summary>The brief's PNG with the same bytes (the one named as in the draft first); otherwise a new file, the bytes as stored.</summary>
    private string ImagePath(byte[] bytes, string name, string contentType)
    {
        if (contentType != "image/png")
            throw new DraftException($"{_file}: the figure at paragraph {_paragraph} is {contentType}, not PNG; save the image as PNG and insert it again");
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        var same = Directory.Exists(_target.BriefDirectory)
            ? Directory.GetFiles(_target.BriefDirectory, "*.png", SearchOption.AllDirectories)
                .Where(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) == hash)
                .OrderBy(f => Path.GetFileName(f) == name ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault()
            : null;
        // A language's own image (chart.ko.png) is the figure the Markdown names as chart.png.
        if (same is not null && Path.GetFileNameWithoutExtension(same).EndsWith("." + _target.Lang, StringComparison.Ordinal))
        {
            var named = Path.Combine(Path.GetDirectoryName(same)!, Path.GetFileNameWithoutExtension(same)[..^(_target.Lang.Length + 1)] + Path.GetExtension(same));
            if (File.Exists(named)) return named;
        }
        if (same is not null) return same;
        var fileName = Path.GetFileName(name);
        if (fileName.Length == 0 || !fileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || fileName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            || File.Exists(Path.Combine(_target.BriefDirectory, fileName)) || _newImages.Any(n => n.FileName == fileName))
            fileName = $"figure-{_paragraph.ToString(CultureInfo.InvariantCulture)}.png";
        _newImages.Add(new NewImage(fileName, bytes));
        return Path.Combine(_target.BriefDirectory, fileName);
    }

    private DraftTable ReadTable(Table table)
    {
        var rows = new List<DraftRow>();
        var columns = new List<ColumnAlign>();
        foreach (var tr in table.Elements<TableRow>())
        {
            var header = tr.TableRowProperties?.GetFirstChild<TableHeader>() is { } th && IsOn(th.Val?.InnerText);
            var cells = new List<IReadOnlyList<Inline>>();
            foreach (var tc in tr.Elements<TableCell>())
            {
                var paragraphs = tc.Elements<Paragraph>().ToList();
                var inlines = new List<Inline>();
                foreach (var p in paragraphs)
                {
                    var read = _inlines.Read(p);
                    if (inlines.Count > 0 && read.Count > 0) inlines.Add(new TextInline(" "));
                    inlines.AddRange(read);
                }
                cells.Add(inlines);
                if (rows.Count == 0) columns.Add(Align(paragraphs.FirstOrDefault()?.ParagraphProperties?.Justification?.Val?.InnerText));
            }
            rows.Add(new DraftRow(header || rows.Count == 0, cells));
        }
        return new DraftTable(Spot(), columns, rows);
    }

    /// <summary>An on/off attribute as Word ("on", "1") or LibreOffice ("true") writes it; absent is on.</summary>
    internal static bool IsOn(string? value) => value is null or "" or "on" or "1" or "true";

    private static ColumnAlign Align(string? jc) => jc switch
    {
        "left" or "start" => ColumnAlign.Left,
        "right" or "end" => ColumnAlign.Right,
        "center" => ColumnAlign.Center,
        _ => ColumnAlign.Default,
    };

    private SourceSpot Spot() => new(_file, _paragraph, 1);
}
