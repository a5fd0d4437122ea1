using Asan.Briefs.Tests.Support;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// KLREQ line breaking in the Korean PDFs, read back with pdftotext and compared with the text as
/// written: lines break only between 어절 (a line end that joins, in the written text, the word before
/// it to the word after it without a space splits an 어절), and no line starts or ends with a character
/// KLREQ prohibits there. Addresses are the one exception KLREQ allows: an overlong token may break.
/// </summary>
public class KoreanLineBreakTests
{
    public static IEnumerable<object[]> KoreanEditions() => RenderedEditions.All().Where(e => (string)e[1] == "ko");

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Lines_break_between_eojeol_and_never_at_a_prohibited_character(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var (body, notes) = PdfText.Written(document);
        var pairs = LineEnds(RenderedEditions.Pdf(id, lang), document);
        var problems = pairs.SelectMany(pair => Problems(pair, body + "\n" + notes)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(pairs.Count > 50, $"only {pairs.Count} line ends read back");
    }

    /// <summary>
    /// Each line end of a PDF of <paramref name="document"/>, read with pdftotext, as the pair of lines it joins. The
    /// contents are not running text: poppler reads each entry, its leader and its page number as lines of their own,
    /// side by side (ContentsPageTests checks them).
    /// </summary>
    internal static List<IReadOnlyList<string>> LineEnds(byte[] pdf, Asan.Briefs.PrintMarkup.PrintDocument document)
    {
        var contents = document.Blocks.OfType<Asan.Briefs.PrintMarkup.PrintContents>()
            .SelectMany(c => c.Entries.Select(e => e.Text).Prepend(c.Title))
            .Select(p => PdfText.Squeeze(Asan.Briefs.PrintMarkup.PrintWalker.PlainText(p.Inlines))).ToHashSet();
        var lines = PdfText.BoxedLines(pdf)
            .Where(l => !contents.Contains(PdfText.Squeeze(l.Text)) && !System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"^[\d.\s]+$")).ToList();
        // A line end is where a line is followed, on its page, by one below it; the cells of a table row sit side by side.
        // A footnote far below the last body line of its page (a note call "6" over a note "5 …" reads as "65") is no line end.
        return lines.Zip(lines.Skip(1)).Where(p => p.First.Page == p.Second.Page && p.Second.Top >= p.First.Bottom - 0.5
                && p.Second.Top - p.First.Bottom < 2 * (p.First.Bottom - p.First.Top))
            .Select(p => (IReadOnlyList<string>)[p.First.Text, p.Second.Text]).ToList();
    }

    [Fact]
    public void The_check_finds_a_split_eojeol_and_prohibited_line_ends()
    {
        const string written = "한일관계의 정상화를 위한 「차기정부의 대일외교과제」를 읽는다. 주소는 https://example.org/a-b 이다.";
        Assert.Empty(Problems(["한일관계의 정상화를", "위한 「차기정부의", "대일외교과제」를 읽는다. 주소는 https://example.org/a", "-b 이다."], written));
        var found = Problems(["한일관계의 정상", "화를 위한 「", "차기정부의 대일외교과제", "」를 읽는다."], written);
        // 정상|화를 splits a word; 「|차기정부의 splits one and ends a line with 「; 대일외교과제|」를 splits one and starts a line with 」.
        Assert.Equal(5, found.Count);
    }

    /// <summary>What is wrong at each line end of <paramref name="lines"/>, judged against the text as written.</summary>
    internal static List<string> Problems(IReadOnlyList<string> lines, string written) =>
        Breaks(lines, written).SelectMany(b => b.Problems).ToList();

    /// <summary>A line end: the last word of one line, the first of the next, and the 어절 of the written text they split, if any.</summary>
    internal sealed record LineBreak(int Line, string Before, string After, string? Splits)
    {
        public bool BadEnd => TextRules.IsLineEndProhibited(Before[^1]);
        public bool BadStart => TextRules.IsLineStartProhibited(After[0]);

        public IEnumerable<string> Problems
        {
            get
            {
                var at = $"line {Line}: …{Before} | {After}…";
                if (Splits is not null) yield return $"{at} splits the 어절 '{Splits}'";
                if (BadEnd) yield return $"{at} ends with '{Before[^1]}'";
                if (BadStart) yield return $"{at} starts with '{After[0]}'";
            }
        }
    }

    /// <summary>Every line end of <paramref name="lines"/> but those inside an address, the one exception KLREQ allows.</summary>
    internal static List<LineBreak> Breaks(IReadOnlyList<string> lines, string written)
    {
        var tokens = written.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var spaced = string.Join(' ', tokens);
        var breaks = new List<LineBreak>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var before = lines[i].Split(' ')[^1];
            var after = lines[i + 1].Split(' ')[0];
            var joined = before + after;
            // The pair as one token of the text, and never with a space between: the line split a word.
            var host = tokens.FirstOrDefault(t => t.Contains(joined, StringComparison.Ordinal));
            if (host is null || spaced.Contains(before + " " + after, StringComparison.Ordinal)) host = null;
            if (host is not null && TextRules.LooksLikeUrl(host)) continue;
            breaks.Add(new LineBreak(i + 1, before, after, host));
        }
        return breaks;
    }
}
