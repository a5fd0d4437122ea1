using Asan.Briefs.Tests.Support;
using Xunit.Abstractions;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>The looseness of justified lines in the web PDFs, measured with poppler as issue #11 does.</summary>
public class WordGapTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    private IReadOnlyList<WordGaps.Line> Measure(string id, string lang)
    {
        var lines = WordGaps.JustifiedLines(RenderedEditions.Pdf(id, lang), RenderedEditions.PrintDocument(id, lang).Page.MarginRight);
        output.WriteLine($"{id}.{lang}: {WordGaps.Summarise(lines)}");
        foreach (var line in lines.Where(l => l.Max > 0.5)) output.WriteLine($"  p{line.Page} {line.Max:0.00} {line.Text}");
        return lines;
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Justified_lines_never_squeeze_words_together(string id, string lang)
    {
        var lines = Measure(id, lang);
        Assert.True(lines.Count >= 20, $"only {lines.Count} justified lines found");
        // Shrinking a space below about 0.15 em makes two words read as one.
        var tight = lines.Where(l => l.Gaps.Min() < 0.15).Select(l => $"p{l.Page} {l.Gaps.Min():0.00} {l.Text}").ToList();
        Assert.True(tight.Count == 0, string.Join('\n', tight));
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void No_justified_line_has_a_word_gap_over_half_an_em(string id, string lang)
    {
        // Issue #11: wider gaps open rivers in the grey of the page. Korean gets there by letter spacing
        // (KLREQ), English by hyphenation, addresses by breaking where the Chicago Manual allows.
        var loose = Measure(id, lang).Where(l => l.Max > 0.5).Select(l => $"p{l.Page} {l.Max:0.00} {l.Text}").ToList();
        Assert.True(loose.Count == 0, string.Join('\n', loose));
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void The_median_line_keeps_its_word_spaces_near_natural(string id, string lang)
    {
        // Issue #11: at most 0.33 em in English (Noto Serif's space is 0.26 em) and 0.36 em in Korean.
        var limit = lang == "ko" ? 0.36 : 0.33;
        var summary = WordGaps.Summarise(Measure(id, lang));
        Assert.True(summary.MedianMean <= limit + 1e-9, $"{summary} (limit {limit} em)");
    }
}
