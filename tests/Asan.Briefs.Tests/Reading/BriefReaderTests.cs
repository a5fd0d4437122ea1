using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

public class BriefReaderTests
{
    private static Diagnostic SingleProblem(ScratchBrief scratch)
    {
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        return Assert.Single(error.Diagnostics);
    }

    [Fact]
    public void Reads_a_valid_brief_into_aligned_languages()
    {
        using var scratch = new ScratchBrief();
        var brief = BriefReader.Read(scratch.Directory);

        Assert.Equal("scratch-brief", brief.Id);
        Assert.Equal(["en", "ko"], brief.Languages);
        Assert.Equal(["introduction", "first"], brief.Sections.Select(s => s.Id));
        Assert.Equal("첫째 절", Inlines.PlainText(brief.Sections[1].Heading!["ko"]));
        var paragraph = Assert.IsType<ParagraphBlock>(brief.Sections[1].Blocks[0]);
        Assert.Equal("first.1", paragraph.Id);
        Assert.Contains(Inlines.Descendants(paragraph.Text["en"]), i => i is LinkInline { Url: "https://www.asaninst.org/" });
        Assert.IsType<ListBlock>(brief.Sections[1].Blocks[1]);
        var note = Assert.Single(brief.Footnotes);
        Assert.Equal(("a", 1), (note.Label, note.Number));
        Assert.Equal("주석이다.", Inlines.PlainText(note.Paragraphs["ko"][0]));
        Assert.Equal(new DateOnly(2022, 4, 29), brief.Metadata.Date);
    }

    [Fact]
    public void Broken_yaml_names_the_file_and_line()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("title: { en: \"A Test Brief\", ko: \"시험 브리프\" }", "title: { en: \"A Test Brief\", ko: \"시험 브리프\""));
        var problem = SingleProblem(scratch);
        Assert.EndsWith("brief.yaml", problem.File);
        Assert.InRange(problem.Line, 5, 6);
        Assert.Contains("check the indentation", problem.Message);
    }

    [Fact]
    public void Misspelt_key_names_the_keys_that_exist()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("series:", "serie:"));
        var problem = SingleProblem(scratch);
        Assert.Equal(2, problem.Line);
        Assert.Equal("unknown key 'serie'; the keys here are: languages, example, smart_punctuation, series, number, date, title, short_title, subtitle, summary, keywords, authors, disclaimer", problem.Message);
    }

    [Fact]
    public void A_list_where_a_mapping_belongs_says_so()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("title: { en: \"A Test Brief\", ko: \"시험 브리프\" }", "title: [A Test Brief]"));
        var problem = SingleProblem(scratch);
        Assert.Equal(5, problem.Line);
        Assert.StartsWith("expected a mapping", problem.Message);
        Assert.DoesNotContain("Idx:", problem.Message);
    }

    [Theory]
    [InlineData("date: [2022-04-29]")]
    [InlineData("date: [2022")]
    public void A_list_where_a_single_value_belongs_says_so_in_plain_words(string line)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("date: 2022-04-29", line));
        var problem = SingleProblem(scratch);
        Assert.Equal(4, problem.Line);
        Assert.StartsWith("expected a single value", problem.Message);
        Assert.DoesNotContain("System.", problem.Message);
    }

    [Fact]
    public void Missing_translation_of_a_metadata_field_names_the_key()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace(", ko: \"시험 브리프\"", ""));
        var problem = SingleProblem(scratch);
        Assert.Equal(5, problem.Line);
        Assert.Contains("title has no 'ko' text", problem.Message);
    }

    [Fact]
    public void Unknown_block_is_refused_with_its_line()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("- one\n- two", "```\ncode\n```"));
        var problem = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics[0];
        Assert.EndsWith("body.en.md", problem.File);
        Assert.Equal(7, problem.Line);
        Assert.Contains("code blocks are not part of the brief format", problem.Message);
    }

    [Fact]
    public void Block_missing_in_one_language_is_reported_as_drift()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("- 하나\n- 둘\n", ""));
        var problem = SingleProblem(scratch);
        Assert.EndsWith("body.ko.md", problem.File);
        Assert.Contains("section 'first' has 1 blocks in", problem.Message);
        Assert.Contains("block 2 of", problem.Message);
        Assert.Contains("unordered list at line 7", problem.Message);
    }

    [Fact]
    public void Extra_paragraph_in_one_language_is_reported_where_it_stands()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("서론이다.[^a]", "서론이다.[^a]\n\n번역에만 있는 문단이다."));
        var problem = SingleProblem(scratch);
        Assert.EndsWith("body.ko.md", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("section 'introduction' has 2 blocks", problem.Message);
    }

    [Fact]
    public void Missing_section_translation_names_the_section()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("{#first}", "{#erste}"));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.File.EndsWith("body.en.md") && d.Line == 3 && d.Message.Contains("section 'first' has no translation in") && d.Message.Contains("body.ko.md"));
        Assert.Contains(error.Diagnostics, d => d.Line == 3 && d.Message.Contains("section 'erste' is not in"));
    }

    [Fact]
    public void Duplicate_heading_id_is_refused()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("[^a]: A note.", "# Again {#first}\n\nMore.\n\n[^a]: A note."));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.File.EndsWith("body.en.md") && d.Line == 10 && d.Message.Contains("heading id 'first' is used twice"));
    }

    [Fact]
    public void Heading_without_id_is_refused_with_the_fix()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace(" {#first}", ""));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.Line == 3 && d.Message.Contains("heading has no id") && d.Message.Contains("{#my-section}"));
    }

    [Theory]
    [InlineData("<div>raw</div>", "raw HTML is not allowed")]
    [InlineData("Text with <b>bold</b> tags.", "raw HTML `<b>` is not allowed")]
    [InlineData("A [bad link](javascript:alert(1)).", "refused scheme")]
    [InlineData("A [data link](data:text/html,hi).", "refused scheme")]
    public void Unsafe_content_is_refused(string paragraph, string expected)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("The introduction.[^a]", "The introduction.[^a]\n\n" + paragraph));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.Line == 3 && d.Message.Contains(expected));
    }

    [Fact]
    public void Image_outside_the_brief_folder_is_refused()
    {
        using var scratch = new ScratchBrief();
        var figure = "^^^\n![A chart](../other/chart.png \"Source\")\n^^^ Figure 1";
        scratch.Write("body.en.md", ScratchBrief.English.Replace("[^a]: A note.", figure + "\n\n[^a]: A note."));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("is outside the brief's folder"));
    }

    [Fact]
    public void Note_cited_in_different_paragraphs_is_drift()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("서론이다.[^a]", "서론이다.").Replace("문단이다.", "문단이다.[^a]"));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.File.EndsWith("body.ko.md") && d.Line == 1 && d.Message.Contains("does not cite [^a]"));
    }

    [Fact]
    public void Undefined_note_reference_is_refused()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("[^a]: A note.", ""));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.Contains(error.Diagnostics, d => d.File.EndsWith("body.en.md") && d.Message.Contains("has no definition"));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace(" {#first}", "").Replace("- two", "- two\n\n<div>x</div>"));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        Assert.True(error.Diagnostics.Count >= 2, string.Join("\n", error.Diagnostics));
    }
}
