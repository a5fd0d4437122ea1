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
        Directory.CreateSymbolicLink(Path.Combine(_templates, "color"), Path.Combine(Repository.Templates, "color"));
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

    [Theory]
    [InlineData("size: 10pt", "size: 0pt", "style 'body': size: 0pt must be more than 0")]
    [InlineData("size: 10pt", "size: -3pt", "style 'body': size: -3pt must be more than 0")]
    [InlineData("margin_left: 24mm", "margin_left: -24mm", "page.margin_left: -24mm must not be negative")]
    [InlineData("margin_left: 24mm", "margin_left: 150mm", "the margins leave a text block 36 mm wide; it must be at least 60 mm")]
    [InlineData("margin_top: 24mm", "margin_top: 300mm", "the margins leave a text block -27 mm tall; it must be at least 60 mm")]
    [InlineData("width: 210mm            # A4", "width: 0mm", "page.width: 0mm must be more than 0")]
    [InlineData("list_depth: 6           # lists inside lists", "list_depth: 0", "limits.list_depth: 0 is too small")]
    [InlineData("image_megapixels: 50    # pixels of a figure (width × height), checked before it is decoded", "image_megapixels: -1", "limits.image_megapixels: -1 is too small")]
    public void A_length_or_limit_that_cannot_work_is_reported_at_its_line(string find, string replacement, string message)
    {
        var line = Change(find, replacement);
        var problems = Problems();
        Assert.Contains(problems, p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>The repository's theme with the first <paramref name="find"/> below <paramref name="below"/> replaced; returns its line.</summary>
    private int ChangeBelow(string below, string find, string replacement)
    {
        var text = string.Join('\n', _lines);
        var at = text.IndexOf(find, Math.Max(0, text.IndexOf(below, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.True(at >= 0, $"theme.yaml has no '{find}' below '{below}'");
        File.WriteAllText(Path.Combine(_templates, "theme.yaml"), text[..at] + replacement + text[(at + find.Length)..]);
        return text[..at].Count(c => c == '\n') + 1;
    }

    [Theory]
    [InlineData("NotoSerif-Light.ttf", "NotoSerif-Lite.ttf", "languages.ko.fonts.serif.latin: file 'NotoSerif-Lite.ttf' is not in")]
    [InlineData("serif:\n        latin: { family: Noto Serif Light", "display:\n        latin: { family: Noto Serif Light", "languages.ko.fonts: font role 'display' is not defined under fonts:")]
    public void A_language_s_font_that_cannot_work_is_reported_at_its_line(string find, string replacement, string message)
    {
        var line = ChangeBelow("\nlanguages:", find, replacement);
        var problem = Assert.Single(Problems());
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_family_at_two_sizes_in_one_language_is_reported_at_its_line()
    {
        // The sans and mono roles share NanumGothic for Hangul; a web page names a face by its family, so the
        // family cannot take a size correction in one role and not in the other.
        var line = ChangeBelow("\n  sans:", "bold: NanumGothicBold.ttf, emphasis: serif }", "bold: NanumGothicBold.ttf, emphasis: serif, scale: 1.1 }");
        var problem = Assert.Single(Problems());
        Assert.Equal((line, true), (problem.Line, problem.Column > 1));
        Assert.Contains("fonts.sans.hangul.scale: NanumGothic is also the Hangul face of fonts.mono at scale 1", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\nlanguages:", "letter_spacing: 0.05", "letter_spacing: -0.05", "languages.ko.justify.letter_spacing: -0.05 must not be negative")]
    [InlineData("\nlanguages:", "letter_spacing_limit: 0.09", "letter_spacing_limit: 0.7", "languages.ko.justify.letter_spacing_limit: 0.7 em between two letters would read as a space between words")]
    [InlineData("\nlanguages:", "letter_spacing_limit: 0.09", "letter_spacing_limit: 0.03", "languages.ko.justify.letter_spacing_limit: 0.03 is below letter_spacing 0.05")]
    [InlineData("\nlanguages:", "max_word_gap: 0.49", "max_word_gap: 0.2", "languages.ko.justify.max_word_gap: 0.2 em is not wider than word_space 0.25 em")]
    [InlineData("\nlanguages:", "word_space: 0.25", "word_space: narrow", "'narrow' is not a number")]
    [InlineData("\njustify:", "space_shrink: 0.4 ", "space_shrink: 1.5 ", "justify.space_shrink: 1.5 would shrink a space to nothing")]
    [InlineData("\njustify:", "hangul_space_stretch: 0.2", "hangul_space_stretch: -1", "justify.hangul_space_stretch: -1 must not be negative")]
    [InlineData("\nlanguages:", "scale: 0.9", "scale: 0", "languages.ko.fonts.mono.latin.scale: 0 must be between 0.5 and 1.5")]
    [InlineData("\nlanguages:", "scale: 0.9", "scale: 2.5", "languages.ko.fonts.mono.latin.scale: 2.5 must be between 0.5 and 1.5")]
    [InlineData("\nlanguages:", "scale: 0.9", "scale: -0.9", "languages.ko.fonts.mono.latin.scale: -0.9 must be between 0.5 and 1.5")]
    [InlineData("\nlanguages:", "scale: 0.9", "scale: small", "'small' is not a number")]
    public void A_spacing_value_or_size_correction_that_cannot_work_is_reported_at_its_line(string section, string find, string replacement, string message)
    {
        var line = ChangeBelow(section, find, replacement);
        var problem = Assert.Single(Problems());
        Assert.Equal((line, true), (problem.Line, problem.Column > 1));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_are_the_theme_s()
    {
        Change("list_depth: 6           # lists inside lists", "list_depth: 3");
        Assert.Equal(new Asan.Briefs.Reading.ContentLimits(3, 6, 50_000_000), ThemeLoader.Load(_templates).Limits);
    }

    [Fact]
    public void A_word_where_a_number_belongs_says_so_in_plain_words()
    {
        var line = Change("leading: 1.55", "leading: wide");
        var problem = Assert.Single(Problems());
        Assert.Equal(line, problem.Line);
        Assert.Equal("'wide' is not a number; write a number here (e.g. 1.5)", problem.Message);
    }

    [Fact]
    public void A_colour_without_a_CMYK_value_for_the_print_file_is_reported_where_the_colour_is_defined()
    {
        Change("shade: [6, 2, 0, 0]", "# no CMYK for shade");
        var problem = Assert.Single(Problems());
        Assert.Equal(Array.FindIndex(_lines, l => l.Trim() == "shade: \"#eef3f8\"") + 1, problem.Line);
        Assert.Equal("colors.shade: the print file needs its CMYK value; add it under pdf.print.cmyk, e.g. shade: [0, 0, 0, 100]", problem.Message);
    }

    [Theory]
    [InlineData("muted: [0, 0, 0, 70]", "muted: [0, 0, 70]", "pdf.print.cmyk.muted: write four percentages from 0 to 100, [C, M, Y, K], e.g. [0, 0, 0, 100]")]
    [InlineData("muted: [0, 0, 0, 70]", "muted: [0, 0, 0, 170]", "pdf.print.cmyk.muted: write four percentages from 0 to 100, [C, M, Y, K], e.g. [0, 0, 0, 100]")]
    [InlineData("link: [100, 55, 0, 30]", "link: [100, 50, 0, 30]", "pdf.print.cmyk.link: colour #0b4f8a is also 'accent', with other CMYK values; give both the same")]
    [InlineData("color: accent", "color: \"#123456\"", "style 'series': colour #123456 has no CMYK value for the print file; name it under colors: and give it one under pdf.print.cmyk")]
    [InlineData("leader: dots            # in the PDF, from each entry to its right-aligned page number: dots or none", "leader: dashes", "contents.leader: 'dashes' is unknown; write dots (a dotted leader to the page number) or none (the number alone)")]
    [InlineData("bleed: 3mm", "bleed: 3 millimetres", "pdf.print.bleed: '3 millimetres' is not a length; write a number with mm, cm, in or pt (e.g. 25mm, 10.5pt)")]
    [InlineData("profile: color/FOGRA39L.icc", "profile: color/ISOcoated.icc", "pdf.print.profile: ICC profile 'color/ISOcoated.icc' is not in")]
    public void A_bad_print_setting_is_reported_at_its_line(string find, string replacement, string message)
    {
        var line = Change(find, replacement);
        var problem = Assert.Single(Problems());
        Assert.Equal(line, problem.Line);
        Assert.StartsWith(message, problem.Message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }
}
