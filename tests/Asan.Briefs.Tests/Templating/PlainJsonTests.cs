using System.Text.Json;
using Asan.Briefs.Templating;

namespace Asan.Briefs.Tests.Templating;

/// <summary>The template function <c>json</c> writes values without reflection (so native builds work); read them back.</summary>
public sealed class PlainJsonTests
{
    [Fact]
    public void Nested_values_read_back_as_written()
    {
        var value = new Dictionary<string, object?>
        {
            ["name"] = "아산 & \"Asan\"",
            ["count"] = 3,
            ["ratio"] = 0.25,
            ["open"] = true,
            ["none"] = null,
            ["list"] = new List<object?> { "a", 2L, new Dictionary<string, object?> { ["deep"] = "x" } },
        };
        using var json = JsonDocument.Parse(PlainJson.Write(value));
        var root = json.RootElement;
        Assert.Equal("아산 & \"Asan\"", root.GetProperty("name").GetString());
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        Assert.Equal(0.25, root.GetProperty("ratio").GetDouble());
        Assert.True(root.GetProperty("open").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("none").ValueKind);
        Assert.Equal(["a", "2", "{\"deep\":\"x\"}"], root.GetProperty("list").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()));
    }

    [Fact]
    public void Markup_characters_are_escaped_so_a_script_element_cannot_be_closed()
    {
        var text = PlainJson.Write(new Dictionary<string, object?> { ["title"] = "</script><b>" });
        Assert.DoesNotContain("<", text);
        Assert.Equal("</script><b>", JsonDocument.Parse(text).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void A_value_without_a_json_form_is_refused_with_a_hint()
    {
        var error = Assert.Throws<ArgumentException>(() => PlainJson.Write(new Dictionary<string, object?> { ["when"] = new DateOnly(2022, 4, 29) }));
        Assert.Contains("DateOnly", error.Message);
    }
}
