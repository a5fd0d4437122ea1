using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Asan.Briefs.Reading;

/// <summary>
/// The YAML key of a model property: MarginTop is margin_top, as YamlDotNet's UnderscoredNamingConvention
/// names it. That one lowers the first letter in the current culture, whose first use builds an ICU
/// collator (a few milliseconds on the main thread of every cold build), and runs two regular
/// expressions per property; this one does the same with invariant, ordinal steps.
/// </summary>
public sealed class YamlKeys : INamingConvention
{
    public static readonly YamlKeys Instance = new();

    private YamlKeys() { }

    public string Apply(string value)
    {
        if (value.Length == 0) return value;
        // As UnderscoredNamingConvention: "_x" or "-x" becomes "X" (camel case), then every capital
        // becomes "_" and its lower case, and the first letter is lower case.
        var camel = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is '_' or '-' && i + 1 < value.Length && char.IsAsciiLetter(value[i + 1]))
                camel.Append(char.ToUpperInvariant(value[++i]));
            else
                camel.Append(value[i]);
        }
        camel[0] = char.ToLowerInvariant(camel[0]);
        var key = new StringBuilder(camel.Length + 8);
        foreach (var c in camel.ToString())
        {
            if (char.IsAsciiLetterUpper(c)) key.Append('_').Append(char.ToLowerInvariant(c));
            else key.Append(c);
        }
        return key.ToString();
    }

    public string Reverse(string value) => UnderscoredNamingConvention.Instance.Reverse(value);
}
