using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Asan.Briefs.Tests.Html;

/// <summary>
/// What search engines, Google Scholar and link previews read: absolute addresses built from
/// templates/site.yaml, Highwire Press citation_* tags and the JSON-LD, compared with the content model.
/// </summary>
[Collection(HtmlCollection.Name)]
public sealed class HtmlDiscoveryTests(HtmlFixture fixture)
{
    private string BaseUrl => fixture.Templates.Site.BaseUrl;

    [Theory, MemberData(nameof(HtmlEditionTests.Editions), MemberType = typeof(HtmlEditionTests))]
    public void Canonical_alternates_and_open_graph_are_absolute(string id, string lang)
    {
        var document = new HtmlParser().ParseDocument(fixture.Html(id, lang));
        var page = $"{BaseUrl}{id}/{id}.{lang}.html";
        Assert.Equal(page, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(page, Meta(document, "property", "og:url"));
        Assert.Equal($"{BaseUrl}{id}/{id}.{lang}.cover.png", Meta(document, "property", "og:image"));
        var alternates = document.QuerySelectorAll("link[rel=alternate][hreflang]").ToList();
        Assert.Equal(fixture.Briefs[id].Languages.Count + 1, alternates.Count); // every language and x-default
        Assert.All(alternates, a => Assert.True(Uri.TryCreate(a.GetAttribute("href"), UriKind.Absolute, out _), a.OuterHtml));
        Assert.Contains(alternates, a => a.GetAttribute("hreflang") == "x-default");
    }

    [Theory, MemberData(nameof(HtmlEditionTests.Editions), MemberType = typeof(HtmlEditionTests))]
    public void Citation_tags_name_the_report_as_the_model_has_it(string id, string lang)
    {
        var m = fixture.Briefs[id].Metadata;
        var document = new HtmlParser().ParseDocument(fixture.Html(id, lang));
        Assert.Equal(m.Title[lang], Meta(document, "name", "citation_title"));
        Assert.Equal(m.Authors.Select(a => a.Name[lang]), document.QuerySelectorAll("meta[name=citation_author]").Select(e => e.GetAttribute("content")));
        Assert.Equal(m.Date.ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture), Meta(document, "name", "citation_publication_date"));
        Assert.Equal($"{BaseUrl}{id}/{id}.{lang}.pdf", Meta(document, "name", "citation_pdf_url"));
        Assert.Equal(lang, Meta(document, "name", "citation_language"));
        Assert.Equal(fixture.Templates.I18n(lang).Values["institute"] is Scriban.Runtime.ScriptObject i ? i["name"] : null, Meta(document, "name", "citation_publisher"));
        var number = document.QuerySelector("meta[name=citation_technical_report_number]")?.GetAttribute("content");
        Assert.Equal(m.Number == "" ? null : m.Number, number);
    }

    [Theory, MemberData(nameof(HtmlEditionTests.Editions), MemberType = typeof(HtmlEditionTests))]
    public void Json_ld_carries_the_same_addresses_and_no_empty_values(string id, string lang)
    {
        var m = fixture.Briefs[id].Metadata;
        var document = new HtmlParser().ParseDocument(fixture.Html(id, lang));
        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal(Meta(document, "property", "og:url"), root.GetProperty("url").GetString());
        Assert.Equal(Meta(document, "property", "og:image"), root.GetProperty("image").GetString());
        Assert.Equal(Meta(document, "name", "citation_pdf_url"), root.GetProperty("encoding").GetProperty("contentUrl").GetString());
        Assert.Equal(m.Subtitle[lang] != "", root.TryGetProperty("alternativeHeadline", out _));
        Assert.Equal(m.Number != "", root.TryGetProperty("reportNumber", out _));
        AssertNoEmptyStrings(root, "$");
    }

    private static void AssertNoEmptyStrings(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) AssertNoEmptyStrings(p.Value, $"{path}.{p.Name}");
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var e in element.EnumerateArray()) AssertNoEmptyStrings(e, $"{path}[{i++}]");
                break;
            case JsonValueKind.String:
                Assert.False(element.GetString() == "", $"{path} is empty");
                break;
        }
    }

    private static string? Meta(IDocument document, string attribute, string name) =>
        document.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content");
}
