using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>
/// A character no font of the theme has is an error naming it, its code point, its file, line and
/// column and the fix, instead of a blank in the PDF.
/// </summary>
public sealed class FontCoverageTests
{
    [Theory]
    [InlineData("𝔸", "U+1D538")]
    [InlineData("😀", "U+1F600")]
    [InlineData("देवनागरी", "U+0926")]
    [InlineData("عربي", "U+0639")]
    [InlineData("ภาษาไทย", "U+0E20")]
    public void A_character_in_no_theme_font_is_an_error_at_its_place(string text, string codepoint)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("A paragraph with", $"A paragraph {text} with"));
        var lines = File.ReadAllLines(Path.Combine(scratch.Directory, "body.en.md"));
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        var column = lines[line].IndexOf(text, StringComparison.Ordinal) + 1;

        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var problems = Assert.Throws<BriefException>(() => publisher.ReadBriefs()).Diagnostics;

        var first = problems.First(p => p.File.EndsWith("body.en.md", StringComparison.Ordinal));
        Assert.Equal((line + 1, column), (first.Line, first.Column));
        Assert.Contains($"'{char.ConvertFromUtf32(char.ConvertToUtf32(text, 0))}' ({codepoint}) is in no font the theme sets", first.Message);
        Assert.Contains("add a face that has it", first.Message);
    }

    [Fact]
    public void The_same_character_in_brief_yaml_is_reported_there()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("\"A Test Brief\"", "\"A Test Brief 😀\""));
        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var problem = Assert.Single(Assert.Throws<BriefException>(() => publisher.ReadBriefs()).Diagnostics);
        Assert.EndsWith("brief.yaml", problem.File);
        Assert.Equal(5, problem.Line);
    }
}
