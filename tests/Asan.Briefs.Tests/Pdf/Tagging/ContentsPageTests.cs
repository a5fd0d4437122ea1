using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Tests.Support;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Pdf.Tagging;

/// <summary>
/// The PDF's table of contents (the print markup's &lt;contents&gt;, from the one contents rule), read
/// back with pdf.js (structure tree), PdfPig (page text) and qpdf (link annotations and destinations):
/// a TOC of TOCI in reading order whose texts are the headings, each with the page its heading is on,
/// each a link to that heading.
/// </summary>
public sealed partial class ContentsPageTests
{
    public static IEnumerable<object[]> EditionsWithContents() =>
        RenderedEditions.All().Where(e => Contents((string)e[0], (string)e[1]) is not null);

    private static PrintContents? Contents(string id, string lang) =>
        RenderedEditions.PrintDocument(id, lang).Blocks.OfType<PrintContents>().SingleOrDefault();

    [Fact]
    public void The_feature_tour_has_contents_in_both_languages() =>
        Assert.Equal(["feature-tour en", "feature-tour ko"], EditionsWithContents().Select(e => $"{e[0]} {e[1]}").Where(e => e.StartsWith("feature-tour", StringComparison.Ordinal)));

    /// <summary>Each TOCI of the file in reading order: its text, the page its tree is on (1-based), and whether it holds Reference → Link → annotation.</summary>
    private static List<(string Text, int Page, bool Linked)> Entries(byte[] pdf)
    {
        var entries = new List<(string, int, bool)>();
        var tocs = 0;
        foreach (var page in JsonNode.Parse(PdfJsStructTree.Read(pdf))!.AsArray())
        {
            void Walk(JsonNode node)
            {
                if (node["role"] is not { } role) return;
                if ((string)role! == "TOC") tocs++;
                if ((string)role! == "TOCI")
                {
                    var linked = Children(node).Any(r => (string?)r["role"] == "Reference"
                        && Children(r).Any(l => (string?)l["role"] == "Link" && Children(l).Any(a => a["annotation"] is not null)));
                    entries.Add((Text(node), (int)page!["page"]!, linked));
                    return;
                }
                foreach (var child in Children(node)) Walk(child);
            }
            if (page!["tree"] is { } tree) Walk(tree);
        }
        Assert.True(tocs >= 1, "no TOC element");
        return entries;
    }

    private static IEnumerable<JsonNode> Children(JsonNode node) => (node["children"]?.AsArray() ?? []).OfType<JsonNode>();

    private static string Text(JsonNode node) =>
        node["text"] is { } text ? (string)text! : string.Concat(Children(node).Select(Text));

    /// <summary>The page (1-based) on which pdf.js finds each heading element, by its text.</summary>
    private static Dictionary<string, int> HeadingPages(byte[] pdf)
    {
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in JsonNode.Parse(PdfJsStructTree.Read(pdf))!.AsArray())
        {
            void Walk(JsonNode node)
            {
                if (node["role"] is not { } role) return;
                if (Regex.IsMatch((string)role!, "^H[1-6]$")) pages.TryAdd(Squeezed(Text(node)), (int)page!["page"]!);
                foreach (var child in Children(node)) Walk(child);
            }
            if (page!["tree"] is { } tree) Walk(tree);
        }
        return pages;
    }

    private static string Squeezed(string text) => PdfText.Squeeze(text.Replace("\u00AD", "", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(EditionsWithContents))]
    public void Each_entry_is_a_TOCI_with_its_headings_text_and_the_page_it_is_on(string id, string lang)
    {
        foreach (var pdf in new[] { RenderedEditions.Pdf(id, lang), RenderedEditions.Print(id, lang) })
        {
            var contents = Contents(id, lang)!;
            var headings = PrintWalker.Descendants(RenderedEditions.PrintDocument(id, lang).Blocks).OfType<PrintHeading>()
                .ToDictionary(h => h.Id!, h => Squeezed(PrintWalker.PlainText(h.Inlines)));
            var entries = Entries(pdf);
            // One TOCI per entry, in the order of the headings, each text the heading's and then its page number.
            Assert.Equal(contents.Entries.Select(e => headings[e.Target]), entries.Select(e => NumberAtEnd().Match(Squeezed(e.Text)).Groups[1].Value));
            var onPage = HeadingPages(pdf);
            using var pig = PdfDocument.Open(pdf);
            for (var i = 0; i < entries.Count; i++)
            {
                var heading = headings[contents.Entries[i].Target];
                var printed = int.Parse(NumberAtEnd().Match(Squeezed(entries[i].Text)).Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(onPage.TryGetValue(heading, out var page), $"pdf.js finds no heading '{heading}'");
                Assert.True(printed == page, $"entry '{heading}' says page {printed}; pdf.js finds the heading on page {page}");
                // PdfPig, a second reader, sees the heading's letters on that page.
                Assert.Contains(heading, Squeezed(string.Concat(pig.GetPage(page).Letters.Select(l => l.Value))));
                Assert.True(entries[i].Linked, $"entry '{heading}' holds no Reference with a Link and its annotation");
            }
            ExternalTool.RunOnFile("qpdf", "--check {file}", pdf, "pdf");
        }
    }

    [GeneratedRegex(@"^(.*?)(\d+)$", RegexOptions.Singleline)]
    private static partial Regex NumberAtEnd();

    [Theory]
    [MemberData(nameof(EditionsWithContents))]
    public void Each_entrys_links_go_to_the_page_of_its_heading(string id, string lang)
    {
        var contents = Contents(id, lang)!;
        var pdf = RenderedEditions.Pdf(id, lang);
        var qpdf = QpdfObjects.Of(pdf);
        var dests = qpdf.Destinations();
        var onPage = HeadingPages(pdf);
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in qpdf.Pages)
        {
            if (!page.TryGetProperty("/Annots", out var annots)) continue;
            foreach (var annot in qpdf.Get(annots).EnumerateArray().Select(qpdf.Get))
            {
                if (!annot.TryGetProperty("/Dest", out var dest) || contents.Entries.All(e => e.Target != QpdfObjects.Text(dest.GetString()!))) continue;
                var target = QpdfObjects.Text(dest.GetString()!);
                var heading = PrintWalker.Descendants(RenderedEditions.PrintDocument(id, lang).Blocks).OfType<PrintHeading>().Single(h => h.Id == target);
                Assert.Equal(onPage[Squeezed(PrintWalker.PlainText(heading.Inlines))], dests[target] + 1);
                linked.Add(target);
            }
        }
        Assert.Equal(contents.Entries.Select(e => e.Target).ToHashSet(), linked);
    }

}
