using Asan.Briefs.Reading;
using Asan.Briefs.Theming;
using YamlDotNet.Serialization.NamingConventions;

namespace Asan.Briefs.Tests.Reading;

/// <summary>
/// The YAML files are read with <see cref="YamlKeys"/> in place of YamlDotNet's UnderscoredNamingConvention
/// (which builds an ICU collator on first use): every key must come out as that convention writes it.
/// </summary>
public sealed class YamlKeysTests
{
    /// <summary>Every public property of the Core assembly's types: the theme's, brief.yaml's and site.yaml's models among them.</summary>
    public static TheoryData<string> PropertyNames()
    {
        var names = typeof(ThemeFile).Assembly.GetTypes().Where(t => t.IsPublic)
            .SelectMany(t => t.GetProperties()).Select(p => p.Name).Distinct().Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var name in names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(PropertyNames))]
    public void A_property_s_key_is_the_underscored_convention_s(string name) =>
        Assert.Equal(UnderscoredNamingConvention.Instance.Apply(name), YamlKeys.Instance.Apply(name));

    [Theory]
    [InlineData("MarginTop", "margin_top")]
    [InlineData("RgbProfile", "rgb_profile")]
    [InlineData("ImageMegapixels", "image_megapixels")]
    [InlineData("BoldItalic", "bold_italic")]
    [InlineData("X", "x")]
    [InlineData("ABC", "a_b_c")]
    [InlineData("Level2Heading", "level2_heading")]
    [InlineData("already_under", "already_under")]
    [InlineData("with-hyphen", "with_hyphen")]
    [InlineData("_Leading", "leading")]
    [InlineData("a__b", "a__b")]
    [InlineData("trailing_", "trailing_")]
    public void Odd_names_come_out_as_the_underscored_convention_writes_them(string name, string key)
    {
        Assert.Equal(UnderscoredNamingConvention.Instance.Apply(name), YamlKeys.Instance.Apply(name));
        Assert.Equal(key, YamlKeys.Instance.Apply(name));
    }
}
