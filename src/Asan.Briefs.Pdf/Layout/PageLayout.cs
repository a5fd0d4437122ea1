using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>
/// The layout stage: <see cref="PrintDocument"/> → pages of positioned boxes. Measures the flow once
/// (<see cref="FlowBuilder"/>), paginates it in one pass (<see cref="PageBuilder"/>), then fills in the
/// contents' page numbers and adds the running heads and feet, whose page numbers and page count are
/// known only at the end.
/// </summary>
public sealed class PageLayout
{
    private const double HeadRuleGap = 3;

    private readonly ITextSetter _engine;
    private readonly Theme _theme;

    /// <summary>One layout per theme, shared by every edition: it holds no state between passes, so editions lay out side by side.</summary>
    public PageLayout(ITextSetter text, Theme theme)
    {
        _engine = text;
        _theme = theme;
    }

    /// <summary>Lays out a document. Set paragraphs are cached for the pass only, so a long-running process does not grow.</summary>
    public LaidOutDocument Layout(PrintDocument document) => Layout(ResolvedDocument.Resolve(document, _theme));

    /// <summary>Lays out a resolved document (resolved against this layout's theme).</summary>
    public LaidOutDocument Layout(ResolvedDocument resolved)
    {
        var text = new CachingTextSetter(_engine);
        var document = resolved.Markup;
        var page = document.Page;
        // The contents' page numbers are known only once the pages are built; the entries leave a column
        // for them, so filling them in changes nothing else, unless a number is wider than its column:
        // then the flow is laid out again with a wider one (a brief of 100 pages or more).
        List<PageBuilder.BuiltPage> built;
        for (var digits = 2; ; digits++)
        {
            var flow = new FlowBuilder(text, resolved) { PageNumberDigits = digits };
            flow.Build(document.Blocks);
            flow.ResolveAnchors();
            built = new PageBuilder(flow.Items, flow.Note, page, _theme.Color("rule")).Build();
            if (ContentsPageNumbers.Fill(built, text, resolved.Lang, _theme.File.Contents.Leader == "dots") || digits >= 6) break;
        }
        if (built.Count == 0) built.Add(new PageBuilder.BuiltPage([], []));

        var pages = new List<LaidOutPage>(built.Count);
        for (var p = 0; p < built.Count; p++)
        {
            var items = built[p].Items;
            if (!(document.Header.SkipFirstPage && p == 0))
                Running(text, resolved, document.Header, page, p + 1, built.Count, header: true, items);
            if (!(document.Footer.SkipFirstPage && p == 0))
                Running(text, resolved, document.Footer, page, p + 1, built.Count, header: false, items);
            pages.Add(new LaidOutPage(p + 1, items));
        }
        return new LaidOutDocument(page.Width, page.Height, document.Lang, pages, built.SelectMany(b => b.Outline).ToList());
    }

    private void Running(ITextSetter text, ResolvedDocument resolved, RunningContent running, PageGeometry page, int number, int count, bool header, List<PageItem> into)
    {
        var baseline = header ? page.HeaderOffset : page.Height - page.FooterOffset;
        double ascent = 0, descent = 0;
        foreach (var slot in running.Slots)
        {
            var style = resolved.StyleOf(slot) with
            {
                Align = slot.Align switch { SlotAlign.Center => TextAlign.Center, SlotAlign.Right => TextAlign.Right, _ => TextAlign.Left },
                IndentFirst = 0,
                IndentLeft = 0,
            };
            var inlines = slot.Inlines.Any(i => i is PrintField)
                ? slot.Inlines.Select(i => i is PrintField f
                    ? new PrintText((f.Kind == PrintFieldKind.PageNumber ? number : count).ToString(System.Globalization.CultureInfo.InvariantCulture), false, false, null)
                    : i).ToList()
                : slot.Inlines;
            var lines = text.Set(inlines, style, resolved.Lang, page.ContentWidth, 0);
            if (lines.Count == 0) continue;
            // Running heads hold one line: anything longer is cut rather than run into the text.
            var line = lines[0];
            ascent = Math.Max(ascent, line.Ascent);
            descent = Math.Max(descent, line.Descent);
            into.Add(new TextLineItem(BoxRole.Furniture, page.MarginLeft, baseline, line));
        }
        if (running.RuleThickness > 0 && running.Slots.Count > 0)
        {
            var y = header ? baseline + descent + HeadRuleGap : baseline - ascent - HeadRuleGap;
            into.Add(new RuleItem(BoxRole.Furniture, page.MarginLeft, y, page.Width - page.MarginRight, y, running.RuleThickness, _theme.Color("rule")));
        }
    }
}
