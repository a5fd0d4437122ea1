using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;
using Xunit.Abstractions;

namespace Asan.Briefs.Tests.Pdf.Text;

public sealed class LineBreakingTests(ITestOutputHelper output)
{
    private static readonly double[] Widths = [110, 160, 230, 330, 459];

    private const string KoreanExtra =
        "「한일관계 정상화를 위한 차기정부의 대일외교과제」는 2022년 4월 29일 발표되었다. 대일 수출액은 2,500억 달러(약 3.5%)로 " +
        "전년 대비 12.5–14.0% 증가했다… 『외교백서』와 “한일 공동선언”, ‘미래지향적 협력’을 다시 읽어야 한다(최은미, 2022). " +
        "GSOMIA를 둘러싼 논쟁·수출규제·위안부 문제는 ‘2015년 합의’ 이후 더욱 복잡해졌다; 그러나 해법은 있다!";

    private static string Korean => string.Join(" ", TextFixture.BriefParagraphs("ko").Take(6)) + " " + KoreanExtra;

    [Fact]
    public void Korean_breaks_only_between_words_and_obeys_line_start_and_end_rules()
    {
        var text = Korean;
        var style = TextFixture.Theme.Style("body", "ko");
        Assert.Contains("한일관계", text);
        foreach (var mode in new[] { LineBreaking.TotalFit, LineBreaking.Greedy })
        foreach (var width in Widths)
        {
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain(text), style, "ko", width, 0, mode);
            Assert.True(lines.Count > 3);
            var boundaries = CheckReassembles(text, lines);
            // Only a word wider than the whole measure may break (rather than overflow).
            Assert.All(boundaries, b => Assert.True(b.AtSpace || WordAround(text, b) > width,
                $"{mode} at {width}pt broke inside the word around «{b.Context}»"));
            if (width >= 160) Assert.All(boundaries, b => Assert.True(b.AtSpace));
            CheckProhibitions(lines, $"{mode} at {width}pt");
            CheckFits(lines, width, justified: true, $"{mode} at {width}pt");
        }
    }

    [Fact]
    public void Latin_inside_a_Korean_word_unit_does_not_break_at_its_hyphen()
    {
        // 의정서(information-sharing is one 어절: keep-all holds for the Latin in it too (the third brief's
        // Korean once broke it after the hyphen, which KoreanLineBreakTests caught).
        const string text = "강제력 있는 기밀 유지 의무를 담아, 지정된 전략 물자의 재고를 다루는 정보 공유 의정서(information-sharing protocol)를 협상하고 분쟁 해결(dispute-settlement) 절차를 둔다.";
        var style = TextFixture.Theme.Style("body", "ko");
        foreach (var mode in new[] { LineBreaking.TotalFit, LineBreaking.Greedy })
        for (var width = 120.0; width <= 420; width += 7)
        {
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain(text), style, "ko", width, 0, mode);
            Assert.All(CheckReassembles(text, lines), b => Assert.True(b.AtSpace || WordAround(text, b) > width,
                $"{mode} at {width}pt broke inside the 어절 around «{b.Context}»"));
        }
    }

    [Fact]
    public void Numbers_are_never_split()
    {
        const string text = "Delegations went to the U.S. from April 3-11 and Japan from April 24-28, when exports of 2,500억 won " +
            "grew 3.5% to 12.5–14.0% and the 1965–2022 period ended; 수출액은 2,500억 달러(3.5%)였다. Korea-Japan ties, 1998-2022.";
        foreach (var (lang, style) in new[] { ("en", TextFixture.Theme.Style("body", "en")), ("ko", TextFixture.Theme.Style("body", "ko")) })
        foreach (var mode in new[] { LineBreaking.TotalFit, LineBreaking.Greedy })
        for (var width = 40.0; width <= 260; width += 9)
        {
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain(text), style, lang, width, 0, mode);
            foreach (var b in CheckReassembles(text, lines))
            {
                if (b.AtSpace) continue;
                Assert.False(IsNumberChar(b.Before) && IsNumberChar(b.After), $"{lang} {mode} at {width}pt split a number at «{b.Context}»");
            }
        }

        static bool IsNumberChar(char c) => TextRules.IsDigit(c) || c is '.' or ',' or '%' or '–' or '-';
    }

    [Fact]
    public void English_breaks_after_hyphens_and_dashes()
    {
        const string text = "Korea-Japan relations and the Kim Dae-jung–Obuchi declaration were once a model—then came trouble.";
        var style = TextFixture.Theme.Style("body", "en");
        var breaksAfterDash = 0;
        for (var width = 50.0; width <= 200; width += 5)
        {
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain(text), style, "en", width, 0, LineBreaking.Greedy);
            breaksAfterDash += CheckReassembles(text, lines).Count(b => !b.AtSpace && TextRules.IsBreakAfterDash(b.Before));
            CheckFits(lines, width, justified: false, $"{width}pt");
        }
        Assert.True(breaksAfterDash > 0, "no line ever broke after a hyphen or dash");
    }

    [Fact]
    public void A_url_longer_than_the_measure_breaks_and_no_line_overflows()
    {
        const string url = "https://www.asaninst.org/contents/the-new-korean-governments-diplomatic-tasks-for-improving-korea-japan-relations/?utm_source=brief&utm_medium=pdf";
        var text = $"The brief is online at {url} for everyone.";
        var noPunctuation = "See https://example.org/" + new string('x', 160) + " today.";
        foreach (var (source, lang) in new[] { (text, "en"), (noPunctuation, "en"), ("자료는 " + url + "에서 볼 수 있다.", "ko") })
        foreach (var mode in new[] { LineBreaking.TotalFit, LineBreaking.Greedy })
        foreach (var width in new[] { 90.0, 140, 200 })
        {
            var style = TextFixture.Theme.Style("body", lang);
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain(source), style, lang, width, 0, mode);
            CheckReassembles(source, lines);
            CheckFits(lines, width, justified: false, $"{mode} at {width}pt");
            Assert.True(lines.Count >= 2);
        }
    }

    [Fact]
    public void Justified_lines_fill_the_measure_and_runs_fit_it()
    {
        var style = TextFixture.Theme.Style("body", "en");
        foreach (var paragraph in TextFixture.BriefParagraphs("en"))
        foreach (var width in new[] { 230.0, 459 })
        foreach (var indent in new[] { 0.0, 14 })
        {
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain(paragraph), style, "en", width, indent);
            CheckReassembles(paragraph, lines);
            CheckFits(lines, width, justified: true, $"{width}pt");
            Assert.Equal(indent, lines[0].Runs[0].X, 3);
            Assert.True(lines[^1].EndsParagraph);
            Assert.All(lines.Take(lines.Count - 1), l => Assert.False(l.EndsParagraph));
        }
    }

    [Fact]
    public void Total_fit_spaces_lines_more_evenly_than_greedy()
    {
        var style = TextFixture.Theme.Style("body", "en");
        var paragraphs = TextFixture.BriefParagraphs("en");
        foreach (var width in new[] { 230.0, 459 })
        {
            var total = Spacing(paragraphs, style, "en", width, LineBreaking.TotalFit);
            var greedy = Spacing(paragraphs, style, "en", width, LineBreaking.Greedy);
            output.WriteLine($"English at {width}pt over {paragraphs.Count} paragraphs: total fit mean-square ratio {total.MeanSquare:F3} (max |r| {total.Max:F2}, {total.Lines} lines); " +
                $"greedy {greedy.MeanSquare:F3} (max |r| {greedy.Max:F2}, {greedy.Lines} lines)");
            Assert.True(total.MeanSquare < greedy.MeanSquare, $"at {width}pt total fit {total.MeanSquare:F3} vs greedy {greedy.MeanSquare:F3}");
        }

        // One real paragraph on its own, as the brief asks.
        var first = paragraphs[0];
        var one = Spacing([first], style, "en", 230, LineBreaking.TotalFit);
        var oneGreedy = Spacing([first], style, "en", 230, LineBreaking.Greedy);
        output.WriteLine($"First paragraph at 230pt: total fit {one.MeanSquare:F3} (max {one.Max:F2}); greedy {oneGreedy.MeanSquare:F3} (max {oneGreedy.Max:F2})");
        Assert.True(one.Max < oneGreedy.Max || one.MeanSquare < oneGreedy.MeanSquare);

        var ko = TextFixture.BriefParagraphs("ko");
        var koStyle = TextFixture.Theme.Style("body", "ko");
        var koTotal = Spacing(ko, koStyle, "ko", 459, LineBreaking.TotalFit);
        var koGreedy = Spacing(ko, koStyle, "ko", 459, LineBreaking.Greedy);
        output.WriteLine($"Korean at 459pt: total fit {koTotal.MeanSquare:F3} (max {koTotal.Max:F2}); greedy {koGreedy.MeanSquare:F3} (max {koGreedy.Max:F2})");
        Assert.True(koTotal.MeanSquare < koGreedy.MeanSquare);
    }

    [Fact]
    public void Forced_line_break_ends_a_line_without_justifying_it()
    {
        var style = TextFixture.Theme.Style("body", "en");
        IReadOnlyList<PrintInline> inlines = [new PrintText("First part", false, false, null), new PrintLineBreak(), new PrintText("second part of the paragraph", false, false, null)];
        var lines = TextFixture.Layouter.Layout(inlines, style, "en", 400);
        Assert.Equal(2, lines.Count);
        Assert.Equal("First part", TextFixture.LineText(lines[0]));
        Assert.True(lines[0].Width < 200);
        Assert.False(lines[0].EndsParagraph);
        Assert.True(lines[1].EndsParagraph);
    }

    [Fact]
    public void Alignment_places_lines_within_the_measure()
    {
        var style = TextFixture.Theme.Style("title", "en");
        foreach (var align in new[] { TextAlign.Left, TextAlign.Center, TextAlign.Right })
        {
            var lines = TextFixture.Layouter.Layout(TextFixture.Plain("The New Korean Government’s Diplomatic Tasks"), style with { Align = align }, "en", 300);
            foreach (var line in lines)
            {
                var left = line.Runs[0].X;
                var right = line.Runs[^1].X + line.Runs[^1].Width;
                Assert.True(right <= 300.01);
                if (align == TextAlign.Left) Assert.Equal(0, left, 3);
                if (align == TextAlign.Right) Assert.Equal(300, right, 1);
                if (align == TextAlign.Center) Assert.Equal(300 - right, left, 1);
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static double WordAround(string text, Boundary b)
    {
        var at = b.Position;
        var start = text.LastIndexOf(' ', at - 1) + 1;
        var end = text.IndexOf(' ', at);
        var word = text[start..(end < 0 ? text.Length : end)];
        return TextFixture.Layouter.MeasureString(word, TextFixture.Theme.Style("body", "ko"), "ko");
    }

    internal readonly record struct Boundary(bool AtSpace, char Before, char After, string Context, int Position);

    /// <summary>The lines, read in order, give back the source; returns what lies at each line break.</summary>
    internal static List<Boundary> CheckReassembles(string source, IReadOnlyList<LineBox> lines)
    {
        var boundaries = new List<Boundary>();
        var pos = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = TextFixture.LineText(lines[i]);
            Assert.True(string.CompareOrdinal(source, pos, text, 0, text.Length) == 0,
                $"line {i} «{text}» does not continue the source at «{source.Substring(pos, Math.Min(40, source.Length - pos))}»");
            pos += text.Length;
            if (i == lines.Count - 1) break;
            var context = source.Substring(Math.Max(0, pos - 12), Math.Min(24, source.Length - Math.Max(0, pos - 12)));
            if (source[pos] == ' ')
            {
                boundaries.Add(new Boundary(true, source[pos - 1], source[pos + 1], context, pos));
                pos++;
            }
            else boundaries.Add(new Boundary(false, source[pos - 1], source[pos], context, pos));
        }
        Assert.Equal(source.Length, pos);
        return boundaries;
    }

    internal static void CheckProhibitions(IReadOnlyList<LineBox> lines, string what)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var text = TextFixture.LineText(lines[i]);
            if (i > 0) Assert.False(TextRules.IsLineStartProhibited(text[0]), $"{what}: line {i} starts with '{text[0]}': «{text}»");
            if (i < lines.Count - 1) Assert.False(TextRules.IsLineEndProhibited(text[^1]), $"{what}: line {i} ends with '{text[^1]}': «{text}»");
        }
    }

    internal static void CheckFits(IReadOnlyList<LineBox> lines, double width, bool justified, string what)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Assert.True(line.Width <= width + 0.01, $"{what}: line {i} is {line.Width:F2}pt wide: «{TextFixture.LineText(line)}»");
            foreach (var run in line.Runs)
            {
                Assert.True(run.X >= -0.01 && run.X + run.Width <= width + 0.01, $"{what}: run «{run.Text}» at {run.X:F2}+{run.Width:F2}");
                Assert.Equal(run.Glyphs.Length, run.Positions.Length);
                Assert.Equal(run.Glyphs.Length, run.Clusters.Length);
                for (var g = 1; g < run.Positions.Length; g++) Assert.True(run.Positions[g] >= run.Positions[g - 1] - 0.5);
            }
            var hasSpace = TextFixture.LineText(line).Contains(' ');
            if (justified && !line.EndsParagraph && hasSpace)
                Assert.True(Math.Abs(line.Width - width) < 0.01, $"{what}: justified line {i} is {line.Width:F3}pt, not {width}pt");
        }
    }

    internal readonly record struct SpacingStats(double MeanSquare, double Max, int Lines);

    /// <summary>How far each justified line's spaces were stretched or shrunk, as a ratio of their natural width.</summary>
    internal static SpacingStats Spacing(IEnumerable<string> paragraphs, ParagraphStyle style, string lang, double width, LineBreaking mode)
    {
        var layouter = TextFixture.Layouter;
        var space = layouter.MeasureString("a b", style, lang) - layouter.MeasureString("ab", style, lang);
        double sum = 0, max = 0;
        var count = 0;
        foreach (var paragraph in paragraphs)
        {
            var lines = layouter.Layout(TextFixture.Plain(paragraph), style, lang, width, 0, mode);
            foreach (var line in lines)
            {
                if (line.EndsParagraph) continue;
                var text = TextFixture.LineText(line);
                var spaces = text.Count(c => c == ' ');
                if (spaces == 0) continue;
                var natural = layouter.MeasureString(text, style, lang);
                var ratio = (line.Width - natural) / spaces / space;
                sum += ratio * ratio;
                max = Math.Max(max, Math.Abs(ratio));
                count++;
            }
        }
        return new SpacingStats(count == 0 ? 0 : sum / count, max, count);
    }
}
