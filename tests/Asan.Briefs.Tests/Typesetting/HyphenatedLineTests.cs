using System.Text.RegularExpressions;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>Hyphens added at line breaks in the English PDFs, read back with pdftotext.</summary>
public partial class HyphenatedLineTests
{
    public static IEnumerable<object[]> EnglishEditions() => RenderedEditions.All().Where(e => (string)e[1] == "en");

    private static List<string> TextLines(string id, string lang) =>
        PdfText.TextAreaLines(RenderedEditions.Pdf(id, lang), RenderedEditions.PrintDocument(id, lang).Page);

    [Theory]
    [MemberData(nameof(EnglishEditions))]
    public void Every_added_hyphen_is_a_break_the_patterns_allow_and_reads_as_a_soft_hyphen(string id, string lang)
    {
        var hyphenator = Repository.Publisher.Templates.I18n(lang).Hyphenator!;
        var lines = TextLines(id, lang);
        var checkedBreaks = 0;
        var run = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            Assert.False(lines[i].EndsWith("-\u00AD", StringComparison.Ordinal), lines[i]);
            if (!lines[i].EndsWith('\u00AD')) { run = 0; continue; }
            run++;
            Assert.True(run <= 2, $"three hyphenated lines in a row, ending with: {lines[i]}");
            var head = LastLetters().Match(lines[i][..^1]).Value;
            var tail = FirstLetters().Match(lines[i + 1]).Value;
            var word = head + tail;
            Assert.True(head.Length > 0 && tail.Length > 0, $"a hyphen that splits no word: {lines[i]} / {lines[i + 1]}");
            Assert.True(hyphenator.Points(word).Contains(head.Length),
                $"{head}-{tail} is not a hyphenation point of '{word}' ({hyphenator.Show(word)})");
            checkedBreaks++;
        }
        // A brief of this length always has lines that hyphenation helps.
        Assert.True(checkedBreaks > 0, "no line of the edition ends in a hyphenated word");
    }

    [GeneratedRegex(@"[A-Za-z’']+$")]
    private static partial Regex LastLetters();

    [GeneratedRegex(@"^[A-Za-z’']+")]
    private static partial Regex FirstLetters();
}
