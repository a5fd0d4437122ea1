namespace Asan.Briefs.Typography;

/// <summary>
/// KLREQ in the web edition, where CSS stops short: <c>word-break: keep-all</c> keeps Hangul syllables
/// together, but browsers still break a Korean word unit (어절) after a middle dot, a hyphen or dash, a
/// slash or a closing quote or bracket inside it (정치·경제처럼, 김대중-오부치, 접근”이). Such a unit is
/// kept whole (the page writes it in one <c>span.keep</c>, set nowrap); addresses and units too long to
/// stay whole on a phone's line are left to break.
/// </summary>
public static class WordUnits
{
    private const string BreaksInside = "·-–—/”’)」』";
    private const int LongestKept = 24;

    /// <summary>The [start, end) ranges of <paramref name="text"/>'s space-separated units to keep whole.</summary>
    public static List<(int Start, int End)> KeptRanges(string text)
    {
        var ranges = new List<(int, int)>();
        if (text.AsSpan().IndexOfAny(BreaksInside) < 0) return ranges;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf(' ', start);
            if (end < 0) end = text.Length;
            var token = text[start..end];
            if (token.Length <= LongestKept && !TextRules.LooksLikeUrl(token)
                && token.AsSpan(0, Math.Max(0, token.Length - 1)).IndexOfAny(BreaksInside) >= 0
                && token.Any(c => TextRules.ScriptOf(c) == CharScript.Hangul))
                ranges.Add((start, end));
            start = end + 1;
        }
        return ranges;
    }
}
