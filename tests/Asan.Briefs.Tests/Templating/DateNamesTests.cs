using Asan.Briefs.Diagnostics;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Templating;

/// <summary>
/// The pipeline runs without ICU's culture data (InvariantGlobalization), so the names a date format
/// writes come from the language's labels: Korean months and days as ICU named them,
/// English when a file gives none, and a list of the wrong length is an error at its line.
/// </summary>
public sealed class DateNamesTests
{
    private static readonly DateOnly Published = new(2022, 4, 29);

    [Theory]
    [InlineData("ko", "yyyy년 M월 d일", "2022년 4월 29일")]
    [InlineData("ko", "yyyy년 MMMM d일 dddd", "2022년 4월 29일 금요일")]
    [InlineData("ko", "MMM d일 (ddd)", "4월 29일 (금)")]
    [InlineData("en", "MMMM d, yyyy", "April 29, 2022")]
    [InlineData("en", "dddd, d MMMM yyyy", "Friday, 29 April 2022")]
    [InlineData("en", "ddd, MMM d", "Fri, Apr 29")]
    public void A_date_is_written_with_its_language_s_names(string lang, string format, string written) =>
        Assert.Equal(written, Published.ToString(format, I18n.Load(Repository.Templates, lang).DateNames));

    [Fact]
    public void The_edition_s_date_is_the_labels_format_in_the_labels_names()
    {
        var brief = Repository.Brief(Repository.SeedBrief);
        Assert.Equal("2022년 4월 29일", Repository.Publisher.Templates.View(brief, "ko").DateText);
        Assert.Equal("April 29, 2022", Repository.Publisher.Templates.View(brief, "en").DateText);
    }

    [Fact]
    public void A_list_of_names_of_the_wrong_length_is_an_error_at_its_line()
    {
        using var scratch = new ScratchBrief();
        var templates = scratch.CopyTemplates();
        var path = Path.Combine(templates, "i18n", "ko.yaml");
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.StartsWith("month_names:", StringComparison.Ordinal));
        Assert.True(at >= 0, "ko.yaml has no month_names");
        lines[at] = "month_names: [1월, 2월, 3월]";
        File.WriteAllLines(path, lines);
        var problem = Assert.Single(Assert.Throws<BriefException>(() => I18n.Load(templates, "ko")).Diagnostics);
        Assert.Equal((at + 1, 1), (problem.Line, problem.Column));
        Assert.Equal("month_names: write a list of 12 names, e.g. [1월, 2월, …, 12월]", problem.Message);
    }
}
