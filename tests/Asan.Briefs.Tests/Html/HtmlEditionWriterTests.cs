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

    private static string FontPage(string text) => $$"""
        <!DOCTYPE html><html lang="en"><head><style>/* Korean keeps each 어절 whole */
        @font-face { font-family: "Noto Sans"; src: url("fonts/NotoSans-Regular.woff2") format("woff2"); }
        @font-face { font-family: "NanumGothic"; src: url("fonts/NanumGothic.woff2") format("woff2"); }
        body { font-family: "Noto Sans", "NanumGothic", sans-serif; }
        </style></head><body><!-- 주석 --><p>{{text}}</p></body></html>
        """;

    [Fact]
    public void A_Hangul_face_is_cut_to_what_the_Latin_face_before_it_lacks_and_left_out_when_that_is_nothing()
    {
        // English text, with Hangul only in comments: no Hangul face is cut or named.
        var english = HtmlEditionWriter.WriteIndex(FontPage("Plain English text."), fixture.Theme);
        Assert.Contains(english, o => o.RelativePath.StartsWith("fonts/NotoSans-Regular.", StringComparison.Ordinal));
        Assert.DoesNotContain(english, o => o.RelativePath.StartsWith("fonts/NanumGothic", StringComparison.Ordinal));
        var page = Encoding.UTF8.GetString(english[0].Bytes);
        Assert.DoesNotContain("NanumGothic.", page, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "@font-face"));

        // A language link in Hangul: the Hangul face holds those three syllables, not the page's Latin letters.
        var linked = HtmlEditionWriter.WriteIndex(FontPage("Plain English text. 한국어"), fixture.Theme);
        var nanum = linked.Single(o => o.RelativePath.StartsWith("fonts/NanumGothic.", StringComparison.Ordinal)).Bytes;
        var font = Asan.Briefs.Fonts.FontLibrary.Shared.Get(Path.Combine(fixture.Theme.FontsDirectory, "NanumGothic.ttf"));
        var withLatin = Asan.Briefs.Fonts.Woff2Writer.Write(Asan.Briefs.Fonts.FontSubsetter.SubsetUnicodes(font,
            Asan.Briefs.Fonts.FontSubsetter.CodepointsOf("Plain English text. 한국어"), dropHinting: true));
        Assert.True(nanum.Length < withLatin.Length, $"the Hangul subset is {nanum.Length} bytes, a subset with the Latin letters {withLatin.Length}");
        Assert.True(nanum.Length < 2048, $"three syllables take {nanum.Length} bytes");
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
        // A Latin face has no Hangul, so a page with Hangul added cuts the same subset from it: one file
        // (the editions themselves no longer share one: Korean text sets all its Latin in lighter faces,
        // theme.yaml languages.ko.fonts).
        string Latin(string text) => HtmlEditionWriter.WriteIndex(FontPage(text), fixture.Theme)
            .Select(o => o.RelativePath).Single(p => p.StartsWith("fonts/NotoSans-Regular.", StringComparison.Ordinal));
        Assert.Equal(Latin("Plain English text."), Latin("Plain English text. 한국어 본문"));
    }

    [Fact]
    public void A_subset_is_cut_once_per_process_for_every_page_that_draws_the_same_characters_of_its_face()
    {
        byte[] Latin(string text) => HtmlEditionWriter.WriteIndex(FontPage(text), fixture.Theme)
            .Single(o => o.RelativePath.StartsWith("fonts/NotoSans-Regular.", StringComparison.Ordinal)).Bytes;
        // The Hangul of the second page is not in the Latin face: both pages take the one subset already cut.
        Assert.Same(Latin("Cut once, shared."), Latin("Cut once, shared. 한 번"));
        // Which rests on hb-subset ignoring characters a face does not map: a cut with them is byte for byte a cut without.
        var font = Asan.Briefs.Fonts.FontLibrary.Shared.Get(Path.Combine(fixture.Theme.FontsDirectory, "NotoSans-Regular.ttf"));
        byte[] Cut(string text) => Asan.Briefs.Fonts.Woff2Writer.Write(Asan.Briefs.Fonts.FontSubsetter.SubsetUnicodes(font,
            Asan.Briefs.Fonts.FontSubsetter.CodepointsOf(text), dropHinting: true));
        Assert.Equal(Cut("Cut once, shared."), Cut("Cut once, shared. 한 번"));
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
