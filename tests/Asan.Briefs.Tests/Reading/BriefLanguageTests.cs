using Asan.Briefs.Cli;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>
/// A brief's languages and series must be ones the templates have labels for, and every body file must
/// be of a listed language: otherwise `check` and `build` are exit 1 at the brief.yaml line (or the
/// file), not a crash while rendering.
/// </summary>
public sealed class BriefLanguageTests
{
    private static string LineOf(string text, string start) =>
        (text.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith(start, StringComparison.Ordinal)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void FailsAt(ScratchBrief scratch, string pattern)
    {
        foreach (var command in new[] { "check", "build" })
        {
            var (exit, output) = scratch.Cli(command);
            Assert.True(exit == CommandLine.InvalidInput, $"{command}: exit {exit}\n{output}");
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output.Replace('\\', '/'), pattern), $"{command}: no match for {pattern} in\n{output}");
            Assert.DoesNotContain("   at ", output);
            Assert.False(Directory.Exists(scratch.Artifacts) && Directory.EnumerateFiles(scratch.Artifacts, "*.html", SearchOption.AllDirectories).Any());
        }
    }

    [Fact]
    public void An_unknown_series_is_an_error_at_its_line()
    {
        using var scratch = new ScratchBrief();
        scratch.CopyTemplates();
        var yaml = ScratchBrief.Yaml.Replace("series: issue-brief", "series: no-such-series");
        scratch.Write("brief.yaml", yaml);
        FailsAt(scratch, $@"brief\.yaml:{LineOf(yaml, "series:")}:1: error: series 'no-such-series' has no label in templates/i18n/en\.yaml");
    }

    [Fact]
    public void A_language_without_labels_is_an_error_at_its_place_in_languages()
    {
        using var scratch = new ScratchBrief();
        scratch.CopyTemplates();
        var yaml = System.Text.RegularExpressions.Regex.Replace(ScratchBrief.Yaml.Replace("languages: [en, ko]", "languages: [en, ko, xx]"),
            @"ko: (""[^""]*""|\[[^\]]*\]) }", "ko: $1, xx: $1 }");
        scratch.Write("brief.yaml", yaml);
        scratch.Write("body.xx.md", ScratchBrief.English);
        FailsAt(scratch, $@"brief\.yaml:{LineOf(yaml, "languages:")}:21: error: no labels for language 'xx' in templates/i18n/");
    }

    [Fact]
    public void A_missing_labels_file_of_a_listed_language_is_an_error_in_brief_yaml()
    {
        using var scratch = new ScratchBrief();
        var templates = scratch.CopyTemplates();
        File.Delete(Path.Combine(templates, "i18n", "ko.yaml"));
        FailsAt(scratch, @"brief\.yaml:1:17: error: no labels for language 'ko'");
    }

    [Fact]
    public void An_author_key_problem_is_reported_at_that_author_s_key()
    {
        using var scratch = new ScratchBrief();
        var yaml = ScratchBrief.Yaml + """

              - name: { en: "Jane Doe", ko: "제인 도", fr: "Jeanne" }
                role: { en: "Visiting Fellow" }
            """;
        scratch.Write("brief.yaml", yaml);
        var problems = Assert.Throws<Asan.Briefs.Diagnostics.BriefException>(() => Asan.Briefs.Reading.BriefReader.Read(scratch.Directory)).Diagnostics;
        var lines = yaml.Split('\n');
        var name = Array.FindIndex(lines, l => l.Contains("Jeanne", StringComparison.Ordinal)) + 1;
        Assert.Contains(problems, d => d.Message.StartsWith("name has text for 'fr'", StringComparison.Ordinal) && d.Line == name && d.Column == lines[name - 1].IndexOf("fr:", StringComparison.Ordinal) + 1);
        Assert.Contains(problems, d => d.Message.StartsWith("role has no 'ko' text", StringComparison.Ordinal) && d.Line == name + 1);
    }

    [Fact]
    public void A_body_of_an_unlisted_language_is_an_error_naming_the_file()
    {
        using var scratch = new ScratchBrief();
        scratch.CopyTemplates();
        scratch.Write("body.xx.md", ScratchBrief.English);
        FailsAt(scratch, @"body\.xx\.md: error: 'xx' is not in brief\.yaml's languages: \(en, ko\); add it there or remove the file");
    }

    /// <summary>A language is checked by the shape of a BCP 47 tag (the pipeline has no ICU culture data to look it up in).</summary>
    [Theory]
    [InlineData("e")]
    [InlineData("123")]
    [InlineData("en_US")]
    [InlineData("ko-")]
    [InlineData("ko-toolongsubtag")]
    public void A_language_that_is_no_language_tag_is_an_error_at_languages(string tag)
    {
        using var scratch = new ScratchBrief();
        scratch.CopyTemplates();
        var yaml = ScratchBrief.Yaml.Replace("languages: [en, ko]", $"languages: [en, ko, \"{tag}\"]");
        scratch.Write("brief.yaml", yaml);
        FailsAt(scratch, $@"brief\.yaml:{LineOf(yaml, "languages:")}:1: error: '{System.Text.RegularExpressions.Regex.Escape(tag)}' is not a language tag; use a BCP 47 tag such as en or ko");
    }
}
