using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>
/// Measures the flow: turns the blocks of a <see cref="PrintDocument"/> into a vertical list of set
/// lines, rows, figures and spaces, with the break rules (keep with next, keep together, no orphan or
/// widow line, table headers to repeat) written on the items. Nothing here knows about pages.
/// </summary>
internal sealed partial class FlowBuilder : PrintBlockVisitor<FlowBuilder.Context>
{
    private const int MinLinesAtBreak = 2;
    private const double RuleBelowGap = 4;
    private const double FigureCaptionGap = 5;

    private readonly ITextSetter _text;
    private readonly ResolvedDocument _doc;
    private readonly Theme _theme;
    private readonly string _lang;
    private readonly PageGeometry _page;
    private readonly List<VItem> _items = [];
    private readonly Dictionary<PrintNote, NoteLayout> _notes = new(ReferenceEqualityComparer.Instance);
    private double _pendingSpace;
    private bool _pendingKeep;
    private int _keepTogether;
    private int _element;

    public FlowBuilder(ITextSetter text, ResolvedDocument document)
    {
        _text = text;
        _doc = document;
        _theme = document.Theme;
        _lang = document.Lang;
        _page = document.Page;
    }

    public IReadOnlyList<VItem> Items => _items;

    public NoteLayout Note(PrintNote note)
    {
        if (!_notes.TryGetValue(note, out var layout))
        {
            layout = SetNote(note);
            _notes[note] = layout;
        }
        return layout;
    }

    public void Build(IReadOnlyList<PrintBlock> blocks) => Blocks(blocks, new Context(_page.MarginLeft, _page.ContentWidth, null));

    /// <summary>Where blocks go: left edge and width, and the list marker still to place.</summary>
    internal sealed record Context(double Left, double Width, string? GroupRole)
    {
        public (string Text, ParagraphStyle Style, int Element)? Marker { get; init; }
        public double Hang { get; init; }
        /// <summary>The structure elements around the blocks set in this context.</summary>
        public StructPath? Within { get; init; }
    }

    private void Blocks(IReadOnlyList<PrintBlock> blocks, Context ctx)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            // Only the first block of a list item carries the marker.
            var here = i == 0 ? ctx : ctx with { Marker = null };
            Block(block, here);
        }
    }

    private void Block(PrintBlock block, Context ctx) => Visit(block, ctx);

    protected override void VisitParagraph(PrintParagraph p, Context ctx)
    {
        var style = _doc.StyleOf(p);
        Paragraph(p.Inlines, style, ctx, new BoxRole(StructureKind.Paragraph, style.Name, 0, ++_element, ctx.GroupRole, ctx.Within), p, null);
    }

    protected override void VisitHeading(PrintHeading h, Context ctx)
    {
        var style = _doc.StyleOf(h);
        var outline = h.Outline ? (h.Level, PrintWalker.PlainText(h.Inlines).Trim()) : ((int, string)?)null;
        Paragraph(h.Inlines, style, ctx, new BoxRole(StructureKind.Heading, style.Name, h.Level, ++_element, ctx.GroupRole, ctx.Within), h, outline);
    }

    protected override void VisitQuote(PrintQuote quote, Context ctx)
    {
        var style = _doc.StyleOf(quote);
        var inner = ctx with { Left = ctx.Left + style.IndentLeft, Width = ctx.Width - style.IndentLeft, Within = new StructPath(StructureKind.Quote, ++_element, ctx.Within) };
        Blocks(quote.Blocks, inner);
    }

    protected override void VisitGroup(PrintGroup group, Context ctx)
    {
        if (group.KeepTogether) _keepTogether++;
        var first = _items.Count;
        Blocks(group.Blocks, ctx with { GroupRole = group.Role });
        if (group.KeepTogether) _keepTogether--;
        if (group.Id is not null) AnchorAt(first, group.Id);
        if (group.KeepWithNext) _pendingKeep = true;
    }

    protected override void VisitRule(PrintRule rule, Context ctx)
    {
        OpenBlock(0, rule);
        var item = Box(rule.SpaceBefore + rule.Thickness + rule.SpaceAfter, false);
        var y = rule.SpaceBefore + rule.Thickness / 2;
        item.Content.Add(new RuleItem(new BoxRole(StructureKind.Rule, "rule", 0, ++_element, ctx.GroupRole), ctx.Left, y, ctx.Left + ctx.Width, y, rule.Thickness, rule.Color));
        CloseBlock(0, rule.KeepWithNext);
    }

    protected override void VisitSpacer(PrintSpacer spacer, Context ctx)
    {
        OpenBlock(0, spacer);
        Box(spacer.Height, false);
        CloseBlock(0, spacer.KeepWithNext);
    }

    protected override void VisitPageBreak(PrintPageBreak pageBreak, Context ctx)
    {
        _items.Add(new VItem { Kind = VKind.ForcedBreak });
        _pendingSpace = 0;
        _pendingKeep = false;
    }

    /// <summary>The glue between the previous block and this one: the larger of the two spaces, breakable unless kept.</summary>
    private void OpenBlock(double spaceBefore, PrintBlock? block)
    {
        var canBreak = !_pendingKeep && _keepTogether == 0 && _items.Count > 0;
        _items.Add(VItem.Glue(Math.Max(_pendingSpace, spaceBefore), canBreak));
        _pendingSpace = 0;
        _pendingKeep = false;
        if (block?.Id is { } id) AnchorAt(_items.Count, id);
    }

    private void CloseBlock(double spaceAfter, bool keepWithNext)
    {
        _pendingSpace = spaceAfter;
        _pendingKeep = keepWithNext;
    }

    private readonly List<(int Index, string Name)> _anchors = [];

    private void AnchorAt(int index, string name) => _anchors.Add((index, name));

    /// <summary>Named destinations for block ids, attached once the block's first box exists.</summary>
    public void ResolveAnchors()
    {
        foreach (var (index, name) in _anchors)
        {
            var target = _items.Skip(index).FirstOrDefault(i => i.Kind == VKind.Box);
            target?.Content.Insert(0, new DestinationItem(BoxRole.Furniture, _page.MarginLeft, 0, name));
        }
    }

    private VItem Box(double height, bool canBreakBefore)
    {
        var item = new VItem { Kind = VKind.Box, Height = height, CanBreakBefore = canBreakBefore && _keepTogether == 0 };
        _items.Add(item);
        return item;
    }

    /// <summary>Sets a paragraph's lines as boxes; <paramref name="reserveRight"/> keeps room at the right of every line. Returns the last line's box.</summary>
    private VItem? Paragraph(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, Context ctx, BoxRole role, PrintBlock block, (int, string)? outline, double reserveRight = 0)
    {
        OpenBlock(style.SpaceBefore, block);
        var left = ctx.Left + style.IndentLeft;
        var width = ctx.Width - style.IndentLeft - reserveRight;
        VItem? last = null;
        var lines = _text.Set(inlines, style, _lang, width, style.IndentFirst);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // No orphan (a first line alone at a page foot) and no widow (a last line alone at a page top).
            var canBreak = i >= MinLinesAtBreak && lines.Count - i >= MinLinesAtBreak;
            var item = Box(line.Height, canBreak);
            var baseline = Baseline(line);
            // The marker comes first in reading order (and in the content stream).
            if (i == 0 && ctx.Marker is { } marker) AddMarker(item, marker, ctx.Left - ListHang(ctx), baseline, role);
            AddLine(item, line, left, baseline, role);
            if (i == 0 && outline is not null) item.Outline = outline;
            last = item;
        }
        if (lines.Count == 0) Box(0, false);
        if (style.RuleBelow > 0 && lines.Count > 0)
        {
            var rule = Box(RuleBelowGap + style.RuleBelow, false);
            var y = RuleBelowGap + style.RuleBelow / 2;
            rule.Content.Add(new RuleItem(role with { Kind = StructureKind.Rule }, ctx.Left, y, ctx.Left + ctx.Width, y, style.RuleBelow, style.RuleColor));
        }
        CloseBlock(style.SpaceAfter, style.KeepWithNext || block.KeepWithNext);
        return last;
    }

    /// <summary>Half-leading model: the line's extra height is shared above and below the glyphs.</summary>
    internal static double Baseline(LineBox line) => (line.Height - line.Ascent - line.Descent) / 2 + line.Ascent;

    private static double ListHang(Context ctx) => ctx.Marker is null ? 0 : ctx.Hang;

    /// <summary>Places a line and the link areas and destinations of its runs.</summary>
    private void AddLine(VItem item, LineBox line, double left, double baseline, BoxRole role)
    {
        item.Content.Add(new TextLineItem(role, left, baseline, line));
        foreach (var run in line.Runs)
        {
            var x = left + run.X;
            var top = baseline - line.Ascent;
            if (run.NoteCall is { } note)
            {
                (item.Notes ??= []).Add(note);
                item.Content.Add(new DestinationItem(role, x, top, ResolvedDocument.CallAnchor(note)));
                item.Content.Add(new LinkItem(role, x, top, Math.Max(run.Width, 1), line.Ascent + line.Descent, ResolvedDocument.NoteAnchor(note), true));
            }
            else AddLink(item, run, x, top, line, role);
        }
    }

    private static void AddLink(VItem item, GlyphRun run, double x, double top, LineBox line, BoxRole role)
    {
        if (run.Href is not { Length: > 0 } href) return;
        var link = LinkTarget.Parse(href) switch
        {
            InternalTarget target => new LinkItem(role, x, top, run.Width, line.Ascent + line.Descent, target.Anchor, true),
            ExternalTarget target => new LinkItem(role, x, top, run.Width, line.Ascent + line.Descent, target.Href, false),
            _ => null,
        };
        if (link is not null) item.Content.Add(link);
    }

    private void AddMarker(VItem item, (string Text, ParagraphStyle Style, int Element) marker, double x, double baseline, BoxRole role)
    {
        var style = marker.Style with { Align = TextAlign.Left, IndentFirst = 0 };
        var lines = _text.Set([new PrintText(marker.Text, false, false, null)], style, _lang, 1000, 0);
        if (lines.Count == 0) return;
        item.Content.Add(new TextLineItem(new BoxRole(StructureKind.ListMarker, style.Name, 0, marker.Element, role.GroupRole, role.Within), x, baseline, lines[0]));
    }

    protected override void VisitList(PrintList list, Context ctx)
    {
        var style = _doc.StyleOf(list);
        var hang = Math.Max(style.Size * 1.6, list.Items.Select(i => _text.Measure([new PrintText(i.Marker, false, false, null)], style, _lang).Natural).DefaultIfEmpty(0).Max() + style.Size * 0.6);
        var left = ctx.Left + style.IndentLeft + hang;
        var width = ctx.Width - style.IndentLeft - hang;
        var listElement = ++_element;
        var listPath = new StructPath(StructureKind.List, listElement, ctx.Within);
        foreach (var item in list.Items)
        {
            var itemElement = ++_element;
            var inner = new Context(left, width, ctx.GroupRole)
            {
                Marker = (item.Marker, style, itemElement),
                Hang = hang,
                Within = new StructPath(StructureKind.ListItem, itemElement, listPath),
            };
            Blocks(item.Blocks, inner);
        }
        if (list.KeepWithNext) _pendingKeep = true;
    }

    protected override void VisitFigure(PrintFigure figure, Context ctx)
    {
        var style = _doc.StyleOf(figure);
        OpenBlock(style.SpaceBefore, figure);
        var role = new BoxRole(StructureKind.Figure, style.Name, 0, ++_element, ctx.GroupRole, ctx.Within);
        var (width, height) = _doc.FigureOf(figure).SizeIn(ctx.Width, _page.ContentHeight);
        var box = new VItem { Kind = VKind.Box, Floats = _keepTogether == 0 };
        _items.Add(box);
        var imageLeft = ctx.Left + (ctx.Width - width) / 2;
        box.Content.Add(new ImageItem(role, imageLeft, 0, width, height, figure.Source, figure.Alt));
        var y = height;
        var afterSpace = 0.0;
        foreach (var (para, kind) in new[] { (figure.Caption, StructureKind.Caption), (figure.Credit, StructureKind.Caption) })
        {
            if (para is null) continue;
            var ps = _doc.StyleOf(para);
            y += afterSpace > 0 ? Math.Max(afterSpace, ps.SpaceBefore) : FigureCaptionGap;
            // Caption and credit line up with the image, not with the text column.
            var lines = _text.Set(para.Inlines, ps, _lang, width, ps.IndentFirst);
            // Tagged as the Figure's next sibling, not its child: readers speak a Figure's Alt and go no deeper.
            var prole = new BoxRole(kind, ps.Name, 0, role.Element, ctx.GroupRole, ctx.Within);
            foreach (var line in lines)
            {
                var tmp = new VItem { Kind = VKind.Box };
                AddLine(tmp, line, imageLeft, y + Baseline(line), prole);
                box.Content.AddRange(tmp.Content);
                if (tmp.Notes is not null) (box.Notes ??= []).AddRange(tmp.Notes);
                y += line.Height;
            }
            afterSpace = ps.SpaceAfter;
        }
        box.Height = y;
        CloseBlock(Math.Max(style.SpaceAfter, afterSpace), figure.KeepWithNext);
    }
}
