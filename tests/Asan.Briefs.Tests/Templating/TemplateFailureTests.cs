using AngleSharp.Html.Parser;
using Asan.Briefs.Cli;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Templating;

/// <summary>
/// Template output is never cut, however long the brief; a template that fails while rendering is
/// exit 1 with the template's file:line, and the last good outputs stay as they were.
/// </summary>
public sealed class TemplateFailureTests
{
    /// <summary>About 1.3 MB of English paragraphs, each numbered so the last one can be found again.</summary>
    private static string LongBody(int paragraphs = 1200) => string.Join("\n\n",
        Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} " + string.Concat(Enumerable.Repeat("holds plain words to make the brief long. ", 25)) + $"End of paragraph {i}."));

    [Fact]
    public void A_brief_over_one_mebibyte_renders_whole_in_the_page_and_the_print_markup()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.EnglishOnlyYaml);
        scratch.Write("body.en.md", LongBody());
        File.Delete(Path.Combine(scratch.Directory, "body.ko.md"));
        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var brief = publisher.ReadBriefs()[0];

        var page = publisher.Templates.RenderHtml(brief, "en");
        Assert.True(page.Length > 1 << 20, $"the page is only {page.Length} characters");
        var paragraphs = new HtmlParser().ParseDocument(page).QuerySelectorAll("main p, article p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Contains(paragraphs, p => p.EndsWith("End of paragraph 1200.", StringComparison.Ordinal));
        Assert.EndsWith("</html>", page.TrimEnd());

        var markup = publisher.Templates.RenderPrintMarkup(brief, "en");
        Assert.Contains("End of paragraph 1200.", markup);
        Assert.EndsWith("</document>", markup.TrimEnd());
        var printed = PrintWalker.Descendants(publisher.PrintDocument(brief, "en").Blocks).OfType<PrintParagraph>()
            .Select(p => PrintWalker.PlainText(p.Inlines)).Where(t => t.StartsWith("Paragraph ", StringComparison.Ordinal)).ToList();
        Assert.Equal(1200, printed.Count);
        Assert.EndsWith("End of paragraph 1200.", printed[^1]);
    }

    public static TheoryData<string, string, string, string> BrokenTemplates() => new()
    {
        // template changed, line added after the third, what the message says
        { "html/page.sbn", "{{ brief.no_such_field }}", "html", "no_such_field" },
        { "html/partials/flow.sbn", "{{ brief.no_such_field }}", "html", "no_such_field" },
        { "html/page.sbn", "{{ while true }}x{{ end }}", "html", "iteration limit" },
        { "html/page.sbn", "{{ for i in 1..200000 }}x{{ end }}", "html", "LoopLimit" },
        { "html/page.sbn", "{{ func f(x) }}{{ ret f(x) }}{{ end }}{{ f(1) }}", "html", "recursive depth" },
        { "html/page.sbn", "{{ x = 1 % 0 }}", "html", "divide by zero" },
        { "html/page.sbn", "{{ include \"html/partials/no-such.sbn\" }}", "html", "html/partials/no-such.sbn' not found" },
        { "print/document.sbn", "{{ brief.no_such_field }}", "pdf", "no_such_field" },
        { "print/document.sbn", "{{ while true }}x{{ end }}", "docx", "iteration limit" },
    };

    [Theory]
    [MemberData(nameof(BrokenTemplates))]
    public void A_template_failing_while_rendering_is_exit_1_at_its_line_and_changes_nothing(string template, string line, string format, string message)
    {
        using var scratch = new ScratchBrief();
        var templates = scratch.CopyTemplates();
        var first = scratch.Cli("build", "--format", format);
        Assert.True(first.Exit == CommandLine.Success, first.Output);
        var before = scratch.ArtifactsSnapshot();

        var path = Path.Combine(templates, template);
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(3, line);
        File.WriteAllLines(path, lines);
        var (exit, output) = scratch.Cli("build", "--format", format, "--force");

        Assert.Equal(CommandLine.InvalidInput, exit);
        Assert.Matches($@"templates/{System.Text.RegularExpressions.Regex.Escape(template)}:4:\d+: error: .*{System.Text.RegularExpressions.Regex.Escape(message)}", output.Replace('\\', '/'));
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(before, scratch.ArtifactsSnapshot());
    }
}
