using System.Text;
using Asan.Briefs.Html;

namespace Asan.Briefs.Tests.Html;

[Collection(HtmlCollection.Name)]
public sealed class HtmlEditionWriterTests(HtmlFixture fixture)
{
    [Fact]
    public void Page_is_utf8_without_bom_and_figures_sit_beside_it()
    {
        var outputs = fixture.Outputs[("feature-tour", "ko")];
        var (path, bytes) = outputs[0];
        Assert.Equal("feature-tour/feature-tour.ko.html", path);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the page starts with a byte order mark");
        Assert.Contains(outputs, o => o.RelativePath == "feature-tour/figure-trade.png");
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Root, "content", "feature-tour", "figure-trade.png")), outputs.Single(o => o.RelativePath == "feature-tour/figure-trade.png").Bytes);
        Assert.All(outputs, o => Assert.False(Path.IsPathRooted(o.RelativePath) || o.RelativePath.Contains("..", StringComparison.Ordinal), o.RelativePath));
    }

    [Fact]
    public void Every_font_the_css_names_is_written_and_subset()
    {
        foreach (var ((id, lang), outputs) in fixture.Outputs)
        {
            var html = Encoding.UTF8.GetString(outputs[0].Bytes);
            var fonts = outputs.Where(o => o.RelativePath.StartsWith("fonts/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(fonts);
            foreach (var (path, bytes) in fonts)
            {
                // The brief's page is one level below the site's root, where the fonts are.
                Assert.Contains($"url(\"../{path}\")", html, StringComparison.Ordinal);
                var source = new FileInfo(Path.Combine(fixture.Theme.FontsDirectory, SourceStem(path) + ".ttf"));
                Assert.True(bytes.Length < source.Length / 2, $"{id}.{lang}: {path} is {bytes.Length} bytes, not much smaller than {source.Name} ({source.Length})");
            }
            // The Korean text faces stay small: a page uses a few hundred syllables, not all 11,172.
            var myeongjo = fonts.Single(f => SourceStem(f.RelativePath) == "NanumMyeongjo");
            Assert.True(myeongjo.Bytes.Length < 250_000, $"{id}.{lang}: NanumMyeongjo subset is {myeongjo.Bytes.Length} bytes");
        }
    }

    /// <summary>fonts/&lt;name&gt;.&lt;ten hex digits&gt;.woff2 gives &lt;name&gt;, the theme's font file it was cut from.</summary>
    private static string SourceStem(string path)
    {
        var match = System.Text.RegularExpressions.Regex.Match(path, @"^fonts/(?<stem>[A-Za-z0-9_-]+)\.[0-9a-f]{10}\.woff2$");
        Assert.True(match.Success, $"{path} is not fonts/<name>.<content hash>.woff2");
        return match.Groups["stem"].Value;
    }

    [Fact]
    public void Pages_with_the_same_subset_share_one_font_file_and_no_two_subsets_share_a_name()
    {
        var all = fixture.Outputs.Values.SelectMany(o => o).Where(o => o.RelativePath.StartsWith("fonts/", StringComparison.Ordinal))
            .Concat(HtmlEditionWriter.WriteIndex(fixture.Templates.RenderIndex(fixture.Briefs.Values.ToList(), "en"), fixture.Theme).Skip(1)).ToList();
        foreach (var group in all.GroupBy(o => o.RelativePath))
            Assert.True(group.All(o => o.Bytes.AsSpan().SequenceEqual(group.First().Bytes)), $"two different subsets are both named {group.Key}");
        foreach (var group in all.GroupBy(o => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(o.Bytes))))
            Assert.Single(group.Select(o => o.RelativePath).Distinct());
        // The Latin faces have no Hangul, so the English and Korean pages cut the same subset from them: one file
        // (the sans face: Korean text sets its serif Latin in a lighter face, theme.yaml languages.ko.fonts).
        foreach (var id in HtmlFixture.BriefIds)
        {
            string Body(string lang) => fixture.Outputs[(id, lang)].Select(o => o.RelativePath).Single(p => p.StartsWith("fonts/NotoSans-Regular.", StringComparison.Ordinal));
            Assert.Equal(Body("en"), Body("ko"));
        }
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var brief = fixture.Briefs["feature-tour"];
        var again = HtmlEditionWriter.Write(brief, "ko", fixture.Templates.RenderHtml(brief, "ko"), fixture.Theme);
        var first = fixture.Outputs[("feature-tour", "ko")];
        Assert.Equal(first.Select(o => o.RelativePath), again.Select(o => o.RelativePath));
        for (var i = 0; i < first.Count; i++) Assert.True(first[i].Bytes.AsSpan().SequenceEqual(again[i].Bytes), first[i].RelativePath);
    }

    [Fact]
    public void Index_lists_every_published_brief_with_every_edition()
    {
        var briefs = fixture.Briefs.Values.ToList();
        var html = fixture.Templates.RenderIndex(briefs, "en");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        foreach (var brief in briefs)
        foreach (var lang in brief.Languages)
        foreach (var ext in new[] { "html", "pdf", "docx" })
        {
            var link = document.QuerySelector($"a[href='{brief.Id}/{brief.Id}.{lang}.{ext}']");
            if (brief.Metadata.Example) Assert.Null(link);
            else Assert.NotNull(link);
        }
        var outputs = HtmlEditionWriter.WriteIndex(html, fixture.Theme);
        Assert.Equal("index.html", outputs[0].RelativePath);
        Assert.Contains(outputs, o => o.RelativePath.StartsWith("fonts/", StringComparison.Ordinal));
    }
}
