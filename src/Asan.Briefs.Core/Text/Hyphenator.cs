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
    // The patterns, flat: pattern i's letters are _letters[_starts[i].._starts[i + 1]], its digits (one more
    // than its letters: the digit before each letter and after the last) _digits[_starts[i] + i..], and
    // _slots is an open-addressing hash table of pattern numbers + 1 (0: empty). Four arrays for the
    // whole file instead of a string and an array per pattern: the US-English file's 9,800 patterns live
    // as long as the process, and each collection of a cold build copied their 20,000 small objects.
    private readonly char[] _letters;
    private readonly byte[] _digits;
    private readonly int[] _starts;
    private readonly int[] _slots;
    private readonly Dictionary<string, int[]> _exceptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _exceptionLookup;
    private readonly int _longest;

    private Hyphenator(PatternBuffer patterns, int leftMin, int rightMin)
    {
        (_letters, _digits, _starts, _slots, _longest) = patterns.ToTable();
        _exceptionLookup = _exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
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
        var patterns = new PatternBuffer();
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
            patterns.Add(letters[..count], digits[..(count + 1)]);
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
        // The word between dots, lower-cased, and the digit before each of its places: on the stack, as
        // this runs for every long enough word of every English paragraph.
        var dotted = word.Length <= 126 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        dotted[0] = '.';
        dotted[^1] = '.';
        var lower = dotted[1..^1];
        word.AsSpan().ToLowerInvariant(lower);
        lower.Replace('’', '\'');
        if (_exceptionLookup.TryGetValue(lower, out var fixedPoints)) return fixedPoints;
        var values = dotted.Length <= 127 ? stackalloc byte[dotted.Length + 1] : new byte[dotted.Length + 1];
        values.Clear();
        for (var start = 0; start < dotted.Length; start++)
        {
            for (var length = 1; length <= _longest && start + length <= dotted.Length; length++)
            {
                var digits = Digits(dotted.Slice(start, length));
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

    /// <summary>The digits of the pattern with these letters, empty when there is none.</summary>
    private ReadOnlySpan<byte> Digits(ReadOnlySpan<char> letters)
    {
        var mask = _slots.Length - 1;
        for (var slot = PatternBuffer.Hash(letters) & mask; ; slot = (slot + 1) & mask)
        {
            var n = _slots[slot] - 1;
            if (n < 0) return default;
            var start = _starts[n];
            if (_starts[n + 1] - start == letters.Length && letters.SequenceEqual(_letters.AsSpan(start, letters.Length)))
                return _digits.AsSpan(start + n, letters.Length + 1);
        }
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

    /// <summary>The patterns as the file is read, then packed into the flat table a hyphenator keeps.</summary>
    private sealed class PatternBuffer
    {
        private char[] _letters = new char[1 << 16];
        private byte[] _digits = new byte[1 << 16];
        private int[] _starts = new int[1 << 14];
        private int _count, _letterCount, _digitCount;

        public void Add(ReadOnlySpan<char> letters, ReadOnlySpan<byte> digits)
        {
            Grow(ref _letters, _letterCount + letters.Length);
            Grow(ref _digits, _digitCount + digits.Length);
            Grow(ref _starts, _count + 2);
            letters.CopyTo(_letters.AsSpan(_letterCount));
            digits.CopyTo(_digits.AsSpan(_digitCount));
            _starts[_count] = _letterCount;
            _letterCount += letters.Length;
            _digitCount += digits.Length;
            _starts[++_count] = _letterCount;
        }

        /// <summary>
        /// The arrays, trimmed, with the hash table: a pattern that appears twice in the file keeps its
        /// later digits, as a dictionary assignment did.
        /// </summary>
        public (char[] Letters, byte[] Digits, int[] Starts, int[] Slots, int Longest) ToTable()
        {
            var slots = new int[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * _count)))];
            var mask = slots.Length - 1;
            var longest = 0;
            for (var n = 0; n < _count; n++)
            {
                var letters = _letters.AsSpan(_starts[n], _starts[n + 1] - _starts[n]);
                longest = Math.Max(longest, letters.Length);
                var slot = Hash(letters) & mask;
                while (slots[slot] != 0)
                {
                    var other = slots[slot] - 1;
                    if (letters.SequenceEqual(_letters.AsSpan(_starts[other], _starts[other + 1] - _starts[other]))) break;
                    slot = (slot + 1) & mask;
                }
                slots[slot] = n + 1;
            }
            return (_letters[.._letterCount], _digits[.._digitCount], _starts[..(_count + 1)], slots, longest);
        }

        /// <summary>FNV-1a over the letters: cheap, and the same for a span of a word as for the pattern.</summary>
        public static int Hash(ReadOnlySpan<char> letters)
        {
            var hash = 2166136261u;
            foreach (var c in letters) hash = (hash ^ c) * 16777619u;
            return (int)(hash ^ (hash >> 15));
        }

        private static void Grow<T>(ref T[] array, int needed)
        {
            if (needed > array.Length) Array.Resize(ref array, Math.Max(needed, 2 * array.Length));
        }
    }
}
