using Asan.Briefs.Tests.Support;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Asan.Briefs.Model;

namespace Asan.Briefs.Tests.Html;

/// <summary>Reads the web editions back with AngleSharp and compares them with the content model.</summary>
[Collection(HtmlCollection.Name)]
public sealed partial class HtmlEditionTests(HtmlFixture fixture)
{
    public static TheoryData<string, string> Editions()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in HtmlFixture.BriefIds)
        foreach (var lang in HtmlFixture.Languages)
            data.Add(id, lang);
        return data;
    }

    private IDocument Parse(string id, string lang) => new HtmlParser().ParseDocument(fixture.Html(id, lang));

    /// <summary>Print writes an outside link's address after its text; a bare link, whose text is its address, is marked so it is not written twice.</summary>
    [Theory, MemberData(nameof(Editions))]
    public void Bare_links_and_only_they_are_marked_so_print_does_not_repeat_the_address(string id, string lang)
    {
        var links = Parse(id, lang).QuerySelectorAll("main a[href^='http']").ToList();
        foreach (var link in links)
            Assert.True((link.TextContent == link.GetAttribute("href")) == link.ClassList.Contains("bare"), $"{id}.{lang}: {link.OuterHtml}");
        var modelBare = fixture.Briefs[id].AllBlocks.OfType<ParagraphBlock>().SelectMany(p => Inlines.Descendants(p.Text[lang]))
            .OfType<LinkInline>().Count(l => Inlines.PlainText(l.Children) == l.Url);
        Assert.True(links.Count(l => l.ClassList.Contains("bare")) >= modelBare, $"{id}.{lang}: {modelBare} bare links in the body's paragraphs");
    }

    [Theory, MemberData(nameof(Editions))]
    public void Every_heading_paragraph_caption_and_cell_is_in_the_page_in_order(string id, string lang)
    {
        var brief = fixture.Briefs[id];
        var text = new ModelText(brief, lang);
        var expected = new List<string>();
        foreach (var section in brief.Sections)
        {
            if (section.Heading is not null) expected.Add(text.Plain(section.Heading[lang]));
            foreach (var block in Blocks.Descendants(section.Blocks))
            {
                switch (block)
                {
                    case ParagraphBlock p: expected.Add(text.Plain(p.Text[lang])); break;
                    case FigureBlock f:
                        expected.Add(text.Caption(f));
                        if (f.Credit[lang] != "") expected.Add(f.Credit[lang]);
                        break;
                    case TableBlock t:
                        expected.Add(text.Caption(t));
                        expected.AddRange(t.Rows.SelectMany(r => r.Cells).Select(c => text.Plain(c[lang])));
                        break;
                }
            }
        }

        var body = Parse(id, lang).QuerySelector(".brief-body") ?? throw new Xunit.Sdk.XunitException("no .brief-body in the page");
        var actual = body.QuerySelectorAll("h2, h3, h4, h5, h6, p, caption, th, td").Select(TextWithoutNoteCalls).ToList();

        Assert.Equal(expected.Select(Normalize), actual);
    }

    [Theory, MemberData(nameof(Editions))]
    public void Every_note_is_in_the_page_in_order_and_links_both_ways(string id, string lang)
    {
        var brief = fixture.Briefs[id];
        var document = Parse(id, lang);
        var items = document.QuerySelectorAll("[role=doc-endnotes] li");
        var notes = brief.Footnotes.OrderBy(f => f.Number).ToList();
        Assert.Equal(notes.Count, items.Length);
        if (id == "feature-tour") Assert.True(notes.Count >= 7, "the feature tour cites seven notes");

        for (var n = 0; n < notes.Count; n++)
        {
            var item = items[n];
            var paragraphs = item.QuerySelectorAll("p").Select(TextWithoutNoteCalls).Select(t => t.TrimEnd('↑').TrimEnd()).ToList();
            Assert.Equal(notes[n].Paragraphs[lang].Select(p => Normalize(new ModelText(brief, lang).Plain(p))), paragraphs);

            // note → text: the back link targets the first call, which targets the note.
            var back = item.QuerySelector("a[role=doc-backlink]") ?? throw new Xunit.Sdk.XunitException($"note {n + 1} has no back link");
            var call = document.GetElementById(back.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(call);
            Assert.Equal("doc-noteref", call!.GetAttribute("role"));
            Assert.Equal("#" + item.Id, call.GetAttribute("href"));
            Assert.Equal(notes[n].Number.ToString(System.Globalization.CultureInfo.InvariantCulture), call.TextContent);
            Assert.Equal("SUP", call.ParentElement!.TagName);
        }

        // text → note: every call, first or repeated, resolves to a note.
        var calls = document.QuerySelectorAll("a[role=doc-noteref]");
        Assert.True(calls.Length >= notes.Count);
        foreach (var call in calls)
        {
            var target = document.GetElementById(call.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(target);
            Assert.Equal("LI", target!.TagName);
        }

        // Every id in the page is unique and every in-page link resolves.
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
            Assert.Contains(link.GetAttribute("href")![1..], ids);
    }

    [Theory, MemberData(nameof(Editions))]
    public void Page_carries_its_language_metadata_and_edition_links(string id, string lang)
    {
        var brief = fixture.Briefs[id];
        var m = brief.Metadata;
        var document = Parse(id, lang);
        Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Normalize(m.Title[lang]), Normalize(document.QuerySelector("h1")!.TextContent));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.StartsWith(m.Title[lang], document.Title, StringComparison.Ordinal);
        Assert.Equal(m.Summary[lang], Meta(document, "name", "description"));
        Assert.Equal(string.Join(", ", m.Authors.Select(a => a.Name[lang])), Meta(document, "name", "author"));
        Assert.Equal(string.Join(", ", m.Keywords[lang]), Meta(document, "name", "keywords"));
        Assert.Equal("article", Meta(document, "property", "og:type"));
        Assert.Equal(lang == "ko" ? "ko_KR" : "en_US", Meta(document, "property", "og:locale"));
        Assert.Equal(lang == "ko" ? "en_US" : "ko_KR", Meta(document, "property", "og:locale:alternate"));
        var time = document.QuerySelector(".cover time")!;
        Assert.Equal(m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), time.GetAttribute("datetime"));

        // Both editions as alternates; a visible link to the other one, in its own language; downloads.
        foreach (var l in brief.Languages)
            Assert.NotNull(document.QuerySelector($"link[rel=alternate][hreflang={l}][href='{fixture.Templates.Site.BaseUrl}{id}/{id}.{l}.html']"));
        var other = brief.Languages.Single(l => l != lang);
        var visible = document.QuerySelector($"nav a[href='{id}.{other}.html']");
        Assert.NotNull(visible);
        Assert.Equal(other, visible!.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector($"a[href='{id}.{lang}.pdf']"));
        Assert.NotNull(document.QuerySelector($"a[href='{id}.{lang}.docx']"));

        // Authors with their role and affiliation on the cover; headings in order without skips.
        foreach (var author in m.Authors)
            Assert.Contains(author.Name[lang], document.QuerySelector(".cover .authors")!.TextContent, StringComparison.Ordinal);
        var levels = document.QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6").Select(h => h.TagName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"heading level jumps from h{levels[i - 1]} to h{levels[i]}");

        // Semantic landmarks.
        foreach (var selector in new[] { "body > header", "body > main", "main > article", "article > header", "body > footer", "article section" })
            Assert.NotNull(document.QuerySelector(selector));
    }

    [Theory, MemberData(nameof(Editions))]
    public void Json_ld_describes_the_report(string id, string lang)
    {
        var brief = fixture.Briefs[id];
        var document = Parse(id, lang);
        var script = Assert.Single(document.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Report", root.GetProperty("@type").GetString());
        Assert.Equal(brief.Metadata.Title[lang], root.GetProperty("headline").GetString());
        Assert.Equal(lang, root.GetProperty("inLanguage").GetString());
        Assert.Equal(brief.Metadata.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("datePublished").GetString());
        var author = root.GetProperty("author")[0];
        Assert.Equal(brief.Metadata.Authors[0].Name[lang], author.GetProperty("name").GetString());
        Assert.Equal(brief.Metadata.Authors[0].Affiliation[lang], author.GetProperty("affiliation").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("publisher").GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("en", "\"R&D spending < 5% of GDP\"")]
    [InlineData("en", "\"A > B\"")]
    [InlineData("en", "AT&T")]
    [InlineData("en", "'single quotes'")]
    [InlineData("en", "the Institute's work")]
    [InlineData("ko", "\"R&D 지출 < GDP의 5%\"")]
    public void Markup_characters_in_content_come_through_as_text(string lang, string text)
    {
        var document = Parse("feature-tour", lang);
        Assert.Contains(text, Normalize(document.QuerySelector(".brief-body")!.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;amp;", fixture.Html("feature-tour", lang), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Editions))]
    public void Content_brings_no_script_or_event_handler(string id, string lang)
    {
        var document = Parse(id, lang);
        Assert.All(document.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, form"));
        foreach (var element in document.All)
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        foreach (var link in document.QuerySelectorAll("a[href]"))
            Assert.DoesNotMatch("^(javascript|data|vbscript):", link.GetAttribute("href")!.Trim().ToLowerInvariant());
    }

    [Fact]
    public void Korean_text_keeps_words_whole_and_body_is_justified()
    {
        var css = Parse("feature-tour", "ko").QuerySelector("style")!.TextContent;
        Assert.Matches(@":lang\(ko\)\s*\{[^}]*word-break:\s*keep-all", css);
        Assert.Matches(@":lang\(ko\)\s*\{[^}]*line-break:\s*strict", css);
        Assert.Matches(@"\.brief-body p, \.brief-body li \{[^}]*text-align:\s*justify", css);
        Assert.Matches(@"@media print\s*\{\s*@page\s*\{\s*size:\s*210mm 297mm", css);
    }

    [Fact]
    public void Figures_and_tables_are_semantic()
    {
        var document = Parse("feature-tour", "en");
        var figure = Assert.Single(document.QuerySelectorAll("figure"));
        var img = figure.QuerySelector("img")!;
        Assert.Equal("figure-trade.png", img.GetAttribute("src"));
        Assert.StartsWith("Bar chart of Korea–Japan trade", img.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.NotNull(figure.QuerySelector("figcaption .credit"));

        var table = Assert.Single(document.QuerySelectorAll("table"));
        Assert.Equal(5, table.QuerySelectorAll("thead th[scope=col]").Length);
        Assert.Equal(5, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("align-right", table.QuerySelectorAll("tbody tr")[0].Children[1].ClassName);
    }

    private static string? Meta(IDocument document, string attribute, string name) =>
        document.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");

    /// <summary>An element's text without its note calls (the model's plain text leaves notes out).</summary>
    internal static string TextWithoutNoteCalls(IElement element)
    {
        var clone = (IElement)element.Clone(deep: true);
        foreach (var call in clone.QuerySelectorAll("sup.note-call").ToList()) call.Remove();
        return Normalize(clone.TextContent);
    }

    internal static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
