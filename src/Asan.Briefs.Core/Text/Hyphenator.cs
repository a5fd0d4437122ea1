using System.Globalization;

namespace Asan.Briefs.Typography;

/// <summary>
/// Where a word may be hyphenated, by Liang's algorithm (as TeX does) from a pattern file such as
/// templates/hyphenation/hyph_en_US.dic, with TeX's guards: at least <see cref="LeftMin"/> letters
/// before a break and <see cref="RightMin"/> after it, and a list of exceptions hyphenated by hand
/// (TeX's \hyphenation) that override the patterns.
/// </summary>
public sealed class Hyphenator
{
    // Pattern letters ("ach" for "a2ch4") → the digit before each letter and after the last.
    private readonly Dictionary<string, byte[]> _patterns;
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, int[]> _exceptions = new(StringComparer.Ordinal);
    private readonly int _longest;

    private Hyphenator(Dictionary<string, byte[]> patterns, int leftMin, int rightMin)
    {
        _patterns = patterns;
        _lookup = patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = patterns.Keys.Max(k => k.Length);
        LeftMin = leftMin;
        RightMin = rightMin;
    }

    public int LeftMin { get; }
    public int RightMin { get; }

    /// <summary>
    /// Reads a libhyphen/TeX pattern file. <paramref name="leftMin"/> and <paramref name="rightMin"/>
    /// default to the file's LEFTHYPHENMIN and RIGHTHYPHENMIN (2 and 3 for US English).
    /// </summary>
    public static Hyphenator Parse(TextReader patternFile, IEnumerable<string> exceptions, int? leftMin = null, int? rightMin = null)
    {
        var patterns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int fileLeft = 2, fileRight = 2;
        // A pattern is at most a word long: its letters go into one buffer, read line by line without
        // a builder or list per pattern (the US-English file has some 9,800 of them, read on every cold build).
        Span<char> letterBuffer = stackalloc char[64];
        Span<byte> digitBuffer = stackalloc byte[65];
        for (var text = patternFile.ReadLine(); text is not null; text = patternFile.ReadLine())
        {
            var line = text.AsSpan().Trim();
            if (line.Length == 0 || line[0] == '%') continue;
            if (TrySetting(line, "LEFTHYPHENMIN", ref fileLeft) || TrySetting(line, "RIGHTHYPHENMIN", ref fileRight)) continue;
            if (line.ContainsAnyExcept(PatternCharacters)) continue; // charset line, ligature patterns
            var letters = line.Length <= letterBuffer.Length ? letterBuffer : new char[line.Length];
            var digits = line.Length < digitBuffer.Length ? digitBuffer : new byte[line.Length + 1];
            var count = 0;
            digits[0] = 0;
            foreach (var c in line)
            {
                if (char.IsAsciiDigit(c)) digits[count] = (byte)(c - '0');
                else { letters[count++] = c; digits[count] = 0; }
            }
            patterns[new string(letters[..count])] = digits[..(count + 1)].ToArray();
        }
        var hyphenator = new Hyphenator(patterns, leftMin ?? fileLeft, rightMin ?? fileRight);
        foreach (var exception in exceptions) hyphenator.AddException(exception);
        return hyphenator;
    }

    /// <summary>
    /// The offsets in <paramref name="word"/> before which a hyphen may break it (1 ≤ offset &lt; length).
    /// Only plain lower-case or capitalised words of letters (and apostrophes) are hyphenated: not
    /// acronyms, numbers, addresses or words already joined by a hyphen.
    /// </summary>
    public IReadOnlyList<int> Points(string word)
    {
        if (word.Length < LeftMin + RightMin || !Hyphenatable(word)) return [];
        var lower = word.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
        if (_exceptions.TryGetValue(lower, out var fixedPoints)) return fixedPoints;
        var dotted = "." + lower + ".";
        var values = new byte[dotted.Length + 1];
        for (var start = 0; start < dotted.Length; start++)
        {
            for (var length = 1; length <= _longest && start + length <= dotted.Length; length++)
            {
                if (!_lookup.TryGetValue(dotted.AsSpan(start, length), out var digits)) continue;
                for (var k = 0; k < digits.Length; k++)
                    values[start + k] = Math.Max(values[start + k], digits[k]);
            }
        }
        // values[i] sits before dotted[i]; a break before word[k] is before dotted[k + 1].
        var points = new List<int>();
        for (var k = LeftMin; k <= word.Length - RightMin; k++)
            if (values[k + 1] % 2 == 1) points.Add(k);
        return points;
    }

    /// <summary>The word with a hyphen at each point, as TeX's \showhyphens prints it: "hy-phen-ation".</summary>
    public string Show(string word)
    {
        var points = Points(word);
        var text = new System.Text.StringBuilder(word);
        for (var i = points.Count - 1; i >= 0; i--) text.Insert(points[i], '-');
        return text.ToString();
    }

    private void AddException(string hyphenated)
    {
        var points = new List<int>();
        var letters = 0;
        foreach (var c in hyphenated)
        {
            if (c == '-') points.Add(letters);
            else letters++;
        }
        _exceptions[hyphenated.Replace("-", "").ToLower(CultureInfo.InvariantCulture)] = [.. points];
    }

    private static bool Hyphenatable(string word)
    {
        if (!word.All(c => char.IsAsciiLetter(c) || c is '\'' or '’')) return false;
        return word.Skip(1).Any(char.IsAsciiLetterLower); // GSOMIA, UNESCO: acronyms stay whole
    }

    /// <summary>What a pattern line holds: letters, the digits between them, word-boundary dots, apostrophes.</summary>
    private static readonly System.Buffers.SearchValues<char> PatternCharacters =
        System.Buffers.SearchValues.Create(".'0123456789abcdefghijklmnopqrstuvwxyz");

    private static bool TrySetting(ReadOnlySpan<char> line, string name, ref int value)
    {
        if (!line.StartsWith(name, StringComparison.Ordinal)) return false;
        if (int.TryParse(line[name.Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) value = n;
        return true;
    }
}
