using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Pdf.Tagging;

/// <summary>
/// The structure tree of every PDF, read back with Mozilla's pdf.js (getStructTree per page, and the
/// text inside each marked content) and compared with the print markup it was made from.
/// </summary>
public class StructureTreeTests
{
    private static readonly ConcurrentDictionary<(string, string), Lazy<JsonArray>> Trees = new();

    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    /// <summary>Each page's tree as pdf.js reads it.</summary>
    private static JsonArray Pages(string id, string lang) => Trees.GetOrAdd((id, lang), key => new Lazy<JsonArray>(() =>
        JsonNode.Parse(PdfJsStructTree.Read(RenderedEditions.Pdf(key.Item1, key.Item2)))!.AsArray())).Value;

    /// <summary>Every element in reading order, page by page, with the roles of its ancestors.</summary>
    private static List<(string Role, string Text, string? Alt, List<string> Ancestors)> Elements(string id, string lang)
    {
        var result = new List<(string, string, string?, List<string>)>();
        void Walk(JsonNode node, List<string> ancestors)
        {
            if (node["role"] is null) return;
            var role = (string)node["role"]!;
            result.Add((role, Text(node), (string?)node["alt"], ancestors));
            foreach (var child in node["children"]!.AsArray()) Walk(child!, [.. ancestors, role]);
        }
        foreach (var page in Pages(id, lang)) Walk(page!["tree"]!, []);
        return result;
    }

    private static string Text(JsonNode node) =>
        node["text"] is { } text ? (string)text! : string.Concat((node["children"]?.AsArray() ?? []).Select(c => Text(c!)));

    /// <summary>
    /// Text compared with line breaks joined up: a hyphen added at a hyphenation point reads back as a
    /// soft hyphen (U+00AD, from its own CID's ToUnicode), so dropping it gives the model's word; a
    /// hyphen the text has ("Korea-Japan") reads as "-" and must match.
    /// </summary>
    private static string Unhyphenated(string text) => PdfText.Squeeze(text.Replace("\u00AD", "", StringComparison.Ordinal));

    private static string Plain(IEnumerable<PrintInline> inlines) =>
        PdfText.Squeeze(string.Concat(inlines.Select(i => i switch
        {
            PrintText t => t.Text,
            PrintNoteCall c => c.Note.Mark,
            _ => "",
        })));

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Headings_equal_the_briefs_headings_in_order_and_level(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var expected = PrintWalker.Descendants(document.Blocks).OfType<PrintHeading>().Select(h => $"H{h.Level} {Plain(h.Inlines)}").ToList();
        var actual = Elements(id, lang).Where(e => e.Role.Length == 2 && e.Role[0] == 'H' && char.IsDigit(e.Role[1]))
            .Select(e => $"{e.Role} {PdfText.Squeeze(e.Text)}").ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Every_paragraph_and_list_item_is_a_P_with_the_models_text(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var captions = PrintWalker.Descendants(document.Blocks).OfType<PrintFigure>().SelectMany(f => new[] { f.Caption, f.Credit }).OfType<PrintParagraph>().ToHashSet();
        // The contents' title is a P where the contents are (their entries are TOCI, in ContentsPageTests).
        var expected = Unhyphenated(string.Concat(PrintWalker.Descendants(document.Blocks)
            .SelectMany(b => b is PrintContents c ? [c.Title] : b is PrintParagraph p ? new[] { p } : [])
            .Where(p => !captions.Contains(p)).Select(p => Plain(p.Inlines))));
        // A paragraph that runs over a page is a P on each page: the texts joined must give the model's.
        var paragraphs = Elements(id, lang).Where(e => e.Role == "P" && !e.Ancestors.Contains("Note")).ToList();
        var actual = Unhyphenated(string.Concat(paragraphs.Select(e => e.Text)));
        Assert.True(expected == actual, PdfText.Describe(expected, actual));
        // English is hyphenated (poppler reads the soft hyphens), so the comparison above covered words
        // broken at a line end: pdf.js drops the soft hyphen and reads the word whole.
        if (lang == "en") Assert.Contains('\u00AD', ExternalTool.RunOnFile("pdftotext", "{file} -", RenderedEditions.Pdf(id, lang), "pdf"));
        var items = Elements(id, lang).Where(e => e.Role == "LI").ToList();
        var modelItems = PrintWalker.Descendants(document.Blocks).OfType<PrintList>().Sum(l => l.Items.Count);
        Assert.True(items.Count >= modelItems, $"{modelItems} list items in the model, {items.Count} LI in the PDF");
        var markers = PrintWalker.Descendants(document.Blocks).OfType<PrintList>().SelectMany(l => l.Items).Select(i => PdfText.Squeeze(i.Marker)).Order().ToList();
        Assert.Equal(markers, Elements(id, lang).Where(e => e.Role == "Lbl" && e.Ancestors[^1] == "LI").Select(e => PdfText.Squeeze(e.Text)).Where(t => t.Length > 0).Order());
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Figures_have_their_alt_text_and_notes_are_Notes(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var elements = Elements(id, lang);
        var figures = PrintWalker.Descendants(document.Blocks).OfType<PrintFigure>().Select(f => f.Alt).ToList();
        Assert.Equal(figures, elements.Where(e => e.Role == "Figure").Select(e => e.Alt));
        var notes = document.Notes().ToList();
        // A note's label starts it; a note that runs over a page continues in a second Note without one.
        var labels = elements.Where(e => e.Role == "Lbl" && e.Ancestors.LastOrDefault() == "Note").Select(e => PdfText.Squeeze(e.Text)).ToList();
        Assert.Equal(notes.Select(n => n.Mark), labels);
        var expected = Unhyphenated(string.Concat(notes.SelectMany(n => n.Paragraphs).Select(p => Plain(p.Inlines))));
        var actual = Unhyphenated(string.Concat(elements.Where(e => e.Role == "P" && e.Ancestors.Contains("Note")).Select(e => e.Text)));
        Assert.True(expected == actual, PdfText.Describe(expected, actual));
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Every_caption_follows_its_figure_or_lies_inside_its_table_with_the_models_text(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var elements = Elements(id, lang);
        // A Figure has /Alt, and screen readers speak the Alt and go no deeper, so a Caption inside a Figure
        // is never read; the PDF Association's best practice for PDF 1.7 (PDF/UA-1) is a Caption right after
        // its Figure, a sibling. A Table has no Alt: its Caption is its child.
        var hidden = elements.Where(e => e.Role == "Caption" && e.Ancestors.Contains("Figure")).Select(e => $"'{e.Text}'").ToList();
        Assert.True(hidden.Count == 0, "captions inside a Figure, behind its Alt: " + string.Join("; ", hidden));
        var figures = PrintWalker.Descendants(document.Blocks).OfType<PrintFigure>()
            .Select(f => Unhyphenated(string.Concat(new[] { f.Caption, f.Credit }.OfType<PrintParagraph>().Select(p => Plain(p.Inlines))))).ToList();
        // Each Figure's next sibling in reading order is its Caption (caption and credit), or nothing when it has none.
        var following = elements.Select((e, i) => (e, i)).Where(x => x.e.Role == "Figure")
            .Select(x => x.i + 1 < elements.Count && elements[x.i + 1] is { Role: "Caption" } next && next.Ancestors.SequenceEqual(x.e.Ancestors)
                ? Unhyphenated(next.Text) : "").ToList();
        Assert.Equal(figures, following);
        Assert.Equal(figures.Count(f => f.Length > 0), elements.Count(e => e.Role == "Caption" && !e.Ancestors.Contains("Table")));
        var tables = PrintWalker.Descendants(document.Blocks).OfType<PrintTable>().Count(t => t.Caption is not null);
        Assert.Equal(tables, elements.Count(e => e.Role == "Caption" && e.Ancestors[^1] == "Table"));
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void No_text_lies_outside_the_tree_or_an_artifact(string id, string lang)
    {
        foreach (var page in Pages(id, lang))
        {
            Assert.Equal("", (string)page!["untagged"]!);
            Assert.NotNull(page["tree"]);
            // Running heads and page numbers are there, as artifacts (the cover page has none).
            if ((int)page["page"]! > 1) Assert.True((int)page["artifacts"]! > 0, $"page {page["page"]} has no artifacts");
        }
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Tables_have_header_cells_and_links_their_annotations(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var elements = Elements(id, lang);
        var headerCells = PrintWalker.Descendants(document.Blocks).OfType<PrintTable>().Sum(t => t.Rows.Where(r => r.IsHeader).Sum(r => r.Cells.Count));
        Assert.Equal(headerCells, elements.Count(e => e.Role == "TH"));
        Assert.All(elements.Where(e => e.Role is "TH" or "TD"), e => Assert.Equal("TR", e.Ancestors[^1]));
        var pages = Pages(id, lang);
        bool HasAnnotation(JsonNode node) => node["annotation"] is not null || (node["children"]?.AsArray() ?? []).Any(c => HasAnnotation(c!));
        Assert.True(pages.Any(p => HasAnnotation(p!["tree"]!)), "no link annotation is in the structure tree");
    }
}
