using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.Tests.Pdf.Text;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// The spacing of justified lines comes from theme.yaml's justify: (per language for Korean), not from
/// the engine: changing a value there changes the set lines by exactly that much. Glyph advances are
/// read from the font with HarfBuzz, not from our layout.
/// </summary>
public sealed class JustificationThemeTests : IDisposable
{
    private readonly string _templates = Path.Combine(Path.GetTempPath(), "asan-briefs-justify-" + Guid.NewGuid().ToString("N"));

    public JustificationThemeTests()
    {
        Directory.CreateDirectory(_templates);
        Directory.CreateSymbolicLink(Path.Combine(_templates, "fonts"), Path.Combine(Repository.Templates, "fonts"));
        Directory.CreateSymbolicLink(Path.Combine(_templates, "color"), Path.Combine(Repository.Templates, "color"));
    }

    /// <summary>A layouter on the repository's theme with Korean's justify: values replaced.</summary>
    private TextLayouter KoreanWith(params (string Key, string Value)[] values)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Templates, "theme.yaml"));
        var ko = text.IndexOf("\n    justify:", text.IndexOf("\nlanguages:", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(ko > 0, "theme.yaml has no languages.ko.justify");
        foreach (var (key, value) in values)
        {
            var at = text.IndexOf($"      {key}: ", ko, StringComparison.Ordinal);
            Assert.True(at > 0, $"languages.ko.justify has no {key}");
            var end = text.IndexOf(' ', at + key.Length + 9);
            text = text[..(at + key.Length + 8)] + value + text[end..];
        }
        File.WriteAllText(Path.Combine(_templates, "theme.yaml"), text);
        return new TextLayouter(ThemeLoader.Load(_templates));
    }

    [Fact]
    public void The_space_between_어절_is_the_theme_s_word_space()
    {
        var style = TextFixture.Theme.Style("body", "ko") with { Align = TextAlign.Left };
        const string words = "가나다 라마바 사아자 차카타";
        double Width(TextLayouter layouter) => Assert.Single(layouter.Layout(TextFixture.Plain(words), style, "ko", 400)).Width;
        var narrower = Width(TextFixture.Layouter) - Width(KoreanWith(("word_space", "0.2")));
        Assert.Equal(3 * 0.05 * style.Size, narrower, 3);
    }

    [Fact]
    public void Hangul_syllables_are_spaced_within_the_theme_s_caps_and_not_at_all_without_them()
    {
        var style = TextFixture.Theme.Style("body", "ko");
        var measure = TextFixture.Theme.Page.ContentWidth;
        var paragraphs = TextFixture.BriefParagraphs("ko");
        var spaced = Extras(TextFixture.Layouter, paragraphs, style, measure);
        var limit = TextFixture.Theme.Justification("ko").LetterSpacingLimit * style.Size;
        Assert.True(spaced.Max() > 0.01, "no justified Korean line spaced its syllables");
        Assert.True(spaced.Max() <= limit + 0.01, $"a syllable gap of {spaced.Max():0.000} pt is over the theme's {limit:0.000} pt");
        Assert.True(spaced.Min() >= -TextFixture.Theme.Justification("ko").LetterShrink * style.Size - 0.01, $"syllables tightened by {-spaced.Min():0.000} pt");

        var none = Extras(KoreanWith(("letter_spacing", "0"), ("letter_spacing_limit", "0"), ("letter_shrink", "0")), paragraphs, style, measure);
        Assert.All(none, extra => Assert.InRange(extra, -0.01, 0.01));
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Html_body_text_takes_the_theme_s_word_space(string id, string lang)
    {
        var html = System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html"));
        var css = string.Concat(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("style").Select(s => s.TextContent));
        var written = System.Text.RegularExpressions.Regex.Matches(css, $@":lang\({lang}\) \.brief-body p, :lang\({lang}\) \.brief-body li \{{ word-spacing: (-?[0-9.]+)em; \}}");
        if (TextFixture.Theme.Justification(lang).WordSpace is not { } wordSpace) { Assert.Empty(written); return; }
        // The browser sets a space in the stack's first face, the Latin one.
        var face = TextFixture.Theme.Face(TextFixture.Theme.Style("body", lang).FontRole, Script.Latin, false, false, lang);
        var font = FontLibrary.Shared.Get(face.Path);
        var space = font.Font.GetHorizontalGlyphAdvance(font.GlyphFor(' ')) / (double)font.UnitsPerEm;
        Assert.True(space > wordSpace, $"{face.Family}'s space ({space:0.000} em) is not wider than word_space; the test needs a wider one");
        var spacing = double.Parse(Assert.Single(written).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(wordSpace - space, spacing, 3);
    }

    /// <summary>Between every two Hangul syllables set side by side: the distance of their origins less the first one's advance in its font.</summary>
    private static List<double> Extras(TextLayouter layouter, IReadOnlyList<string> paragraphs, ParagraphStyle style, double measure)
    {
        var extras = new List<double>();
        foreach (var paragraph in paragraphs)
        foreach (var run in layouter.Layout(TextFixture.Plain(paragraph), style, "ko", measure).SelectMany(l => l.Runs))
        {
            var font = FontLibrary.Shared.Get(run.Face.Path);
            for (var g = 0; g + 1 < run.Glyphs.Length; g++)
            {
                char a = run.Text[(int)run.Clusters[g]], b = run.Text[(int)run.Clusters[g + 1]];
                if (!TextRules.IsHangulLetter(a) || !TextRules.IsHangulLetter(b)) continue;
                var advance = font.Font.GetHorizontalGlyphAdvance(run.Glyphs[g]) * font.Scale(run.Size);
                extras.Add(run.Positions[g + 1] - run.Positions[g] - advance);
            }
        }
        Assert.NotEmpty(extras);
        return extras;
    }

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }
}
