using Asan.Briefs.Templating;

namespace Asan.Briefs.Tests.Html;

public sealed class HtmlTemplateCheckTests
{
    [Fact]
    public void Every_html_template_parses()
    {
        var engine = new TemplateEngine(Path.Combine(Asan.Briefs.Tests.Support.Repository.Root, "templates"));
        var problems = engine.Check("html");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
