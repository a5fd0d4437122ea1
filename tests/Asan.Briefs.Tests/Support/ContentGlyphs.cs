using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// The glyph codes a decoded content stream shows (two-byte codes of Identity-H fonts in TJ and Tj
/// strings, with the font selected by the last Tf), and a ToUnicode CMap's code → text table.
/// </summary>
public static partial class ContentGlyphs
{
    public static IEnumerable<(string Font, int Code)> Codes(string content)
    {
        var font = "";
        foreach (Match m in Operators().Matches(content))
        {
            if (m.Groups["font"].Success) { font = m.Groups["font"].Value; continue; }
            var shown = m.Groups["tj"].Success ? m.Groups["tj"].Value : m.Groups["single"].Value;
            foreach (Match hex in HexString().Matches(shown))
            {
                var digits = hex.Groups[1].Value;
                for (var i = 0; i + 4 <= digits.Length; i += 4)
                    yield return (font, int.Parse(digits.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>bfchar and bfrange entries of a ToUnicode CMap.</summary>
    public static Dictionary<int, string> ToUnicode(string cmap)
    {
        var map = new Dictionary<int, string>();
        static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));
        foreach (Match block in Block().Matches(cmap))
        {
            var entries = HexString().Matches(block.Groups["body"].Value).Select(h => h.Groups[1].Value).ToList();
            if (block.Groups["kind"].Value == "bfchar")
                for (var i = 0; i + 1 < entries.Count; i += 2) map[Convert.ToInt32(entries[i], 16)] = Utf16(entries[i + 1]);
            else
                for (var i = 0; i + 2 < entries.Count; i += 3)
                {
                    int from = Convert.ToInt32(entries[i], 16), to = Convert.ToInt32(entries[i + 1], 16);
                    var first = Utf16(entries[i + 2]);
                    for (var c = from; c <= to; c++) map[c] = first[..^1] + (char)(first[^1] + c - from);
                }
        }
        return map;
    }

    [GeneratedRegex(@"/(?<font>[^\s/\[\]<>()]+)\s+[-\d.]+\s+Tf|\[(?<tj>[^\]]*)\]\s*TJ|(?<single><[0-9A-Fa-f]*>)\s*Tj")]
    private static partial Regex Operators();

    [GeneratedRegex(@"<([0-9A-Fa-f]*)>")]
    private static partial Regex HexString();

    [GeneratedRegex(@"begin(?<kind>bfchar|bfrange)(?<body>.*?)endbf(char|range)", RegexOptions.Singleline)]
    private static partial Regex Block();
}
