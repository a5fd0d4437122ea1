using System.Text.RegularExpressions;
using Asan.Briefs.Cli;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>
/// Cross-references (<c>[@tbl:trade]</c>) and the ids of figures and tables: a reference to no id, to an id
/// of the other kind, a duplicate id, an id one language lacks, an id of the wrong form or a caption with
/// no table after it is an error at the file, line and column where it stands, naming the fix, in
/// <c>check</c> and <c>build</c> alike (exit 1, nothing written).
/// </summary>
public sealed class CrossReferenceTests
{
    private const string EnglishTable = """

        Table: Trade by year {#tbl:trade}

        | Year | Trade |
        | --- | ---: |
        | 2024 | 1 |
        """;

    private const string KoreanTable = """

        Table: 연도별 교역 {#tbl:trade}

        | 연도 | 교역 |
        | --- | ---: |
        | 2024 | 1 |
        """;

    private static ScratchBrief Scratch(string english, string? korean = null)
    {
        var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("- two\n", "- two\n" + EnglishTable + "\n\n" + english + "\n"));
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("- 둘\n", "- 둘\n" + KoreanTable + "\n\n" + (korean ?? "[@tbl:trade]을 보라.") + "\n"));
        return scratch;
    }

    /// <summary>1-based line and column of <paramref name="what"/> in a file of the scratch brief.</summary>
    private static (int Line, int Column) Where(ScratchBrief scratch, string file, string what, int occurrence = 1)
    {
        var lines = File.ReadAllText(Path.Combine(scratch.Directory, file)).Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].IndexOf(what, StringComparison.Ordinal) is >= 0 and var at && ++seen == occurrence) return (i + 1, at + 1);
        throw new Xunit.Sdk.XunitException($"'{what}' is not in {file}");
    }

    private static Diagnostic SingleProblem(ScratchBrief scratch) =>
        Assert.Single(Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics);

    private static void AssertAt(Diagnostic problem, string file, (int Line, int Column) at, params string[] words)
    {
        Assert.True(problem.File.EndsWith(file, StringComparison.Ordinal) && (problem.Line, problem.Column) == at, $"expected {file}:{at.Line}:{at.Column}, got {problem}");
        foreach (var word in words) Assert.Contains(word, problem.Message);
    }

    [Fact]
    public void A_reference_and_a_caption_read_into_the_model()
    {
        using var scratch = Scratch("As [@tbl:trade] shows, trade grew.");
        var brief = BriefReader.Read(scratch.Directory);
        var table = Assert.Single(brief.AllBlocks.OfType<TableBlock>());
        Assert.Equal("tbl:trade", table.Label);
        Assert.Equal("Trade by year", Inlines.PlainText(table.Caption!["en"]));
        Assert.Equal("연도별 교역", Inlines.PlainText(table.Caption!["ko"]));
        var reference = Assert.Single(brief.AllBlocks.OfType<ParagraphBlock>().SelectMany(p => Inlines.Descendants(p.Text["en"])).OfType<ReferenceInline>());
        Assert.Equal("tbl:trade", reference.Target);
        Assert.Same(table, Numbering.Of(brief).Target("tbl:trade"));
        Assert.Equal(1, Numbering.Of(brief).NumberOf(table));
    }

    [Fact]
    public void A_mistyped_reference_is_an_error_at_it_naming_the_ids_there_are()
    {
        using var scratch = Scratch("As [@tbl:trad] shows, trade grew.");
        AssertAt(SingleProblem(scratch), "body.en.md", Where(scratch, "body.en.md", "[@tbl:trad]"), "[@tbl:trad] names no table", "tbl:trade");
    }

    [Fact]
    public void A_reference_to_a_table_as_a_figure_is_an_error_naming_the_right_one()
    {
        using var scratch = Scratch("As [@fig:trade] shows, trade grew.");
        AssertAt(SingleProblem(scratch), "body.en.md", Where(scratch, "body.en.md", "[@fig:trade]"), "names a figure", "write [@tbl:trade]");
    }

    [Fact]
    public void A_reference_in_korean_is_checked_against_the_korean_file()
    {
        using var scratch = Scratch("See [@tbl:trade].", "[@tbl:trdae]을 보라.");
        AssertAt(SingleProblem(scratch), "body.ko.md", Where(scratch, "body.ko.md", "[@tbl:trdae]"), "tbl:trade");
    }

    [Fact]
    public void Bracketed_at_text_that_is_not_a_figure_or_table_is_an_error_unless_escaped()
    {
        using var scratch = Scratch("Write to [@asan] for data.");
        AssertAt(SingleProblem(scratch), "body.en.md", Where(scratch, "body.en.md", "[@asan]"), "[@fig:name]", "\\[@");
        scratch.Write("body.en.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.en.md")).Replace("[@asan]", "\\[@asan]"));
        var brief = BriefReader.Read(scratch.Directory);
        Assert.Contains(brief.AllBlocks.OfType<ParagraphBlock>(), p => Inlines.PlainText(p.Text["en"]) == "Write to [@asan] for data.");
    }

    [Fact]
    public void An_id_used_twice_in_a_file_is_an_error_at_the_second()
    {
        using var scratch = Scratch("See [@tbl:trade].\n" + EnglishTable, "[@tbl:trade]을 보라.\n" + KoreanTable);
        var problems = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;
        Assert.Equal(2, problems.Count);
        foreach (var (file, header) in new[] { ("body.en.md", "| Year |"), ("body.ko.md", "| 연도 |") })
            AssertAt(problems.Single(p => p.File.EndsWith(file, StringComparison.Ordinal)), file, Where(scratch, file, header, 2), "'tbl:trade' is already used", "own id");
    }

    [Fact]
    public void An_id_one_language_lacks_is_an_error_at_that_language()
    {
        using var scratch = Scratch("See the table.", "표를 보라.");
        scratch.Write("body.ko.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.ko.md")).Replace(" {#tbl:trade}", ""));
        AssertAt(SingleProblem(scratch), "body.ko.md", Where(scratch, "body.ko.md", "| 연도 |"), "has no id", "{#tbl:trade}", "body.en.md:");
    }

    [Theory]
    [InlineData("{#tbl:Trade_1}", "cannot be a table's id", "{#tbl:trade-1}")]
    [InlineData("{#fig:trade}", "a table's id starts with tbl:", "{#tbl:trade}")]
    [InlineData("{#trade}", "cannot be a table's id", "{#tbl:trade}")]
    public void An_id_of_the_wrong_form_is_an_error_at_its_caption(string id, string message, string fix)
    {
        using var scratch = Scratch("See the table.", "표를 보라.");
        scratch.Write("body.en.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.en.md")).Replace("{#tbl:trade}", id));
        var problems = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;
        AssertAt(problems[0], "body.en.md", Where(scratch, "body.en.md", "Table: Trade"), message, fix);
    }

    [Fact]
    public void A_caption_with_no_table_after_it_is_an_error_at_the_caption()
    {
        using var scratch = Scratch("Table: A caption with nothing under it", "Table: 아래에 표가 없는 캡션");
        var problems = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;
        AssertAt(problems.First(p => p.File.EndsWith("body.en.md", StringComparison.Ordinal)), "body.en.md", Where(scratch, "body.en.md", "Table: A caption"), "right before its table", "Table\\:");
    }

    [Fact]
    public void A_paragraph_with_an_id_is_an_error_at_it()
    {
        using var scratch = Scratch("A paragraph. {#tbl:other}", "문단이다.");
        AssertAt(SingleProblem(scratch), "body.en.md", Where(scratch, "body.en.md", "A paragraph."), "cannot take an id");
    }

    [Fact]
    public void A_heading_id_shaped_like_a_tables_anchor_is_an_error()
    {
        using var scratch = Scratch("See [@tbl:trade].");
        scratch.Write("body.en.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.en.md")).Replace("{#first}", "{#tbl-first}"));
        scratch.Write("body.ko.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.ko.md")).Replace("{#first}", "{#tbl-first}"));
        var problems = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;
        AssertAt(problems.First(p => p.File.EndsWith("body.en.md", StringComparison.Ordinal)), "body.en.md", Where(scratch, "body.en.md", "# First"), "'tbl-first'", "another id");
    }

    [Fact]
    public void A_caption_one_language_lacks_is_an_error_at_that_language()
    {
        using var scratch = Scratch("See the table.", "표를 보라.");
        scratch.Write("body.ko.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.ko.md")).Replace("Table: 연도별 교역 {#tbl:trade}\n\n", ""));
        var problems = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;
        AssertAt(problems[0], "body.ko.md", Where(scratch, "body.ko.md", "| 연도 |"), "no caption", "Table: …");
    }

    [Fact]
    public void A_figure_takes_its_id_after_the_image_and_a_reference_to_it_as_a_table_is_an_error()
    {
        const string figure = "^^^\n![A chart](chart.png \"Source\"){#fig:chart}\n^^^ A chart\n";
        using var scratch = Scratch(figure + "\nAs [@fig:chart] and [@tbl:chart] show.", figure + "\n[@fig:chart]을 보라.");
        File.Copy(MarkupSamples.Figure, Path.Combine(scratch.Directory, "chart.png"));
        AssertAt(SingleProblem(scratch), "body.en.md", Where(scratch, "body.en.md", "[@tbl:chart]"), "names a table", "write [@fig:chart]");
        scratch.Write("body.en.md", File.ReadAllText(Path.Combine(scratch.Directory, "body.en.md")).Replace(" and [@tbl:chart]", ""));
        var brief = BriefReader.Read(scratch.Directory);
        Assert.Equal("fig:chart", Assert.Single(brief.AllBlocks.OfType<FigureBlock>()).Label);
    }

    [Fact]
    public void Tables_count_in_reading_order_and_a_reference_shows_its_tables_number_in_every_output()
    {
        // Two tables; the text cites the second first, so the numbers come from the tables, not from the order of citing.
        const string second = "\nTable: Second {#tbl:second}\n\n| A |\n| --- |\n| 1 |\n";
        const string secondKo = "\nTable: 둘째 {#tbl:second}\n\n| 가 |\n| --- |\n| 1 |\n";
        using var scratch = Scratch("See [@tbl:second] and [@tbl:trade].\n" + second, "[@tbl:second]과 [@tbl:trade]을 보라.\n" + secondKo);
        var brief = BriefReader.Read(scratch.Directory);
        foreach (var (lang, words) in new[] { ("en", new[] { "Table 2", "Table 1" }), ("ko", new[] { "표 2", "표 1" }) })
        {
            var outputs = Repository.Publisher.Render(brief, lang, Asan.Briefs.Cli.Pipeline.OutputFormat.All);
            byte[] Output(string suffix) => outputs.Single(o => o.RelativePath.EndsWith(suffix, StringComparison.Ordinal)).Bytes;
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(Output($".{lang}.html")));
            Assert.Equal(words, html.QuerySelectorAll("a.xref").Select(a => a.TextContent));
            Assert.Equal(["#tbl-second", "#tbl-trade"], html.QuerySelectorAll("a.xref").Select(a => a.GetAttribute("href")!));
            Assert.Equal(words.Reverse().Select(w => w + "."), html.QuerySelectorAll("table > caption .caption-number").Select(c => c.TextContent));
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(Output($".{lang}.pdf"));
            var text = PdfText.Squeeze(string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)));
            Assert.True(text.IndexOf(PdfText.Squeeze(words[1] + "."), StringComparison.Ordinal) < text.IndexOf(PdfText.Squeeze(words[0] + "."), StringComparison.Ordinal), text);
            using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(Output($".{lang}.docx")), false);
            var links = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Hyperlink>().Where(h => h.Anchor is not null).ToList();
            Assert.Equal(words, links.Select(h => h.InnerText));
            Assert.Equal(["tbl_second", "tbl_trade"], links.Select(h => h.Anchor!.Value!));
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    public void Check_and_build_fail_with_exit_1_at_a_bad_reference_and_write_nothing(string command)
    {
        using var scratch = Scratch("As [@tbl:trad] shows, trade grew.");
        scratch.CopyTemplates();
        var (exit, output) = scratch.Cli(command);
        Assert.True(exit == CommandLine.InvalidInput, $"{command}: exit {exit}\n{output}");
        var (line, column) = Where(scratch, "body.en.md", "[@tbl:trad]");
        Assert.True(Regex.IsMatch(output.Replace('\\', '/'), $@"body\.en\.md:{line}:{column}: error: \[@tbl:trad\] names no table"), output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(Directory.Exists(scratch.Artifacts) && Directory.EnumerateFiles(scratch.Artifacts, "*.*", SearchOption.AllDirectories).Any());
    }
}
