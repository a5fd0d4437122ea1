using AngleSharp.Html.Parser;

namespace Asan.Briefs.Tests.Html;

/// <summary>The table of contents the theme asks for, and tables a keyboard can scroll.</summary>
[Collection(HtmlCollection.Name)]
public sealed class HtmlContentsTests(HtmlFixture fixture)
{
    [Theory, MemberData(nameof(HtmlEditionTests.Editions), MemberType = typeof(HtmlEditionTests))]
    public void Contents_list_every_heading_when_the_brief_has_enough_of_them(string id, string lang)
    {
        var headings = fixture.Briefs[id].Sections.Where(s => s.Heading is not null).ToList();
        var document = new HtmlParser().ParseDocument(fixture.Html(id, lang));
        var toc = document.QuerySelector("nav.toc");
        if (headings.Count < fixture.Theme.File.Contents.MinHeadings)
        {
            Assert.Null(toc);
            return;
        }
        Assert.NotNull(toc);
        Assert.Equal(fixture.Templates.I18n(lang).Values["labels"] is Scriban.Runtime.ScriptObject l ? l["contents"] : null, toc!.QuerySelector("h2")!.TextContent);
        var links = toc.QuerySelectorAll("a").ToList();
        Assert.Equal(headings.Select(h => Normalize(Asan.Briefs.Model.Inlines.PlainText(h.Heading![lang]))), links.Select(a => Normalize(a.TextContent)));
        foreach (var link in links)
        {
            var target = document.GetElementById(link.GetAttribute("href")!.TrimStart('#'));
            Assert.NotNull(target);
            Assert.Equal(Normalize(link.TextContent), Normalize(target!.TextContent));
        }
    }

    [Theory, MemberData(nameof(HtmlEditionTests.Editions), MemberType = typeof(HtmlEditionTests))]
    public void Every_table_scrolls_in_a_focusable_labelled_region(string id, string lang)
    {
        var document = new HtmlParser().ParseDocument(fixture.Html(id, lang));
        foreach (var table in document.QuerySelectorAll("table"))
        {
            var region = table.ParentElement!;
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.False(string.IsNullOrWhiteSpace(region.GetAttribute("aria-label") ?? region.GetAttribute("aria-labelledby")));
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
