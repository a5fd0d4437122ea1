using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Asan.Briefs.Model;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using Numbering = Asan.Briefs.Model.Numbering;

namespace Asan.Briefs.Tests.Editions;

/// <summary>
/// Numbered captions and cross-references in every output, read back with tools we did not write
/// (AngleSharp, the Open XML SDK, qpdf with PdfPig, pdf.js) and compared with the model: figures and
/// tables are captioned "Figure 1", "표 1"… in reading order, and every reference shows its target's
/// number word and links to that figure or table.
/// </summary>
public sealed class CrossReferenceOutputTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All().Where(e => (string)e[0] == Repository.FeatureTour);

    private static Brief Tour => Repository.Brief(Repository.FeatureTour);

    /// <summary>Every figure and table, in reading order, with its anchor and caption line as the model says.</summary>
    private static List<(Block Block, string Anchor, string Word, string Caption)> Numbered(ModelText text) =>
        Tour.AllBlocks.Where(b => b is FigureBlock or TableBlock).Select(b =>
            (b, (b as FigureBlock)?.Label ?? ((TableBlock)b).Label ?? "", text.NumberWord(b), text.Caption(b)))
            .Select(x => (x.b, x.Item2.Length > 0 ? Numbering.Anchor(x.Item2) : "", x.Item3, x.Item4)).ToList();

    /// <summary>Every cross-reference of the body and notes: the anchor it goes to and the words it must show.</summary>
    private static List<(string Anchor, string Word)> References(ModelText text)
    {
        var sequences = Tour.AllBlocks.SelectMany(b => Blocks.InlineSequences(b, text.Lang))
            .Concat(Tour.Footnotes.SelectMany(f => f.Paragraphs[text.Lang]));
        return sequences.SelectMany(Inlines.Descendants).OfType<ReferenceInline>()
            .Select(r => (Numbering.Anchor(r.Target), text.Reference(r))).ToList();
    }

    [Fact]
    public void The_tour_numbers_and_cites_a_figure_and_a_table()
    {
        var text = new ModelText(Tour, "en");
        Assert.Contains(Numbered(text), n => n.Block is TableBlock && n.Anchor.Length > 0);
        Assert.Contains(Numbered(text), n => n.Block is FigureBlock && n.Anchor.Length > 0);
        Assert.True(References(text).Count >= 4, "the tour cites its figure and table in text and in a note");
    }

    [Theory, MemberData(nameof(Editions))]
    public void Html_captions_are_numbered_in_order_and_references_link_to_them(string id, string lang)
    {
        var text = new ModelText(Tour, lang);
        var page = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        string Squeeze(string s) => PdfText.Squeeze(s);
        var captions = page.QuerySelectorAll("figure .caption, table > caption").Select(c => Squeeze(c.TextContent)).ToList();
        Assert.Equal(Numbered(text).Select(n => Squeeze(n.Caption)), captions);
        var links = page.QuerySelectorAll("a.xref").ToList();
        Assert.Equal(References(text).Select(r => ("#" + r.Anchor, r.Word)), links.Select(a => (a.GetAttribute("href")!, a.TextContent)));
        foreach (var link in links)
        {
            var target = page.GetElementById(link.GetAttribute("href")![1..]);
            Assert.True(target is not null, $"{link.OuterHtml} goes to no element");
            var caption = target!.LocalName == "table" ? target.QuerySelector("caption") : target.QuerySelector("figcaption .caption-number");
            Assert.StartsWith(link.TextContent, caption!.TextContent.Trim());
        }
    }

    /// <summary>A paragraph's text as Word shows it: its w:t, not the field codes.</summary>
    private static string Shown(Paragraph paragraph) => string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));

    [Theory, MemberData(nameof(Editions))]
    public void Word_captions_are_caption_paragraphs_with_seq_fields_and_references_are_hyperlinks_to_their_bookmarks(string id, string lang)
    {
        var text = new ModelText(Tour, lang);
        using var document = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(id, lang)), false);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        var captions = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption").ToList();
        Assert.Equal(Numbered(text).Select(n => PdfText.Squeeze(n.Caption)), captions.Select(c => PdfText.Squeeze(Shown(c))));
        foreach (var (caption, numbered) in captions.Zip(Numbered(text)))
        {
            var field = Assert.Single(caption.Descendants<FieldCode>());
            Assert.Equal($" SEQ {(numbered.Block is FigureBlock ? "Figure" : "Table")} \\* ARABIC ", field.Text);
            if (numbered.Block is TableBlock)
            {
                Assert.IsType<Table>(caption.NextSibling());
                Assert.NotNull(caption.ParagraphProperties!.KeepNext);
            }
        }
        // Every bookmark by name, with the paragraph it is on.
        var bookmarks = main.Document.Descendants<BookmarkStart>().Concat(main.FootnotesPart!.Footnotes!.Descendants<BookmarkStart>())
            .ToDictionary(b => b.Name!.Value!, b => b.Ancestors<Paragraph>().First());
        var links = body.Descendants<Hyperlink>().Concat(main.FootnotesPart.Footnotes.Descendants<Hyperlink>())
            .Where(h => h.Anchor?.Value is { } a && (a.StartsWith("fig_", StringComparison.Ordinal) || a.StartsWith("tbl_", StringComparison.Ordinal))).ToList();
        Assert.Equal(References(text).Select(r => r.Word).Order(), links.Select(l => l.InnerText).Order());
        foreach (var link in links)
        {
            Assert.True(bookmarks.TryGetValue(link.Anchor!.Value!, out var target), $"hyperlink to {link.Anchor.Value}: no such bookmark");
            // A table's bookmark is on its caption; a figure's on its picture, whose caption follows.
            var caption = target!.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption" ? target : (Paragraph)target.NextSibling()!;
            Assert.StartsWith(link.InnerText + ".", Shown(caption));
        }
    }

    [Theory, MemberData(nameof(Editions))]
    public void Pandoc_reads_the_word_drafts_table_captions_and_references_as_the_model_has_them(string id, string lang)
    {
        var text = new ModelText(Tour, lang);
        var json = JsonNode.Parse(ExternalTool.RunOnFile("pandoc", "-f docx -t json {file}", RenderedEditions.Docx(id, lang), "docx"))!;
        var captions = new List<(string Anchor, string Text)>();
        var links = new List<(string Target, string Text)>();
        static string Plain(JsonNode? node) => node switch
        {
            JsonObject o when (string?)o["t"] == "Str" => (string)o["c"]!,
            JsonObject o when (string?)o["t"] is "Space" or "SoftBreak" => " ",
            JsonObject o => Plain(o["c"]),
            JsonArray a => string.Concat(a.Select(Plain)),
            _ => "",
        };
        void Walk(JsonNode? node)
        {
            if (node is JsonArray array) { foreach (var item in array) Walk(item); return; }
            if (node is not JsonObject o) return;
            if ((string?)o["t"] == "Table")
            {
                var caption = o["c"]![1]![1]!;
                var anchor = caption.ToJsonString().Contains("\"anchor\"", StringComparison.Ordinal) ? (string)caption[0]!["c"]![0]!["c"]![0]![0]! : "";
                captions.Add((anchor, PdfText.Squeeze(Plain(caption))));
            }
            if ((string?)o["t"] == "Link" && ((string)o["c"]![2]![0]!).StartsWith("#tbl_", StringComparison.Ordinal) || (string?)o["t"] == "Link" && ((string)o["c"]![2]![0]!).StartsWith("#fig_", StringComparison.Ordinal))
                links.Add(((string)o["c"]![2]![0]!, PdfText.Squeeze(Plain(o["c"]![1]))));
            foreach (var (_, value) in o) Walk(value);
        }
        Walk(json["blocks"]);
        var tables = Numbered(text).Where(n => n.Block is TableBlock).ToList();
        Assert.Equal(tables.Select(t => (t.Anchor.Replace('-', '_'), PdfText.Squeeze(t.Caption))), captions);
        Assert.Equal(References(text).Select(r => ("#" + r.Anchor.Replace('-', '_'), PdfText.Squeeze(r.Word))).Order(), links.Order());
    }

    [Theory, MemberData(nameof(Editions))]
    public void Pdf_references_are_link_annotations_over_their_words_going_to_the_page_of_their_caption(string id, string lang)
    {
        var text = new ModelText(Tour, lang);
        var pdf = RenderedEditions.Pdf(id, lang);
        var qpdf = QpdfObjects.Of(pdf);
        using var pig = PdfDocument.Open(pdf);
        var dests = qpdf.Destinations();
        var numbered = Numbered(text).Where(n => n.Anchor.Length > 0).ToDictionary(n => n.Anchor);
        var found = new List<(string Anchor, string Word)>();
        for (var p = 0; p < qpdf.Pages.Count; p++)
        {
            if (!qpdf.Pages[p].TryGetProperty("/Annots", out var annots)) continue;
            var letters = pig.GetPage(p + 1).Letters;
            foreach (var annot in qpdf.Get(annots).EnumerateArray().Select(qpdf.Get))
            {
                if (!annot.TryGetProperty("/Dest", out var dest) || !numbered.TryGetValue(QpdfObjects.Text(dest.GetString()!), out var target)) continue;
                var rect = annot.GetProperty("/Rect").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                var under = string.Concat(letters.Where(l => l.BoundingBox.Centroid.X > rect[0] && l.BoundingBox.Centroid.X < rect[2]
                    && l.BoundingBox.Centroid.Y > rect[1] && l.BoundingBox.Centroid.Y < rect[3]).Select(l => l.Value));
                found.Add((target.Anchor, PdfText.Squeeze(under)));
                // The destination's page shows the caption that the words name.
                var destinationPage = PdfText.Squeeze(string.Concat(pig.GetPage(dests[target.Anchor] + 1).Letters.Select(l => l.Value)));
                Assert.Contains(PdfText.Squeeze(target.Word + "."), destinationPage);
            }
        }
        Assert.Equal(References(text).Select(r => (r.Anchor, PdfText.Squeeze(r.Word))).Order(), found.Order());
    }

    [Theory, MemberData(nameof(Editions))]
    public void Pdf_keeps_a_tables_caption_on_the_page_of_its_first_rows(string id, string lang)
    {
        var text = new ModelText(Tour, lang);
        using var pig = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var pages = pig.GetPages().Select(p => PdfText.Squeeze(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
        foreach (var table in Tour.AllBlocks.OfType<TableBlock>())
        {
            var caption = PdfText.Squeeze(text.Caption(table));
            // The caption, then the header row and the first body row, on one page.
            var rows = PdfText.Squeeze(string.Concat(table.Rows.Take(2).SelectMany(r => r.Cells).Select(c => text.Plain(c[lang]))));
            Assert.Contains(pages, p => p.Contains(caption + rows, StringComparison.Ordinal));
        }
    }

    [Theory, MemberData(nameof(Editions))]
    public void Pdf_sets_a_tables_caption_clear_of_the_text_above_it(string id, string lang)
    {
        // The Korean tour's figure floats to the page its table starts: its source line is right above the caption.
        var text = new ModelText(Tour, lang);
        using var pig = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        // The glyphs' gap: the glue (PagedLayout's space above a caption) plus the lines' half-leading, at least the glue.
        var blockSpace = Math.Max(Repository.Theme.Style("body", lang).SpaceAfter, Asan.Briefs.Resolution.PagedLayout.TableCaptionSpaceAbove);
        foreach (var table in Tour.AllBlocks.OfType<TableBlock>())
        {
            var word = text.NumberWord(table).Split(' ');
            var (page, caption) = pig.GetPages().SelectMany(p => p.GetWords().Zip(p.GetWords().Skip(1)).Select(w => (p, w)))
                .Where(x => x.w.First.Text == word[0] && x.w.Second.Text == word[1] + ".").Select(x => (x.p, x.w.First)).Single();
            var above = page.Letters.Where(l => l.BoundingBox.Bottom > caption.BoundingBox.Top && !string.IsNullOrWhiteSpace(l.Value)
                && l.BoundingBox.Left < caption.BoundingBox.Left + 200).Select(l => l.BoundingBox.Bottom).DefaultIfEmpty(double.MaxValue).Min();
            Assert.True(above - caption.BoundingBox.Top >= blockSpace, $"{lang}: {above - caption.BoundingBox.Top:0.0} pt between the text above and '{text.Caption(table)}'; at least {blockSpace} pt");
        }
    }

    [Theory, MemberData(nameof(Editions))]
    public void Pdf_tags_a_tables_caption_inside_its_table_and_each_reference_as_a_reference_with_its_link(string id, string lang)
    {
        var text = new ModelText(Tour, lang);
        var pages = JsonNode.Parse(PdfJsStructTree.Read(RenderedEditions.Pdf(id, lang)))!.AsArray();
        var tables = new List<string>();
        var references = new List<string>();
        static string Text(JsonNode node) =>
            node["text"] is { } t ? (string)t! : string.Concat((node["children"]?.AsArray() ?? []).Select(c => Text(c!)));
        void Walk(JsonNode node)
        {
            if (node["role"] is null) return;
            var role = (string)node["role"]!;
            var children = node["children"]!.AsArray().Where(c => c?["role"] is not null).ToList();
            if (role == "Table" && children.Count > 0 && (string)children[0]!["role"]! == "Caption") tables.Add(PdfText.Squeeze(Text(children[0]!)));
            if (role == "Reference" && children.Any(c => (string)c!["role"]! == "Link")
                && node["children"]!.AsArray().SelectMany(c => c?["children"]?.AsArray() ?? []).Any(k => k?["annotation"] is not null))
                references.Add(PdfText.Squeeze(Text(node)));
            foreach (var child in node["children"]!.AsArray()) Walk(child!);
        }
        foreach (var page in pages) Walk(page!["tree"]!);
        Assert.Equal(Numbered(text).Where(n => n.Block is TableBlock).Select(n => PdfText.Squeeze(n.Caption)), tables);
        var words = References(text).Select(r => PdfText.Squeeze(r.Word)).ToHashSet();
        Assert.Equal(References(text).Select(r => PdfText.Squeeze(r.Word)).Order(), references.Where(words.Contains).Order());
    }
}
