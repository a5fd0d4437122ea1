using Asan.Briefs.Templating;
using Scriban.Functions;
using Scriban.Runtime;

namespace Asan.Briefs.Tests.Templating;

/// <summary>
/// A template has all of Scriban's built-in objects, `date` included, though `date` is built only when
/// a template first names it; what one render sets on a built-in does not reach the next.
/// </summary>
public sealed class TemplateBuiltinsTests : IDisposable
{
    private readonly DirectoryInfo _templates = Directory.CreateTempSubdirectory("asan-builtins-");

    public void Dispose() => _templates.Delete(recursive: true);

    private string Render(string text)
    {
        File.WriteAllText(Path.Combine(_templates.FullName, "t.sbn"), text);
        return new TemplateEngine(_templates.FullName).Render("t.sbn", new Dictionary<string, object?>());
    }

    [Theory]
    [InlineData("""{{ date.parse "2022-04-29" | date.to_string "%Y/%m/%d" }}""", "2022/04/29")]
    [InlineData("""{{ "a-b" | string.replace "-" "+" }}""", "a+b")]
    [InlineData("""{{ [3, 1, 2] | array.sort | array.join "," }}""", "1,2,3")]
    [InlineData("""{{ 2.6 | math.round }}""", "3")]
    [InlineData("""{{ "x<y" | html.escape }}""", "x&amp;lt;y")]
    [InlineData("""{{ {a: 1, b: 2} | object.keys | array.size }}""", "2")]
    [InlineData("""{{ "a1b22" | regex.replace "[0-9]+" "#" }}""", "a#b#")]
    [InlineData("""{{ (timespan.from_hours 2).hours }}""", "2")]
    [InlineData("""{{ [] == empty }}""", "true")]
    public void Every_builtin_object_answers(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData(typeof(ArrayFunctions))]
    [InlineData(typeof(HtmlFunctions))]
    [InlineData(typeof(MathFunctions))]
    [InlineData(typeof(ObjectFunctions))]
    [InlineData(typeof(RegexFunctions))]
    [InlineData(typeof(StringFunctions))]
    [InlineData(typeof(TimeSpanFunctions))]
    public void A_builtin_object_has_the_members_of_Scribans_own_in_its_order_and_shapes(Type functions)
    {
        var scribans = (ScriptObject)Activator.CreateInstance(functions)!;
        var ours = LazyBuiltinFunctions.Of(functions);
        Assert.Equal(scribans.Keys, ours.Keys);
        foreach (var name in scribans.Keys)
        {
            if (scribans[name] is not IScriptCustomFunction expected) { Assert.Equal(scribans[name], ours[name]); continue; }
            var actual = Assert.IsAssignableFrom<IScriptCustomFunction>(ours[name]);
            Assert.Equal((expected.ParameterCount, expected.RequiredParameterCount, expected.VarParamKind, expected.ReturnType),
                (actual.ParameterCount, actual.RequiredParameterCount, actual.VarParamKind, actual.ReturnType));
        }
    }

    [Fact]
    public void A_builtin_object_lists_its_functions_to_a_template() =>
        Assert.Equal(new StringFunctions().Keys.Order(StringComparer.Ordinal), Render("""{{ string | object.keys | array.sort | array.join "," }}""").Split(','));

    [Theory]
    [InlineData("""{{ "(a.b*)" | regex.escape }}""", @"\(a\.b\*\)")]
    [InlineData("""{{ "a\tb\"c" | string.escape }}""", @"a\tb\&quot;c")]
    public void Escape_is_scribans_escape(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void A_render_that_changes_date_format_leaves_the_next_render_alone()
    {
        Assert.Equal("29.04.2022", Render("""{{ date.format = "%d.%m.%Y"; date.parse "2022-04-29" }}"""));
        Assert.Equal("29 Apr 2022", Render("""{{ date.parse "2022-04-29" }}"""));
    }
}
