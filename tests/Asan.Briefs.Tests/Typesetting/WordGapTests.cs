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
}
