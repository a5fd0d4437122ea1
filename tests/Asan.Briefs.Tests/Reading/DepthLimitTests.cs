using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Reading;

/// <summary>
/// Lists and quotes nest as deep as the theme's limits and no deeper: one level more is an error at
/// the line of the list or quote that goes too deep; every level up to the limit is in the PDF.
/// </summary>
public sealed class DepthLimitTests
{
    private static string NestedList(int depth) => string.Join("\n",
        Enumerable.Range(0, depth).Select(level => new string(' ', 2 * level) + $"- level{level + 1}word"));

    /// <summary>Each level inside the one before, two lines each (its text, then an empty line of the quote around it).</summary>
    private static string NestedQuote(int depth) => string.Join("\n",
        Enumerable.Range(1, depth).Select(level => new string('>', level) + $" quote{level}word\n" + new string('>', level)));

    private static ScratchBrief With(string english)
    {
        var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.EnglishOnlyYaml);
        scratch.Write("body.en.md", "Opening paragraph.\n\n" + english);
        File.Delete(Path.Combine(scratch.Directory, "body.ko.md"));
        return scratch;
    }

    [Theory]
    [InlineData("list")]
    [InlineData("quote")]
    public void One_level_past_the_limit_is_an_error_at_the_line_that_goes_too_deep(string kind)
    {
        var limit = ContentLimits.Default with { ListDepth = 4, QuoteDepth = 4 };
        // Deeper still than one past the limit: still one problem, at the first level too deep.
        using var scratch = With(kind == "list" ? NestedList(9) : NestedQuote(9));
        var problem = Assert.Single(Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory, limit)).Diagnostics);
        Assert.Equal(2 + (kind == "list" ? 5 : 9), problem.Line);
        Assert.Contains($"this {kind} is nested 5 levels deep; the theme allows 4 (limits.{kind}_depth in templates/theme.yaml)", problem.Message);
    }

    [Fact]
    public void Every_level_up_to_the_theme_s_limit_is_in_the_pdf()
    {
        using var scratch = With(NestedList(6) + "\n\n" + NestedQuote(6));
        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var brief = publisher.ReadBriefs()[0];
        Assert.Equal(6, publisher.Theme.Limits.ListDepth);
        var pdf = publisher.Render(brief, "en", OutputFormat.Pdf).Single().Bytes;
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        for (var level = 1; level <= 6; level++)
        {
            Assert.Contains($"level{level}word", words);
            Assert.Contains($"quote{level}word", words);
        }
    }
}
