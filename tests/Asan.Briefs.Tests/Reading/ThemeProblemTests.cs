using Asan.Briefs.Diagnostics;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Reading;

/// <summary>Problems in templates/theme.yaml name the line where the bad value is written, and the fix.</summary>
public sealed class ThemeProblemTests : IDisposable
{
    private readonly string _templates = Path.Combine(Path.GetTempPath(), "asan-briefs-theme-" + Guid.NewGuid().ToString("N"));
    private readonly string[] _lines;

    public ThemeProblemTests()
    {
        Directory.CreateDirectory(_templates);
        Directory.CreateSymbolicLink(Path.Combine(_templates, "fonts"), Path.Combine(Repository.Templates, "fonts"));
        _lines = File.ReadAllLines(Path.Combine(Repository.Templates, "theme.yaml"));
    }

    /// <summary>The repository's theme with one line changed; returns that line's number.</summary>
    private int Change(string find, string replacement)
    {
        var index = Array.FindIndex(_lines, l => l.Trim() == find);
        Assert.True(index >= 0, $"theme.yaml has no line '{find}'");
        var changed = (string[])_lines.Clone();
        changed[index] = changed[index].Replace(find, replacement, StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(_templates, "theme.yaml"), changed);
        return index + 1;
    }

    private IReadOnlyList<Diagnostic> Problems() => Assert.Throws<BriefException>(() => ThemeLoader.Load(_templates)).Diagnostics;

    [Fact]
    public void The_repository_theme_loads() => Assert.NotNull(ThemeLoader.Load(Repository.Templates));

    [Fact]
    public void A_bad_length_in_a_base_style_is_reported_once_at_its_line()
    {
        var line = Change("size: 10pt", "size: ten points");
        var problem = Assert.Single(Problems());
        Assert.Equal(line, problem.Line);
        Assert.Equal("style 'body': size: 'ten points' is not a length; write a number with mm, cm, in or pt (e.g. 25mm, 10.5pt)", problem.Message);
    }

    [Theory]
    [InlineData("align: justify", "align: justified", "align 'justified' is unknown; use justify, left, center, right")]
    [InlineData("based_on: body", "based_on: bodytext", "based_on 'bodytext' is not defined under styles:")]
    [InlineData("font: sans", "font: display", "font role 'display' is not defined under fonts:")]
    [InlineData("color: accent", "color: teal", "colour 'teal' is not defined under colors:")]
    public void A_name_that_means_nothing_is_reported_at_its_line(string find, string replacement, string message)
    {
        var line = Change(find, replacement);
        var problems = Problems();
        Assert.Contains(problems, p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(p.Line > 0, $"no line: {p.Message}"));
    }

    [Fact]
    public void A_word_where_a_number_belongs_says_so_in_plain_words()
    {
        var line = Change("leading: 1.55", "leading: wide");
        var problem = Assert.Single(Problems());
        Assert.Equal(line, problem.Line);
        Assert.Equal("'wide' is not a number; write a number here (e.g. 1.5)", problem.Message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }
}
