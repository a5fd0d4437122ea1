using System.Globalization;
using System.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// One edition's print markup as a Typst document, for the Bench to time Typst on the same work as
/// our PDF engine: the same text, blocks, notes, figures and tables, the theme's page, fonts, sizes,
/// leading, colours and spacing. Text goes in as Typst strings (<c>#"…"</c>), so no character of it
/// is read as markup and no escaping rule of Typst's markup can change it.
/// </summary>
public sealed class TypstSource : PrintBlockVisitor<StringBuilder>
{
    private readonly Theme _theme;
    private readonly string _lang;

    private TypstSource(Theme theme, string lang) => (_theme, _lang) = (theme, lang);

    public static string Write(PrintDocument document, Theme theme)
    {
        var writer = new TypstSource(theme, document.Lang);
        var typ = new StringBuilder();
        var page = document.Page;
        typ.Append($"#set document(title: {Str(document.Info.Title)}, author: {Str(document.Info.Author)}, date: none)\n");
        typ.Append($"#set page(width: {Pt(page.Width)}, height: {Pt(page.Height)}, margin: (top: {Pt(page.MarginTop)}, bottom: {Pt(page.MarginBottom)}, left: {Pt(page.MarginLeft)}, right: {Pt(page.MarginRight)}),\n");
        typ.Append($"  header-ascent: {Pt(page.MarginTop - page.HeaderOffset)}, footer-descent: {Pt(page.MarginBottom - page.FooterOffset)},\n");
        typ.Append("  header: ").Append(writer.Running(document.Header)).Append(",\n  footer: ").Append(writer.Running(document.Footer)).Append(")\n");
        // Lines as tall as the font size, so that par leading plus the size is the theme's line pitch.
        typ.Append($"#set text(lang: \"{document.Lang}\", top-edge: 0.8em, bottom-edge: -0.2em)\n");
        // A heading is set in its theme style by the block around it, not in Typst's own sizes.
        typ.Append("#show heading: set text(size: 1em)\n#show heading: it => it.body\n");
        var note = theme.Style("note", document.Lang);
        typ.Append($"#set footnote.entry(clearance: {Pt(page.NoteGap)}, separator: line(length: {Pt(page.NoteRuleWidth)}, stroke: 0.5pt))\n");
        typ.Append($"#show footnote.entry: it => {{ set text({writer.TextArguments(note)}); set par({ParArguments(note)}); it }}\n");
        foreach (var block in document.Blocks) writer.Visit(block, typ);
        return typ.ToString();
    }

    protected override void VisitParagraph(PrintParagraph paragraph, StringBuilder typ) =>
        Styled(typ, paragraph.Style, paragraph.KeepWithNext, Inlines(paragraph.Inlines));

    protected override void VisitHeading(PrintHeading heading, StringBuilder typ) =>
        Styled(typ, heading.Style, keepWithNext: true, $"#heading(level: {heading.Level}, outlined: {Bool(heading.Outline)}, bookmarked: {Bool(heading.Outline)})[{Inlines(heading.Inlines)}]");

    protected override void VisitList(PrintList list, StringBuilder typ)
    {
        foreach (var item in list.Items)
        {
            var body = new StringBuilder();
            foreach (var block in item.Blocks) Visit(block, body);
            var marker = $"[{Styled(list.Style, "#" + Str(item.Marker))}]";
            typ.Append($"#grid(columns: (1.6em, 1fr), {marker}, [\n{body}])\n");
        }
    }

    protected override void VisitQuote(PrintQuote quote, StringBuilder typ)
    {
        var body = new StringBuilder();
        foreach (var block in quote.Blocks) Visit(block, body);
        typ.Append($"#block(inset: (left: {Pt(_theme.Style(quote.Style, _lang).IndentLeft)}))[\n{body}]\n");
    }

    protected override void VisitGroup(PrintGroup group, StringBuilder typ)
    {
        var body = new StringBuilder();
        foreach (var block in group.Blocks) Visit(block, body);
        typ.Append($"#block(breakable: {Bool(!group.KeepTogether)})[\n{body}]\n");
    }

    protected override void VisitFigure(PrintFigure figure, StringBuilder typ)
    {
        var style = _theme.Style(figure.Style, _lang);
        // The compiler's root is "/", so an absolute path names the file itself.
        typ.Append($"#block(above: {Pt(style.SpaceBefore)}, below: {Pt(style.SpaceAfter)}, breakable: false)[#align(center, image({Str(Path.GetFullPath(figure.Source))}, width: {Percent(figure.WidthFraction)}, alt: {Str(figure.Alt)}))]\n");
        if (figure.Caption is { } caption) VisitParagraph(caption, typ);
        if (figure.Credit is { } credit) VisitParagraph(credit, typ);
    }

    protected override void VisitTable(PrintTable table, StringBuilder typ)
    {
        var cells = table.Rows.SelectMany(row => row.Cells.Select(cell =>
        {
            var style = _theme.Style(cell.Style, _lang);
            return $"[#set text({TextArguments(style)}); #set par({ParArguments(style)}); #align({Align(cell.Align ?? style.Align)})[{Inlines(cell.Inlines)}]]";
        }));
        typ.Append($"#block(above: 6pt, below: 10pt, table(columns: {table.ColumnCount}, stroke: (x, y) => if y == 0 {{ (bottom: 0.75pt) }}, inset: 4pt,\n  {string.Join(",\n  ", cells)}))\n");
    }

    protected override void VisitRule(PrintRule rule, StringBuilder typ) =>
        typ.Append($"#block(above: {Pt(rule.SpaceBefore)}, below: {Pt(rule.SpaceAfter)}, line(length: 100%, stroke: {Pt(rule.Thickness)} + rgb({Str(_theme.Color(rule.Color))})))\n");

    protected override void VisitSpacer(PrintSpacer spacer, StringBuilder typ) => typ.Append($"#v({Pt(spacer.Height)})\n");

    protected override void VisitPageBreak(PrintPageBreak pageBreak, StringBuilder typ) => typ.Append("#pagebreak()\n");

    // The comparison sets what our PDF engine sets; it has no contents page yet.
    protected override void VisitContents(PrintContents contents, StringBuilder typ) { }

    /// <summary>A block in a theme style: its spacing, keep-with-next (Typst's sticky), font, size, colour, leading and alignment.</summary>
    private void Styled(StringBuilder typ, string styleName, bool keepWithNext, string content)
    {
        var style = _theme.Style(styleName, _lang);
        // Typst's spacing between blocks takes the place of the leading between their lines; our engine adds to it.
        var gap = style.LineHeight - style.Size;
        typ.Append($"#block(above: {Pt(style.SpaceBefore + gap)}, below: {Pt(style.SpaceAfter + gap)}, sticky: {Bool(keepWithNext || style.KeepWithNext)}, inset: (left: {Pt(style.IndentLeft)}))[{Styled(styleName, content)}]\n");
        if (style.RuleBelow > 0) typ.Append($"#line(length: 100%, stroke: {Pt(style.RuleBelow)} + rgb({Str(style.RuleColor)}))\n");
    }

    private string Styled(string styleName, string content)
    {
        var style = _theme.Style(styleName, _lang);
        return $"#set text({TextArguments(style)}); #set par({ParArguments(style)}); #align({Align(style.Align)})[{content}]";
    }

    private string TextArguments(ParagraphStyle style)
    {
        var faces = _theme.File.Fonts[style.FontRole];
        // Hyphenated where our engine hyphenates, in justified text (under the document's lang), so the two compare like for like.
        return $"font: ({Str(faces.Latin.Family)}, {Str(faces.Hangul.Family)}), size: {Pt(style.Size)}, weight: {(style.Bold ? "\"bold\"" : "\"regular\"")}, style: {(style.Italic ? "\"italic\"" : "\"normal\"")}, fill: rgb({Str(style.Color)}), tracking: {Pt(style.Tracking)}, hyphenate: {Bool(style.Align == TextAlign.Justify)}";
    }

    private static string ParArguments(ParagraphStyle style) =>
        $"justify: {Bool(style.Align == TextAlign.Justify)}, leading: {Pt(style.LineHeight - style.Size)}, first-line-indent: {Pt(style.IndentFirst)}";

    private string Running(RunningContent running)
    {
        if (running.Slots.Count == 0) return "none";
        var slots = running.Slots.Select(s => $"align({s.Align.ToString().ToLowerInvariant()})[{Styled(s.Style, Inlines(s.Inlines))}]");
        var grid = $"grid(columns: ({string.Join(", ", running.Slots.Select(_ => "1fr"))}), {string.Join(", ", slots)})";
        return running.SkipFirstPage ? $"context if here().page() > 1 {{ {grid} }}" : $"context {grid}";
    }

    private string Inlines(IEnumerable<PrintInline> inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case PrintText t:
                    // Only what the run adds: the block's style already set its weight and slant.
                    var run = "#" + Str(t.Text);
                    if (t.Italic) run = $"#emph[{run}]";
                    if (t.Bold) run = $"#strong[{run}]";
                    text.Append(t.Href is null ? run : $"#link({Str(t.Href)})[{run}]");
                    break;
                case PrintNoteCall call:
                    text.Append("#footnote[").Append(string.Join("#parbreak()", call.Note.Paragraphs.Select(p => Inlines(p.Inlines)))).Append(']');
                    break;
                case PrintLineBreak:
                    text.Append("#linebreak()");
                    break;
                case PrintField { Kind: PrintFieldKind.PageNumber }:
                    text.Append("#counter(page).display()");
                    break;
                case PrintField { Kind: PrintFieldKind.PageCount }:
                    text.Append("#counter(page).final().first()");
                    break;
                default:
                    throw new InvalidOperationException($"no Typst rule for the print inline {inline.GetType().Name}");
            }
        }
        return text.ToString();
    }

    private static string Align(TextAlign align) => align switch
    {
        TextAlign.Center => "center",
        TextAlign.Right => "right",
        _ => "left",
    };

    private static string Pt(double points) => points.ToString("0.###", CultureInfo.InvariantCulture) + "pt";
    private static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A Typst string literal: only the backslash and the double quote need escaping.</summary>
    private static string Str(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
