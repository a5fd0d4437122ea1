using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>Every drift and note problem is reported where it stands (file:line:column), naming the label, never at 1:1.</summary>
public class ProblemPlaceTests
{
    private static IReadOnlyList<Diagnostic> Problems(ScratchBrief scratch) =>
        Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;

    private static string Show(IEnumerable<Diagnostic> problems) => string.Join("\n", problems);

    [Fact]
    public void A_note_defined_in_one_language_only_is_reported_at_the_note()
    {
        using var scratch = new ScratchBrief();
        // The Korean body neither cites nor defines [^a]: the English note (line 10) has no translation.
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("서론이다.[^a]", "서론이다.").Replace("[^a]: 주석이다.", ""));
        var problems = Problems(scratch);
        var missing = Assert.Single(problems, d => d.Message.Contains("has no translation"));
        Assert.True(missing.File.EndsWith("body.en.md") && missing.Line == 10, Show(problems));
        Assert.Contains("[^a]", missing.Message);
        Assert.Contains("body.ko.md", missing.Message);
        Assert.DoesNotContain(problems, d => (d.Line, d.Column) == (1, 1) && !d.Message.Contains("cites"));
    }

    [Fact]
    public void A_note_defined_but_never_cited_in_one_language_only_is_an_error_at_the_note()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.ko.md", ScratchBrief.Korean + "\n[^z]: 번역에만 있고 인용되지 않은 주석이다.");
        var problem = Assert.Single(Problems(scratch));
        Assert.True(problem.File.EndsWith("body.ko.md") && problem.Line == 11, problem.ToString());
        Assert.Contains("[^z] is never cited", problem.Message);
    }

    [Fact]
    public void A_missing_section_translation_is_reported_at_the_heading_it_translates()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("{#first}", "{#erste}"));
        var problems = Problems(scratch);
        var missing = Assert.Single(problems, d => d.Message.Contains("section 'first'") && d.Message.Contains("has no translation"));
        Assert.True(missing.File.EndsWith("body.en.md") && (missing.Line, missing.Column) == (3, 1), Show(problems));
        Assert.Contains("body.ko.md", missing.Message);
    }

    [Theory]
    [InlineData("The introduction.[^zz]", 1, 18)]
    [InlineData("The introduction\nwith a second line, then *a* [^zz] note.", 2, 30)]
    [InlineData("The introduction.[^a] and [^zz]", 1, 27)]
    // Smart punctuation makes "--" and "..." one character each: the column is still the source's.
    [InlineData("The introduction -- and... then [^zz]", 1, 33)]
    public void A_cited_but_undefined_note_is_reported_with_its_label_where_it_is_cited(string paragraph, int line, int column)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("The introduction.[^a]", paragraph).Replace("A paragraph", "A[^a] paragraph"));
        var problems = Problems(scratch);
        var undefined = Assert.Single(problems, d => d.Message.Contains("no definition"));
        Assert.True(undefined.File.EndsWith("body.en.md") && (undefined.Line, undefined.Column) == (line, column), Show(problems));
        Assert.Contains("[^zz]", undefined.Message);
        Assert.Contains("[^zz]: ", undefined.Message);
    }

    [Fact]
    public void Notes_cited_differently_name_the_missing_label_and_its_line()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("The introduction.[^a]", "The introduction.[^a] More.[^b]").Replace("[^a]: A note.", "[^a]: A note.\n\n[^b]: B note."));
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("[^a]: 주석이다.", "[^a]: 주석이다.\n\n[^b]: 비 주석이다.").Replace("- 둘", "- 둘[^b]"));
        var problems = Problems(scratch);
        var drift = Assert.Single(problems, d => d.File.EndsWith("body.ko.md") && d.Line == 1);
        Assert.Contains("does not cite [^b]", drift.Message);
        Assert.Contains("body.en.md:1", drift.Message);
    }

    [Fact]
    public void A_tab_indentation_in_brief_yaml_is_reported_at_the_tab()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("    role:", "\trole:"));
        var problem = Assert.Single(Problems(scratch));
        Assert.EndsWith("brief.yaml", problem.File);
        Assert.Equal((10, 1), (problem.Line, problem.Column));
        Assert.Contains("tab", problem.Message);
        Assert.Contains("spaces", problem.Message);
    }
}
