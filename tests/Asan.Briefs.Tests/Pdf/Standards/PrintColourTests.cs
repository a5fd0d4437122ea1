using System.Text.RegularExpressions;
using Asan.Briefs.Cli;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Pdf.Standards;

/// <summary>
/// A colour the print markup names that the print file cannot paint in CMYK (a raw #rrggbb with no
/// value under pdf.print.cmyk, or a name not under colors:) is bad input: exit 1 at the template's
/// file:line:column when the templates are checked, naming the fix, before anything is drawn; the
/// outputs of the last good build stay as they were.
/// </summary>
public sealed class PrintColourTests
{
    private const string Rule = "<rule thickness=\"0.5pt\" color=\"rule\"";

    public static TheoryData<string, string> BadColours() => new()
    {
        // what the template writes instead of color="rule", what the message says
        { "color=\"#123456\"", "colour #123456 has no CMYK value for the print file; use a colour name from colors: in templates/theme.yaml, or add it there and give it a CMYK value under pdf.print.cmyk" },
        { "color=\"rules\"", "colour 'rules' is not defined under colors: in templates/theme.yaml; define it there with a CMYK value under pdf.print.cmyk, or use one of: text, accent, muted, rule, link, shade" },
    };

    [Theory]
    [MemberData(nameof(BadColours))]
    public void A_colour_in_a_print_template_without_CMYK_is_exit_1_at_its_line_naming_the_fix(string attribute, string message)
    {
        using var scratch = new ScratchBrief();
        var templates = scratch.CopyTemplates();
        var first = scratch.Cli("build", "--format", "print");
        Assert.True(first.Exit == CommandLine.Success, first.Output);
        var before = scratch.ArtifactsSnapshot();

        var path = Path.Combine(templates, "print", "document.sbn");
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains(Rule, StringComparison.Ordinal));
        Assert.True(index >= 0, "document.sbn draws no rule");
        var column = lines[index].IndexOf("color=", StringComparison.Ordinal) + "color=\"".Length + 1;
        lines[index] = lines[index].Replace("color=\"rule\"", attribute, StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var (exit, output) = scratch.Cli("build", "--format", "print", "--force");

        Assert.Equal(CommandLine.InvalidInput, exit);
        Assert.Contains($"templates/print/document.sbn:{index + 1}:{column}: error: {message}", output.Replace('\\', '/'));
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(before, scratch.ArtifactsSnapshot());
    }

    [Fact]
    public void A_computed_colour_without_CMYK_is_exit_1_naming_the_template_and_the_fix()
    {
        using var scratch = new ScratchBrief();
        var templates = scratch.CopyTemplates();
        var path = Path.Combine(templates, "print", "document.sbn");
        var text = File.ReadAllText(path);
        Assert.Contains(Rule, text);
        // Only known when the template runs: the check of the template's text cannot see it.
        File.WriteAllText(path, text.Replace("color=\"rule\"", "color=\"{{ \"#12\" + \"3456\" }}\"", StringComparison.Ordinal));
        var (exit, output) = scratch.Cli("build", "--format", "pdf");

        Assert.Equal(CommandLine.InvalidInput, exit);
        Assert.Matches(@"templates/print/document\.sbn: error: .*at markup line \d+.*colour #123456 has no CMYK value for the print file; .*pdf\.print\.cmyk", output.Replace('\\', '/'));
        Assert.DoesNotContain("   at ", output);
        Assert.False(Directory.Exists(Path.Combine(scratch.Artifacts, "scratch-brief")) && Directory.EnumerateFiles(Path.Combine(scratch.Artifacts, "scratch-brief"), "*.pdf").Any());
    }
}
