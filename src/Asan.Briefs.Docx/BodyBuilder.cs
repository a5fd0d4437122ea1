using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// Turns the flow, notes and running content of a <see cref="PrintDocument"/> into WordprocessingML:
/// paragraphs that reference styles, numbered lists, native footnotes, tables, inline pictures,
/// hyperlinks and bookmarks. Formatting beyond the styles appears only where the markup asks for it.
/// The parts live in their own files, as pandoc's Word writer is split: tables (<c>BodyBuilder.Tables.cs</c>),
/// numbering (<see cref="ListNumbering"/>), notes, figures, inlines and running heads; what it reads is
/// <see cref="DocxContext"/> and what it accumulates is <see cref="DocxState"/>.
/// </summary>
internal sealed partial class BodyBuilder : PrintBlockVisitor<BodyBuilder.Context>
{
    private readonly DocxContext _ctx;
    private readonly DocxState _state = new();
    private readonly WordBookmarks _bookmarks = new();
    private readonly ListNumbering _numbering;

    public BodyBuilder(ResolvedDocument document, MainDocumentPart main)
    {
        _ctx = new DocxContext(document, main);
        _numbering = new ListNumbering(_ctx, _state);
    }

    /// <summary>The characters set in each font role, weight and slant, for embedding font subsets.</summary>
    public Dictionary<(string Role, bool Bold, bool Italic), SortedSet<int>> FontUsage => _state.FontUsage;

    /// <summary>Word style ids the document references, for checks and tests.</summary>
    public HashSet<string> UsedStyles => _state.UsedStyles;

    public IReadOnlyList<Footnote> Footnotes => _state.Footnotes;

    public bool HasNumbering => _numbering.HasInstances;

    /// <param name="Quote">The style of the quote a list is inside, if any: its paragraphs take that style, the importer's mark of a list in a quote.</param>
    internal sealed record Context(string DefaultStyle, int ListDepth, (int NumId, int Level)? Number, int? ContinuationLevel, string? Quote = null)
    {
        public static readonly Context Flow = new("body", 0, null, null);
    }

    public Body BuildBody(SectionProperties section)
    {
        Blocks(_ctx.Document.Blocks, Context.Flow);
        if (_state.PageBreakPending || _state.Body.Count == 0 || _state.Body[^1] is Table)
            _state.Body.Add(NewParagraph(Body, Context.Flow));
        var body = new Body();
        body.Append(_state.Body);
        body.Append(section);
        return body;
    }

    public Numbering BuildNumbering() => _numbering.Build();

    private ResolvedDocument Doc => _ctx.Resolved;

    private ParagraphStyle Body => Doc.Style("body");

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
            _state.Body.Add(NewParagraph(InQuote(ctx, Doc.Style(ctx.DefaultStyle)), ctx));
            ctx = ctx with { Number = null, ContinuationLevel = ctx.Number.Value.Level };
        }
        Visit(block, ctx);
    }

    protected override void VisitParagraph(PrintParagraph p, Context ctx) =>
        _state.Body.Add(TextParagraph(InQuote(ctx, Doc.StyleOf(p)), p.Inlines, ctx, p));

    /// <summary>A list's paragraphs inside a quote take the quote's style.</summary>
    private ParagraphStyle InQuote(Context ctx, ParagraphStyle style) => ctx.Quote is { } quote && ctx.ListDepth > 0 ? Doc.Style(quote) : style;

    protected override void VisitHeading(PrintHeading h, Context ctx)
    {
        var paragraph = TextParagraph(Doc.StyleOf(h), h.Inlines, ctx, h);
        // A heading left out of the outline keeps its look but not its place in Word's navigation.
        if (!h.Outline) paragraph.ParagraphProperties!.OutlineLevel = new OutlineLevel { Val = 9 };
        _state.Body.Add(paragraph);
    }

    // A quote inside a list item is marked by its indent, as the item's other blocks are; a list inside a quote by its style.
    // A quote's bookmark on its first paragraph is where it starts, so two quotes back to back come back as two
    // (Word has no other mark between paragraphs of one style); a quote inside a quote is not marked, as it is not read back.
    protected override void VisitQuote(PrintQuote quote, Context ctx)
    {
        var first = _state.Body.Count;
        Blocks(quote.Blocks, ctx with { DefaultStyle = quote.Style, Quote = ctx.ListDepth == 0 ? quote.Style : ctx.Quote });
        if (quote.Id is not null && ctx.Quote is null && ctx.DefaultStyle != quote.Style
            && _state.Body.Skip(first).OfType<Paragraph>().FirstOrDefault() is { } start)
            _bookmarks.Add(start, quote.Id);
    }

    protected override void VisitGroup(PrintGroup group, Context ctx)
    {
        var first = _state.Body.Count;
        Blocks(group.Blocks, ctx);
        var paragraphs = _state.Body.Skip(first).OfType<Paragraph>().ToList();
        if (group.Id is not null && paragraphs.Count > 0) _bookmarks.Add(paragraphs[0], group.Id);
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
    }

    protected override void VisitRule(PrintRule rule, Context ctx)
    {
        // An empty paragraph one rule high whose bottom border is the rule.
        var paragraph = NewParagraph(Doc.StyleOf(rule), ctx, rule);
        var pPr = paragraph.ParagraphProperties!;
        pPr.ParagraphBorders = new ParagraphBorders(new BottomBorder
        {
            Val = BorderValues.Single, Size = StylesBuilder.Eighths(rule.Thickness), Space = 0, Color = StylesBuilder.Hex(rule.Color),
        });
        pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = DocxUnits.Twips(rule.SpaceBefore), After = DocxUnits.Twips(rule.SpaceAfter), Line = "20", LineRule = LineSpacingRuleValues.Exact };
        pPr.Indentation = new Indentation { Left = "0", FirstLine = "0" };
        _state.Body.Add(paragraph);
    }

    protected override void VisitSpacer(PrintSpacer spacer, Context ctx)
    {
        var paragraph = NewParagraph(Doc.StyleOf(spacer), ctx, spacer);
        var pPr = paragraph.ParagraphProperties!;
        pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = DocxUnits.Twips(Math.Max(spacer.Height, 1)), LineRule = LineSpacingRuleValues.Exact };
        _state.Body.Add(paragraph);
    }

    protected override void VisitPageBreak(PrintPageBreak pageBreak, Context ctx) => _state.PageBreakPending = true;

    private Paragraph TextParagraph(ParagraphStyle style, IReadOnlyList<PrintInline> inlines, Context ctx, PrintBlock block)
    {
        var paragraph = NewParagraph(style, ctx, block);
        paragraph.Append(Inlines(inlines, _ctx.Main, style));
        if (block.Id is not null) _bookmarks.Add(paragraph, block.Id);
        return paragraph;
    }

    /// <summary>A paragraph in a theme style, with the list number or continuation indent the context asks for.</summary>
    private Paragraph NewParagraph(ParagraphStyle style, Context ctx, PrintBlock? block = null)
    {
        var pPr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StyleId(style) } };
        if (block?.KeepWithNext == true) pPr.KeepNext = new KeepNext();
        if (_state.PageBreakPending)
        {
            pPr.PageBreakBefore = new PageBreakBefore();
            _state.PageBreakPending = false;
        }
        if (_state.SpaceBeforePending is { } space)
        {
            // The gap below a table, as in the PDF edition: Word has no space after a table of its own.
            if (style.SpaceBefore < space) pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = DocxUnits.Twips(space) };
            _state.SpaceBeforePending = null;
        }
        // Inside a quote, a list's text is indented by the quote's indent too (Word's numbering indent would replace it).
        var quoteIndent = ctx.Quote is { } quote && ctx.ListDepth > 0 ? Doc.Style(quote).IndentLeft : 0;
        if (ctx.Number is { } number)
        {
            pPr.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = number.Level },
                new NumberingId { Val = number.NumId });
            if (quoteIndent > 0)
                pPr.Indentation = new Indentation { Left = DocxUnits.Twips(quoteIndent + _numbering.TextIndent(number.Level)), Hanging = DocxUnits.Twips(_numbering.Hang) };
        }
        else if (ctx.ContinuationLevel is { } level)
        {
            pPr.Indentation = new Indentation { Left = DocxUnits.Twips(quoteIndent + _numbering.TextIndent(level)), FirstLine = "0" };
        }
        return new Paragraph(pPr);
    }

    private string StyleId(ParagraphStyle style)
    {
        var id = WordStyles.For(style.Name).Id;
        _state.UsedStyles.Add(id);
        return id;
    }

    // ---------------------------------------------------------------- lists

    protected override void VisitList(PrintList list, Context ctx)
    {
        var level = Math.Min(ctx.ListDepth, ListNumbering.MaxLevels - 1);
        var numId = _numbering.Instance(list, level);
        var first = _state.Body.Count;
        foreach (var item in list.Items)
        {
            var inner = new Context(list.Style, ctx.ListDepth + 1, (numId, level), null, ctx.Quote);
            if (item.Blocks.Count == 0) _state.Body.Add(NewParagraph(InQuote(inner, Doc.StyleOf(list)), inner));
            else Blocks(item.Blocks, inner);
        }
        var paragraphs = _state.Body.Skip(first).OfType<Paragraph>().ToList();
        if (list.Id is not null && paragraphs.Count > 0) _bookmarks.Add(paragraphs[0], list.Id);
        if (list.KeepWithNext && paragraphs.Count > 0)
            (paragraphs[^1].ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
    }
}
