using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Links;
using Asan.Briefs.Theming;

namespace Asan.Briefs.PrintMarkup;

/// <summary>
/// Parses the paged layout markup into <see cref="PrintDocument"/> after checking it against
/// templates/print/print-layout.xsd. White space inside inline content folds as in HTML, so templates
/// may indent freely.
/// </summary>
public sealed class PrintMarkupReader
{
    private readonly XmlSchemaSet _schemas;
    private readonly Theme _theme;

    /// <param name="theme">Resolves colour names, and says which colours every PDF can paint.</param>
    public PrintMarkupReader(string schemaPath, Theme theme)
    {
        _schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(schemaPath))
            _schemas.Add(null, reader);
        _schemas.Compile();
        _theme = theme;
    }

    /// <param name="markup">The markup a print template produced.</param>
    /// <param name="origin">The template that produced it, named in errors.</param>
    public PrintDocument Parse(string markup, string origin)
    {
        var problems = new List<Diagnostic>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = _schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add(new Diagnostic(origin, 0, 0,
                $"the print markup this template produced breaks the schema at markup line {e.Exception.LineNumber}, column {e.Exception.LinePosition} (`{LineOf(markup, e.Exception.LineNumber)}`): {e.Message} Fix the template so it writes the vocabulary in templates/print/README.md."));
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(markup), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new BriefException(origin, 0, 0,
                $"the print markup this template produced is not well-formed XML at markup line {e.LineNumber} (`{LineOf(markup, e.LineNumber)}`): {e.Message} Write markup only through {{{{ }}}} expressions (they escape content) and close every tag the template opens.");
        }
        if (problems.Count > 0) throw new BriefException(problems);
        PrintDocument read;
        try { read = ReadDocument(document.Root!); }
        catch (MarkupProblemException e) { throw new BriefException(origin, 0, 0, e.Message); }
        CheckContentsTargets(read, origin);
        return read;
    }

    /// <summary>Every contents entry points at a block of the flow with that id, or the links would lead nowhere.</summary>
    private static void CheckContentsTargets(PrintDocument document, string origin)
    {
        var blocks = PrintWalker.Descendants(document.Blocks).ToList();
        var ids = blocks.Select(b => b.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var entry in blocks.OfType<PrintContents>().SelectMany(c => c.Entries))
            if (!ids.Contains(entry.Target))
                throw new BriefException(origin, 0, 0,
                    $"the print markup this template produced has a contents entry for '{entry.Target}', but no block of the flow has that id; write the entries from edition.contents and the headings with id=\"{{{{ section.id }}}}\".");
    }

    private static string LineOf(string text, int line)
    {
        var lines = text.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : "";
    }

    private PrintDocument ReadDocument(XElement root)
    {
        var info = root.Element("info")!;
        var page = root.Element("page")!;
        double P(XElement e, string name, string fallback = "0pt") => Length.ToPoints((string?)e.Attribute(name) ?? fallback, name);
        var geometry = new PageGeometry(
            P(page, "width"), P(page, "height"), P(page, "margin-top"), P(page, "margin-bottom"),
            P(page, "margin-left"), P(page, "margin-right"), P(page, "header-offset"), P(page, "footer-offset"),
            P(page, "note-gap", "10pt"), P(page, "note-rule-width", "40mm"));
        var documentInfo = new DocumentInfo(
            (string)info.Attribute("title")!, (string)info.Attribute("author")!,
            (string?)info.Attribute("subject") ?? "", (string?)info.Attribute("keywords") ?? "",
            (string?)info.Attribute("creator") ?? "",
            DateTimeOffset.Parse((string)info.Attribute("created")!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)info.Attribute("modified")!, CultureInfo.InvariantCulture));
        return new PrintDocument(
            (string)root.Attribute("lang")!,
            documentInfo,
            geometry,
            ReadRunning(root.Element("header")!),
            ReadRunning(root.Element("footer")!),
            ReadBlocks(root.Element("flow")!));
    }

    private RunningContent ReadRunning(XElement element) => new(
        element.Elements("slot").Select(s => new RunningSlot(
            Enum.Parse<SlotAlign>((string)s.Attribute("align")!, ignoreCase: true),
            (string)s.Attribute("style")!,
            ReadInlines(s))).ToList(),
        Bool(element, "skip-first-page"),
        Length.ToPoints((string?)element.Attribute("rule") ?? "0pt", "rule"));

    private List<PrintBlock> ReadBlocks(XElement container) => container.Elements().Select(ReadBlock).ToList();

    private PrintBlock ReadBlock(XElement e)
    {
        PrintBlock block = e.Name.LocalName switch
        {
            "p" => ReadParagraph(e),
            "h" => new PrintHeading((int)e.Attribute("level")!, ReadInlines(e), (bool?)e.Attribute("outline") ?? true) { Style = $"heading{(int)e.Attribute("level")!}" },
            "list" => new PrintList(
                (string)e.Attribute("kind")! == "ordered",
                (int?)e.Attribute("start") ?? 1,
                e.Elements("item").Select(i => new PrintListItem((string)i.Attribute("marker")!, ReadBlocks(i))).ToList()) { Style = "list" },
            "quote" => new PrintQuote(ReadBlocks(e)) { Style = "quote" },
            "figure" => new PrintFigure(
                (string)e.Attribute("src")!, (string)e.Attribute("alt")!,
                double.Parse(((string?)e.Attribute("width") ?? "100%").TrimEnd('%'), CultureInfo.InvariantCulture) / 100,
                e.Element("caption") is { } c ? ReadParagraph(c) with { Style = (string?)c.Attribute("style") ?? "caption" } : null,
                e.Element("credit") is { } s ? ReadParagraph(s) with { Style = (string?)s.Attribute("style") ?? "credit" } : null) { Style = "figure" },
            "table" => new PrintTable(e.Elements("row").Select(r => new PrintRow(
                Bool(r, "header"),
                r.Elements("cell").Select(c => new PrintCell(
                    (string?)c.Attribute("style") ?? (Bool(r, "header") ? "table-header" : "table-cell"),
                    (string?)c.Attribute("align") is { } a ? Enum.Parse<TextAlign>(a, ignoreCase: true) : null,
                    ReadInlines(c))).ToList())).ToList())
            {
                Style = "table-cell",
                Caption = e.Element("caption") is { } tc ? ReadParagraph(tc) with { Style = (string?)tc.Attribute("style") ?? "caption" } : null,
            },
            "group" => new PrintGroup((string)e.Attribute("role")!, Bool(e, "keep-together"), ReadBlocks(e)) { Style = (string)e.Attribute("role")! },
            "rule" => new PrintRule(
                Length.ToPoints((string?)e.Attribute("thickness") ?? "0.5pt", "thickness"),
                Color(e),
                Length.ToPoints((string?)e.Attribute("space-before") ?? "0pt", "space-before"),
                Length.ToPoints((string?)e.Attribute("space-after") ?? "0pt", "space-after")),
            "spacer" => new PrintSpacer(Length.ToPoints((string)e.Attribute("height")!, "height")),
            "page-break" => new PrintPageBreak(),
            "contents" => new PrintContents(
                ReadParagraph(e.Element("title")!) with { Style = (string?)e.Element("title")!.Attribute("style") ?? "contents-heading" },
                e.Elements("entry").Select(x => new PrintContentsEntry((int)x.Attribute("level")!, (string)x.Attribute("target")!,
                    ReadParagraph(x) with { Style = (string?)x.Attribute("style") ?? $"toc{(int)x.Attribute("level")!}" })).ToList()) { Style = "contents" },
            var name => throw new InvalidOperationException($"schema admitted unknown block <{name}>"),
        };
        return block with
        {
            Style = (string?)e.Attribute("style") ?? block.Style,
            Id = (string?)e.Attribute("id"),
            KeepWithNext = Bool(e, "keep-with-next"),
        };
    }

    private PrintParagraph ReadParagraph(XElement e) => new(ReadInlines(e)) { Style = "body" };

    /// <summary>The link's target through the one link rule; the paged writers never see a refused one.</summary>
    private string Link(XElement a)
    {
        var href = (string)a.Attribute("href")!;
        if (LinkRule.Normalise(href, allowRelative: false, out var problem) is { } target) return target;
        var line = ((System.Xml.IXmlLineInfo)a).LineNumber;
        throw new MarkupProblemException($"the print markup this template produced has a refused link at markup line {line}: {problem}. Links come from the content or i18n files; fix the one the template writes there.");
    }

    /// <summary>
    /// The element's colour as #rrggbb. A literal colour in a template is checked with the templates
    /// (<see cref="PrintTemplateColors"/>), at its line; this catches one the template computes.
    /// </summary>
    private string Color(XElement e)
    {
        var color = (string?)e.Attribute("color") ?? "rule";
        if (_theme.ColorProblem(color) is not { } problem) return _theme.Color(color);
        var line = ((System.Xml.IXmlLineInfo)e).LineNumber;
        throw new MarkupProblemException($"the print markup this template produced has a colour at markup line {line} that the PDF cannot paint: {problem}");
    }

    private static bool Bool(XElement e, string name) => (bool?)e.Attribute(name) ?? false;

    private List<PrintInline> ReadInlines(XElement container)
    {
        var inlines = new List<PrintInline>();
        ReadInlines(container, bold: false, italic: false, code: false, href: null, inlines);
        return FoldWhiteSpace(inlines);
    }

    private void ReadInlines(XElement container, bool bold, bool italic, bool code, string? href, List<PrintInline> into)
    {
        foreach (var node in container.Nodes())
        {
            switch (node)
            {
                case XText text:
                    into.Add(new PrintText(text.Value, bold, italic, href, code));
                    break;
                case XElement { Name.LocalName: "em" } em:
                    ReadInlines(em, bold, !italic, code, href, into);
                    break;
                case XElement { Name.LocalName: "strong" } strong:
                    ReadInlines(strong, true, italic, code, href, into);
                    break;
                case XElement { Name.LocalName: "code" } literal:
                    ReadInlines(literal, bold, italic, true, href, into);
                    break;
                case XElement { Name.LocalName: "number" } number:
                    into.Add(new PrintText(number.Value, bold, italic, href, code) { Sequence = (string)number.Attribute("of")! });
                    break;
                case XElement { Name.LocalName: "a" } a:
                    ReadInlines(a, bold, italic, code, Link(a), into);
                    break;
                case XElement { Name.LocalName: "note" } note:
                    into.Add(new PrintNoteCall(new PrintNote(
                        (string)note.Attribute("id")!, (string)note.Attribute("mark")!,
                        note.Elements("p").Select(p => ReadParagraph(p) with { Style = (string?)p.Attribute("style") ?? "note" }).ToList())));
                    break;
                case XElement { Name.LocalName: "br" }:
                    into.Add(new PrintLineBreak());
                    break;
                case XElement { Name.LocalName: "page-number" }:
                    into.Add(new PrintField(PrintFieldKind.PageNumber));
                    break;
                case XElement { Name.LocalName: "page-count" }:
                    into.Add(new PrintField(PrintFieldKind.PageCount));
                    break;
            }
        }
    }

    /// <summary>Folds runs of XML white space to one space and trims the ends, merging adjacent equal runs.</summary>
    private static List<PrintInline> FoldWhiteSpace(List<PrintInline> inlines)
    {
        var folded = new List<PrintInline>();
        var atLineStart = true;
        foreach (var inline in inlines)
        {
            if (inline is not PrintText text)
            {
                folded.Add(inline);
                atLineStart = inline is PrintLineBreak;
                continue;
            }
            var builder = new StringBuilder(text.Text.Length);
            foreach (var ch in text.Text)
            {
                var isSpace = ch is ' ' or '\t' or '\n' or '\r';
                if (isSpace)
                {
                    if (!atLineStart && (builder.Length == 0 ? !EndsWithSpace(folded) : builder[^1] != ' ')) builder.Append(' ');
                }
                else
                {
                    builder.Append(ch);
                    atLineStart = false;
                }
            }
            if (builder.Length == 0) continue;
            if (folded.Count > 0 && folded[^1] is PrintText previous && previous with { Text = "" } == text with { Text = "" })
                folded[^1] = previous with { Text = previous.Text + builder };
            else
                folded.Add(text with { Text = builder.ToString() });
        }
        // Trailing spaces before a line break or the end of the block.
        for (var i = folded.Count - 1; i >= 0; i--)
        {
            if (folded[i] is PrintText t && (i == folded.Count - 1 || folded[i + 1] is PrintLineBreak))
            {
                var trimmed = t.Text.TrimEnd(' ');
                if (trimmed.Length == 0) folded.RemoveAt(i);
                else folded[i] = t with { Text = trimmed };
            }
        }
        return folded;
    }

    private static bool EndsWithSpace(List<PrintInline> folded) =>
        folded.Count > 0 && folded[^1] is PrintText t && t.Text.EndsWith(' ');

    /// <summary>A refused link or colour deep in the markup, carried up to <see cref="Parse"/>, which knows the template.</summary>
    private sealed class MarkupProblemException(string message) : Exception(message);
}
