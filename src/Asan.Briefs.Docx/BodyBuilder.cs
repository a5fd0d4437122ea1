using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Asan.Briefs.Docx;

/// <summary>
/// Turns the flow, notes and running content of a <see cref="PrintDocument"/> into WordprocessingML:
/// paragraphs that reference styles, numbered lists, native footnotes, tables, inline pictures,
/// hyperlinks and bookmarks. Formatting beyond the styles appears only where the markup asks for it.
/// </summary>
internal sealed class BodyBuilder
{
    private const long EmuPerPoint = 12700;
    private const int MaxListLevels = 3;

    private readonly PrintDocument _document;
    private readonly Theme _theme;
    private readonly MainDocumentPart _main;
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<Footnote> _footnotes = [];
    private readonly Dictionary<OpenXmlPart, Dictionary<string, string>> _links = new();
    private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bookmarkNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedBookmarkNames = new(StringComparer.Ordinal);
    private readonly Numbering _numbering = new();
    private readonly Dictionary<(bool Ordered, string Pattern), int> _abstractNums = new();
    private readonly Dictionary<int, int> _sharedNums = new();
    private readonly List<NumberingInstance> _nums = [];
    private int _bookmarkId;
    private int _drawingId;
    private bool _pageBreakPending;
    private double? _spaceBeforePending;
    private readonly string? _latinLanguage;

    public BodyBuilder(PrintDocument document, Theme theme, MainDocumentPart main)
    {
        _document = document;
        _theme = theme;
        _main = main;
        _latinLanguage = LanguageTags.For(document.Lang).IsKorean ? "en-US" : null;
    }

    /// <summary>The characters set in each font role, weight and slant, for embedding font subsets.</summary>
    public Dictionary<(string Role, bool Bold, bool Italic), SortedSet<int>> FontUsage { get; } = new();

    private void Use(ParagraphStyle style, bool bold, bool italic, string text)
    {
        var key = (style.FontRole, style.Bold || bold, style.Italic || italic);
        if (!FontUsage.TryGetValue(key, out var set)) FontUsage[key] = set = [];
        foreach (var rune in text.EnumerateRunes()) set.Add(rune.Value);
    }

    /// <summary>Word style ids the document references, for checks and tests.</summary>
    public HashSet<string> UsedStyles { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Footnote> Footnotes => _footnotes;

    public bool HasNumbering => _nums.Count > 0;

    private double ContentWidth => _document.Page.ContentWidth;

    private sealed record Context(string DefaultStyle, int ListDepth, (int NumId, int Level)? Number, int? ContinuationLevel)
    {
        public static readonly Context Flow = new("body", 0, null, null);
    }

    public Body BuildBody(SectionProperties section)
    {
        Blocks(_document.Blocks, Context.Flow);
        if (_pageBreakPending || _body.Count == 0 || _body[^1] is Table)
            _body.Add(NewParagraph("body", Context.Flow));
        var body = new Body();
        body.Append(_body);
        body.Append(section);
        return body;
    }

    public Numbering BuildNumbering()
    {
        var numbering = _numbering;
        foreach (var num in _nums) numbering.Append(num);
        return numbering;
    }

    // ---------------------------------------------------------------- blocks

    private void Blocks(IReadOnlyList<PrintBlock> blocks, Context ctx)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var here = i == 0 ? ctx : ctx with { Number = null, ContinuationLevel = ctx.Number?.Level ?? ctx.ContinuationLevel };
            Block(blocks[i], here);
        }
    }

    private void Block(PrintBlock block, Context ctx)
    {
        // A list item that opens with something other than text still needs its number on a line.
        if (ctx.Number is not null && block is not (PrintParagraph or PrintHeading))
        {
            _body.Add(NewParagraph(ctx.DefaultStyle, ctx));
            ctx = ctx with { Number = null, ContinuationLevel = ctx.Number.Value.Level };
        }
        switch (block)
        {
            case PrintParagraph p:
                _body.Add(TextParagraph(StyleIn(p, ctx), p.Inlines, ctx, p));
                break;
            case PrintHeading h:
            {
                var paragraph = TextParagraph(h.Style, h.Inlines, ctx, h);
                // A heading left out of the outline keeps its look but not its place in Word's navigation.
                if (!h.Outline) paragraph.ParagraphProperties!.OutlineLevel = new OutlineLevel { Val = 9 };
                _body.Add(paragraph);
                break;
            }
            case PrintList list:
                List(list, ctx);
                break;
            case PrintQuote quote:
                Blocks(quote.Blocks, ctx with { DefaultStyle = quote.Style });
                break;
            case PrintGroup group:
            {
                var first = _body.Count;
                Blocks(group.Blocks, ctx);
                var paragraphs = _body.Skip(first).OfType<Paragraph>().ToList();
                if (group.Id is not null && paragraphs.Count > 0) AddBookmark(paragraphs[0], group.Id);
                if (group.KeepTogether)
                {
                    for (var i = 0; i < paragraphs.Count; i++)
                    {
                        var pPr = paragraphs[i].ParagraphProperties ??= new ParagraphProperties();
                        pPr.KeepLines = new KeepLines();
                        if (i < paragraphs.Count - 1) pPr.KeepNext = new KeepNext();
                    }
                }
                if (group.KeepWithNext && paragraphs.Count > 0)
                    (paragraphs[^1].ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
                break;
            }
            case PrintFigure figure:
                Figure(figure, ctx);
                break;
            case PrintTable table:
                Table(table, ctx);
                break;
            case PrintRule rule:
            {
                // An empty paragraph one rule high whose bottom border is the rule.
                var paragraph = NewParagraph("body", ctx, block);
                var pPr = paragraph.ParagraphProperties!;
                pPr.ParagraphBorders = new ParagraphBorders(new BottomBorder
                {
                    Val = BorderValues.Single, Size = StylesBuilder.Eighths(rule.Thickness), Space = 0, Color = StylesBuilder.Hex(rule.Color),
                });
                pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = Twips(rule.SpaceBefore), After = Twips(rule.SpaceAfter), Line = "20", LineRule = LineSpacingRuleValues.Exact };
                pPr.Indentation = new Indentation { Left = "0", FirstLine = "0" };
                _body.Add(paragraph);
                break;
            }
            case PrintSpacer spacer:
            {
                var paragraph = NewParagraph("body", ctx, block);
                var pPr = paragraph.ParagraphProperties!;
                pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = Twips(Math.Max(spacer.Height, 1)), LineRule = LineSpacingRuleValues.Exact };
                _body.Add(paragraph);
                break;
            }
            case PrintPageBreak:
                _pageBreakPending = true;
                break;
        }
    }

    private string StyleIn(PrintBlock block, Context ctx) =>
        block.Style == "body" && ctx.DefaultStyle != "body" ? ctx.DefaultStyle : block.Style;

    private Paragraph TextParagraph(string style, IReadOnlyList<PrintInline> inlines, Context ctx, PrintBlock block)
    {
        var paragraph = NewParagraph(style, ctx, block);
        paragraph.Append(Inlines(inlines, _main, style));
        if (block.Id is not null) AddBookmark(paragraph, block.Id);
        return paragraph;
    }

    /// <summary>A paragraph in a theme style, with the list number or continuation indent the context asks for.</summary>
    private Paragraph NewParagraph(string themeStyle, Context ctx, PrintBlock? block = null)
    {
        var pPr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleId(themeStyle) } };
        if (block?.KeepWithNext == true) pPr.KeepNext = new KeepNext();
        if (_pageBreakPending)
        {
            pPr.PageBreakBefore = new PageBreakBefore();
            _pageBreakPending = false;
        }
        if (_spaceBeforePending is { } space)
        {
            // The gap below a table, as in the PDF edition: Word has no space after a table of its own.
            var style = _theme.Style(_theme.HasStyle(themeStyle) ? themeStyle : "body", _document.Lang);
            if (style.SpaceBefore < space) pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = Twips(space) };
            _spaceBeforePending = null;
        }
        if (ctx.Number is { } number)
        {
            pPr.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = number.Level },
                new NumberingId { Val = number.NumId });
        }
        else if (ctx.ContinuationLevel is { } level)
        {
            pPr.Indentation = new Indentation { Left = Twips(ListTextIndent(level)), FirstLine = "0" };
        }
        return new Paragraph(pPr);
    }

    private string StyleId(string themeStyle)
    {
        // As in the PDF engine, a style the theme lacks falls back to body.
        var name = _theme.HasStyle(themeStyle) ? themeStyle : "body";
        var id = WordStyles.For(name).Id;
        UsedStyles.Add(id);
        return id;
    }

    // ---------------------------------------------------------------- lists

    private double ListHang => Math.Round(_theme.Style("list", _document.Lang).Size * 1.8);

    private double ListTextIndent(int level) =>
        (_theme.HasStyle("list") ? _theme.Style("list", _document.Lang).IndentLeft : 0) + ListHang * (level + 1);

    private void List(PrintList list, Context ctx)
    {
        var level = Math.Min(ctx.ListDepth, MaxListLevels - 1);
        var numId = NumberingInstance(list, level);
        var first = _body.Count;
        foreach (var item in list.Items)
        {
            var inner = new Context(list.Style, ctx.ListDepth + 1, (numId, level), null);
            if (item.Blocks.Count == 0) _body.Add(NewParagraph(list.Style, inner));
            else Blocks(item.Blocks, inner);
        }
        var paragraphs = _body.Skip(first).OfType<Paragraph>().ToList();
        if (list.Id is not null && paragraphs.Count > 0) AddBookmark(paragraphs[0], list.Id);
        if (list.KeepWithNext && paragraphs.Count > 0)
            (paragraphs[^1].ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
    }

    /// <summary>
    /// One abstract numbering per list kind (and marker pattern); bullet lists share one instance,
    /// each ordered list gets its own so that it restarts at its <see cref="PrintList.Start"/>.
    /// </summary>
    private int NumberingInstance(PrintList list, int level)
    {
        var marker = list.Items.Count > 0 ? list.Items[0].Marker.Trim() : "";
        var pattern = list.Ordered ? OrderedPattern(marker) : (marker.Length is > 0 and <= 2 ? marker : "\u2022");
        if (!_abstractNums.TryGetValue((list.Ordered, pattern), out var abstractId))
        {
            abstractId = _abstractNums.Count;
            _abstractNums[(list.Ordered, pattern)] = abstractId;
            _numbering.Append(AbstractNumbering(abstractId, list.Ordered, pattern));
        }
        if (!list.Ordered && _sharedNums.TryGetValue(abstractId, out var shared)) return shared;
        var numId = _nums.Count + 1;
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId };
        if (list.Ordered)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = list.Start }) { LevelIndex = level });
        else
            _sharedNums[abstractId] = numId;
        _nums.Add(instance);
        return numId;
    }

    /// <summary>"1." → "{0}." and "(1)" → "({0})": the template's marker with the number left open.</summary>
    private static string OrderedPattern(string marker)
    {
        var start = marker.IndexOfAny("0123456789".ToCharArray());
        if (start < 0) return "{0}.";
        var end = start;
        while (end < marker.Length && char.IsAsciiDigit(marker[end])) end++;
        return marker[..start].Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            + "{0}" + marker[end..].Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    private AbstractNum AbstractNumbering(int id, bool ordered, string pattern)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        var listStyle = _theme.Style(_theme.HasStyle("list") ? "list" : "body", _document.Lang);
        var latin = _theme.Face(listStyle.FontRole, Script.Latin, false, false).Family;
        Use(listStyle, false, false, pattern);
        for (var level = 0; level < MaxListLevels; level++)
        {
            var text = ordered ? string.Format(CultureInfo.InvariantCulture, pattern, $"%{level + 1}") : pattern;
            var lvl = new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = ordered ? NumberFormatValues.Decimal : NumberFormatValues.Bullet },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = Twips(ListTextIndent(level)), Hanging = Twips(ListHang) }))
            { LevelIndex = level };
            if (!ordered)
                lvl.Append(new NumberingSymbolRunProperties(new RunFonts { Ascii = latin, HighAnsi = latin, Hint = FontTypeHintValues.Default }));
            abstractNum.Append(lvl);
        }
        return abstractNum;
    }

    // ---------------------------------------------------------------- figures

    private void Figure(PrintFigure figure, Context ctx)
    {
        var relId = Image(figure.Source);
        var (pixelWidth, pixelHeight) = PngSize(figure.Source);
        var width = ContentWidth * Math.Clamp(figure.WidthFraction, 0.05, 1);
        var height = width * pixelHeight / pixelWidth;
        var maxHeight = _document.Page.ContentHeight * 0.7;
        if (height > maxHeight) { width *= maxHeight / height; height = maxHeight; }

        var paragraph = NewParagraph(StyleIn(figure, ctx), ctx, figure);
        var pPr = paragraph.ParagraphProperties!;
        // The picture sits on a line of its own height: exact line spacing would clip it.
        var figureStyle = _theme.Style(_theme.HasStyle(figure.Style) ? figure.Style : "body", _document.Lang);
        pPr.SpacingBetweenLines = new SpacingBetweenLines
        {
            Before = Twips(figureStyle.SpaceBefore), After = Twips(figureStyle.SpaceAfter), Line = "240", LineRule = LineSpacingRuleValues.Auto,
        };
        if (figure.Caption is not null || figure.Credit is not null) pPr.KeepNext = new KeepNext();
        paragraph.Append(new Run(new Drawing(Inline(relId, figure, (long)Math.Round(width * EmuPerPoint), (long)Math.Round(height * EmuPerPoint)))));
        if (figure.Id is not null) AddBookmark(paragraph, figure.Id);
        _body.Add(paragraph);

        var inner = ctx with { Number = null, ContinuationLevel = ctx.Number?.Level ?? ctx.ContinuationLevel };
        if (figure.Caption is { } caption)
        {
            var p = TextParagraph(caption.Style, caption.Inlines, inner, caption);
            if (figure.Credit is not null) (p.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
            _body.Add(p);
        }
        if (figure.Credit is { } credit)
            _body.Add(TextParagraph(credit.Style, credit.Inlines, inner, credit));
    }

    private string Image(string path)
    {
        if (_images.TryGetValue(path, out var id)) return id;
        if (!File.Exists(path))
            throw new BriefException(DisplayPath.Of(path), 0, 0, "figure image not found; check the figure's src in the content");
        id = $"rIdImage{_images.Count + 1}";
        var part = _main.AddImagePart(ImagePartType.Png, id);
        using (var stream = File.OpenRead(path)) part.FeedData(stream);
        _images[path] = id;
        return id;
    }

    private static (double Width, double Height) PngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using (var stream = File.OpenRead(path))
        {
            if (stream.Read(header) < 24 || header[0] != 0x89 || header[1] != (byte)'P' || header[2] != (byte)'N' || header[3] != (byte)'G')
                throw new BriefException(DisplayPath.Of(path), 0, 0, "not a PNG image; figures must be PNG files");
        }
        var w = BinaryPrimitives.ReadUInt32BigEndian(header[16..20]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(header[20..24]);
        if (w == 0 || h == 0) throw new BriefException(DisplayPath.Of(path), 0, 0, "PNG image has no size");
        return (w, h);
    }

    private DW.Inline Inline(string relId, PrintFigure figure, long cx, long cy)
    {
        var id = (uint)++_drawingId;
        var name = $"Figure {id}";
        return new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = Clean(figure.Alt) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = Path.GetFileName(figure.Source), Description = Clean(figure.Alt) },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        };
    }

    // ---------------------------------------------------------------- tables

    private void Table(PrintTable table, Context ctx)
    {
        if (table.Rows.Count == 0) return;
        // Word merges tables that touch; a page break needs a paragraph to sit on.
        if (_pageBreakPending || (_body.Count > 0 && _body[^1] is Table))
            _body.Add(NewParagraph("body", ctx));
        var columns = table.ColumnCount;
        var columnWidth = Length.ToTwips(ContentWidth / columns);
        var hasHeader = table.Rows.Any(r => r.IsHeader);
        var tbl = new Table(new TableProperties(
            new TableStyle { Val = WordStyles.TableGridId },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook
            {
                Val = hasHeader ? "0620" : "0600", FirstRow = hasHeader, LastRow = false, FirstColumn = false, LastColumn = false,
                NoHorizontalBand = true, NoVerticalBand = true,
            }));
        UsedStyles.Add(WordStyles.TableGridId);
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++) grid.Append(new GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) });
        tbl.Append(grid);
        foreach (var row in table.Rows)
        {
            var tr = new TableRow();
            var trPr = new TableRowProperties(new CantSplit());
            if (row.IsHeader) trPr.Append(new TableHeader());
            tr.Append(trPr);
            for (var c = 0; c < columns; c++)
            {
                var cell = c < row.Cells.Count ? row.Cells[c] : null;
                var style = cell?.Style ?? (row.IsHeader ? "table-header" : "table-cell");
                var paragraph = NewParagraph(style, Context.Flow);
                if (cell?.Align is { } align) paragraph.ParagraphProperties!.Justification = new Justification { Val = StylesBuilder.Justify(align) };
                if (cell is not null) paragraph.Append(Inlines(cell.Inlines, _main, style));
                tr.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = columnWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    paragraph));
            }
            tbl.Append(tr);
        }
        // A short table stays on one page, as in the PDF edition; a long one may break between rows.
        var tableRows = tbl.Elements<TableRow>().ToList();
        if (tableRows.Count <= 15)
        {
            foreach (var paragraph in tableRows.SkipLast(1).SelectMany(r => r.Descendants<Paragraph>()))
                paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        }
        if (table.Id is not null)
        {
            var firstParagraph = tbl.Descendants<Paragraph>().First();
            AddBookmark(firstParagraph, table.Id);
        }
        _body.Add(tbl);
        _spaceBeforePending = TableSpaceAfter;
    }

    private const double TableSpaceAfter = 8;

    // ---------------------------------------------------------------- running head and foot

    /// <summary>The running head or foot as one paragraph: left slot, tab, centre slot, tab, right slot.</summary>
    public OpenXmlElement[] Running(RunningContent running, OpenXmlPart part, bool isHeader)
    {
        var fallback = isHeader ? "header" : "footer";
        var style = running.Slots.Count > 0 ? running.Slots[0].Style : fallback;
        var paragraph = NewParagraph(style, Context.Flow);
        var pPr = paragraph.ParagraphProperties!;
        var styleName = _theme.HasStyle(style) ? style : "body";
        if (styleName is not ("header" or "footer")) pPr.Tabs = StylesBuilder.RunningTabs(ContentWidth);
        if (running.RuleThickness > 0)
        {
            var color = StylesBuilder.Hex(_theme.Colors.TryGetValue("rule", out var rule) ? rule : "#9aa3ad");
            var size = StylesBuilder.Eighths(running.RuleThickness);
            pPr.ParagraphBorders = isHeader
                ? new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = size, Space = 4, Color = color })
                : new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = size, Space = 4, Color = color });
        }
        SlotAlign? at = null;
        foreach (var slot in running.Slots.OrderBy(s => s.Align))
        {
            var tabs = slot.Align - (at ?? SlotAlign.Left);
            for (var i = 0; i < tabs; i++) paragraph.Append(new Run(new TabChar()));
            paragraph.Append(Inlines(slot.Inlines, part, slot.Style));
            at = slot.Align;
        }
        return [paragraph];
    }

    public OpenXmlElement[] EmptyRunning(bool isHeader) => [NewParagraph(isHeader ? "header" : "footer", Context.Flow)];

    // ---------------------------------------------------------------- inlines

    private List<OpenXmlElement> Inlines(IReadOnlyList<PrintInline> inlines, OpenXmlPart part, string themeStyle)
    {
        var style = _theme.Style(_theme.HasStyle(themeStyle) ? themeStyle : "body", _document.Lang);
        // Digits and common punctuation for note numbers, page fields and list numbers in this style.
        Use(style, false, false, " 0123456789.,:;()-/");
        foreach (var text in inlines.OfType<PrintText>()) Use(style, text.Bold, text.Italic, text.Text);
        foreach (var call in inlines.OfType<PrintNoteCall>()) Use(style, false, false, call.Note.Mark);
        var result = new List<OpenXmlElement>();
        Hyperlink? link = null;
        string? linkHref = null;
        foreach (var inline in inlines)
        {
            var href = (inline as PrintText)?.Href;
            if (href != linkHref)
            {
                link = href is null ? null : NewHyperlink(href, part);
                if (link is not null) result.Add(link);
                linkHref = href;
            }
            foreach (var element in InlineElements(inline, href is not null, part))
            {
                if (link is not null) link.Append(element);
                else result.Add(element);
            }
        }
        return result;
    }

    private IEnumerable<OpenXmlElement> InlineElements(PrintInline inline, bool inLink, OpenXmlPart part)
    {
        switch (inline)
        {
            case PrintText text:
            {
                if (inLink) UsedStyles.Add(WordStyles.HyperlinkId);
                foreach (var (segment, latin) in Segments(text.Text))
                {
                    var run = new Run();
                    var rPr = new RunProperties();
                    if (inLink) rPr.RunStyle = new RunStyle { Val = WordStyles.HyperlinkId };
                    if (text.Bold) rPr.Bold = new Bold();
                    if (text.Italic) rPr.Italic = new Italic();
                    if (latin) rPr.Languages = new Languages { Val = _latinLanguage };
                    if (rPr.HasChildren) run.Append(rPr);
                    AppendText(run, segment);
                    yield return run;
                }
                break;
            }
            case PrintNoteCall call when part is MainDocumentPart:
            {
                var id = Footnote(call.Note);
                UsedStyles.Add(WordStyles.FootnoteReferenceId);
                yield return new Run(
                    new RunProperties(new RunStyle { Val = WordStyles.FootnoteReferenceId }),
                    new FootnoteReference { Id = id });
                break;
            }
            case PrintNoteCall call:
                // Notes cannot nest in Word; keep the mark as text.
                yield return new Run(new RunProperties(new RunStyle { Val = WordStyles.FootnoteReferenceId }), new Text(Clean(call.Note.Mark)));
                break;
            case PrintLineBreak:
                yield return new Run(new Break());
                break;
            case PrintField field:
            {
                var code = field.Kind == PrintFieldKind.PageNumber ? " PAGE " : " NUMPAGES ";
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Begin });
                yield return new Run(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve });
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Separate });
                yield return new Run(new Text("1"));
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.End });
                break;
            }
        }
    }

    /// <summary>
    /// In a Korean document the defaults say ko-KR for every script; words in Latin letters are
    /// tagged English so that spelling and line breaking treat them as English (LibreOffice breaks
    /// a Latin word tagged Korean in the middle). Elsewhere text stays one run.
    /// </summary>
    private IEnumerable<(string Text, bool Latin)> Segments(string text)
    {
        if (_latinLanguage is null)
        {
            yield return (text, false);
            yield break;
        }
        var start = 0;
        bool? current = null;
        for (var i = 0; i < text.Length; i++)
        {
            var kind = Classify(text[i]);
            if (kind is null) continue;
            if (current is null) { current = kind; continue; }
            if (kind == current) continue;
            // Neutral characters (spaces, digits, punctuation) stay with the run before them.
            yield return (text[start..i], current.Value);
            start = i;
            current = kind;
        }
        yield return (text[start..], current ?? false);
    }

    /// <summary>True for a Latin letter, false for Hangul or a CJK character, null for anything else.</summary>
    private static bool? Classify(char ch) => TextRules.ScriptOf(ch) switch
    {
        CharScript.Latin => true,
        CharScript.Hangul => false,
        _ => null,
    };

    /// <summary>Text with tabs as Word tabs; characters XML cannot carry are dropped.</summary>
    private static void AppendText(Run run, string text)
    {
        var parts = Clean(text).Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            if (parts[i].Length > 0) run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is '\n' or '\r') builder.Append(' ');
            else if (ch == '\t') builder.Append(ch);
            else if (ch < ' ' || ch is '\uFFFE' or '\uFFFF') continue;
            else if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(ch).Append(text[++i]);
            }
            else if (!char.IsLowSurrogate(ch)) builder.Append(ch);
        }
        return builder.ToString();
    }

    private Hyperlink NewHyperlink(string href, OpenXmlPart part)
    {
        if (href.StartsWith('#'))
            return new Hyperlink { Anchor = BookmarkName(href[1..]), History = true };
        if (!_links.TryGetValue(part, out var ids)) _links[part] = ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!ids.TryGetValue(href, out var id))
        {
            id = $"rIdLink{ids.Count + 1}";
            var uri = Uri.TryCreate(href, UriKind.Absolute, out var absolute) ? absolute : new Uri(href, UriKind.Relative);
            part.AddHyperlinkRelationship(uri, true, id);
            ids[href] = id;
        }
        return new Hyperlink { Id = id, History = true };
    }

    // ---------------------------------------------------------------- notes and bookmarks

    private int Footnote(PrintNote note)
    {
        var id = _footnotes.Count + 1;
        var footnote = new Footnote { Id = id };
        var paragraphs = note.Paragraphs.Count > 0 ? note.Paragraphs : [new PrintParagraph([]) { Style = "note" }];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleId(p.Style) } });
            if (i == 0)
            {
                paragraph.Append(new Run(new RunProperties(new RunStyle { Val = WordStyles.FootnoteReferenceId }), new FootnoteReferenceMark()));
                paragraph.Append(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
            }
            paragraph.Append(Inlines(p.Inlines, _main.FootnotesPart!, p.Style));
            footnote.Append(paragraph);
        }
        _footnotes.Add(footnote);
        return id;
    }

    private void AddBookmark(Paragraph paragraph, string id)
    {
        var name = BookmarkName(id);
        var number = (++_bookmarkId).ToString(CultureInfo.InvariantCulture);
        var start = new BookmarkStart { Name = name, Id = number };
        if (paragraph.ParagraphProperties is { } pPr) pPr.InsertAfterSelf(start);
        else paragraph.PrependChild(start);
        paragraph.Append(new BookmarkEnd { Id = number });
    }

    /// <summary>Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters.</summary>
    private string BookmarkName(string id)
    {
        if (_bookmarkNames.TryGetValue(id, out var known)) return known;
        var builder = new StringBuilder();
        foreach (var ch in id) builder.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '_');
        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0])) builder.Insert(0, 'b');
        var name = builder.Length > 40 ? builder.ToString(0, 40) : builder.ToString();
        for (var n = 2; !_usedBookmarkNames.Add(name); n++)
        {
            var suffix = $"_{n}";
            name = (builder.Length + suffix.Length > 40 ? builder.ToString(0, 40 - suffix.Length) : builder.ToString()) + suffix;
        }
        _bookmarkNames[id] = name;
        return name;
    }

    private static string Twips(double points) => Length.ToTwips(points).ToString(CultureInfo.InvariantCulture);
}
