using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Asan.Briefs.Templating;

namespace Asan.Briefs.Tests.Html;

/// <summary>
/// The site's own files (templates/site/): sitemap.xml and the Atom feeds parse as XML (System.Xml, not
/// our writer) and list what the content model publishes; robots.txt points at the sitemap; the Korean
/// index is Korean. The index pages pass the Nu Html Checker in HtmlValidatorTests.
/// </summary>
[Collection(HtmlCollection.Name)]
public sealed class SiteFilesTests(HtmlFixture fixture)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private List<Asan.Briefs.Model.Brief> Published => fixture.Briefs.Values.Where(b => !b.Metadata.Example).ToList();
    private string BaseUrl => fixture.Templates.Site.BaseUrl;

    [Fact]
    public void Sitemap_lists_every_page_with_its_alternates()
    {
        var xml = XDocument.Parse(fixture.Templates.RenderSiteFile("site/sitemap.xml.sbn", Published, "en"));
        var urls = xml.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value);
        var expected = EditionTemplates.SiteLanguages(Published).Select(l => BaseUrl + EditionTemplates.IndexFileName(l))
            .Concat(Published.SelectMany(b => b.Languages.Select(l => $"{BaseUrl}{b.Id}/{b.Id}.{l}.html"))).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), urls.Keys.Order(StringComparer.Ordinal));
        foreach (var brief in Published)
        foreach (var lang in brief.Languages)
        {
            var url = urls[$"{BaseUrl}{brief.Id}/{brief.Id}.{lang}.html"];
            Assert.Equal(brief.Metadata.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), url.Element(Sitemap + "lastmod")!.Value);
            var alternates = url.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
            Assert.Equal(brief.Languages.ToDictionary(l => l, l => $"{BaseUrl}{brief.Id}/{brief.Id}.{l}.html"), alternates);
        }
        Assert.DoesNotContain(urls.Keys, u => u.Contains("feature-tour", StringComparison.Ordinal));
    }

    [Theory, InlineData("en"), InlineData("ko")]
    public void Feed_has_an_entry_per_brief_in_its_language(string lang)
    {
        var feed = XDocument.Parse(fixture.Templates.RenderSiteFile("site/feed.atom.sbn", Published, lang)).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(lang, feed.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal($"{BaseUrl}{EditionTemplates.FeedFileName(lang)}", feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        var entries = feed.Elements(Atom + "entry").ToList();
        var inLanguage = Published.Where(b => b.Languages.Contains(lang)).ToList();
        Assert.Equal(inLanguage.Count, entries.Count);
        foreach (var (brief, entry) in inLanguage.Zip(entries))
        {
            Assert.Equal(brief.Metadata.Title[lang], entry.Element(Atom + "title")!.Value);
            Assert.Equal($"{BaseUrl}{brief.Id}/{brief.Id}.{lang}.html", entry.Element(Atom + "id")!.Value);
            Assert.Equal(brief.Metadata.Summary[lang], entry.Element(Atom + "summary")!.Value);
            Assert.Equal(brief.Metadata.Authors.Select(a => a.Name[lang]), entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        }
    }

    [Fact]
    public void Robots_allows_crawling_and_names_the_sitemap()
    {
        var lines = fixture.Templates.RenderSiteFile("site/robots.txt.sbn", Published, "en").Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains($"Sitemap: {BaseUrl}sitemap.xml", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Disallow: /", StringComparison.Ordinal) && l.Length > "Disallow:".Length);
    }

    [Fact]
    public void Korean_index_is_in_Korean_and_links_to_the_Korean_editions()
    {
        var document = new HtmlParser().ParseDocument(fixture.Templates.RenderIndex(Published, "ko"));
        Assert.Equal("ko", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(BaseUrl + "index.ko.html", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("a[href='index.html'][hreflang=en]"));
        Assert.NotNull(document.QuerySelector($"link[type='application/atom+xml'][href='{EditionTemplates.FeedFileName("ko")}']"));
        foreach (var brief in Published)
        {
            var heading = document.QuerySelector($"h2 a[href='{brief.Id}/{brief.Id}.ko.html']");
            Assert.NotNull(heading);
            Assert.Equal(brief.Metadata.Title["ko"], heading!.TextContent);
        }
    }
}
