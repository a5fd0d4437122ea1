using System.Buffers;
using System.Globalization;

// Not Asan.Briefs.Text: a namespace of that name would hide the Open XML SDK's Text element from
// every Asan.Briefs.* namespace (C# looks in enclosing namespaces before using directives).
namespace Asan.Briefs.Typography;

/// <summary>What script a character asks for when choosing a face.</summary>
public enum CharScript : byte
{
    /// <summary>Spaces, digits, punctuation, symbols, combining marks: take the script of the text around them.</summary>
    Neutral,
    /// <summary>Letters set in the Latin face (Latin, and other alphabets the Latin faces carry).</summary>
    Latin,
    /// <summary>Hangul, Han, Kana and CJK punctuation and full-width forms: set in the Hangul (CJK) face.</summary>
    Hangul,
}

/// <summary>
/// The text rules every writer takes: the script of each character (UAX #24 script ranges folded into
/// the two faces of the theme), the KLREQ line-start and line-end prohibitions (W3C "Requirements for
/// Hangul Text Layout", with UAX #14 classes CL, CP, EX, IS, NS, PO and OP, PR), and the break classes
/// of the PDF line breaker. The PDF engine breaks lines with them and the Word writer writes them to
/// <c>w:noLineBreaksBefore/After</c> and its per-run language tags.
/// </summary>
public static class TextRules
{
    /// <summary>Script of one code point (for surrogate pairs pass the whole code point).</summary>
    public static CharScript ScriptOf(int c)
    {
        if (c < 0x80)
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? CharScript.Latin : CharScript.Neutral;
        if (IsHangulLetter(c)
            || c is >= 0x3000 and <= 0x303F       // CJK symbols and punctuation 「」『』〈〉《》
            or >= 0x3040 and <= 0x30FF              // Hiragana, Katakana
            or >= 0x3200 and <= 0x32FF              // enclosed CJK letters (㈜, ㉠)
            or >= 0x3400 and <= 0x4DBF              // Hanja, extension A
            or >= 0x4E00 and <= 0x9FFF              // Hanja
            or >= 0xF900 and <= 0xFAFF              // compatibility Hanja
            or >= 0xFF00 and <= 0xFFEF)             // full-width forms
            return CharScript.Hangul;
        if (c > 0xFFFF) return CharScript.Latin;
        return CharUnicodeInfo.GetUnicodeCategory((char)c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharScript.Latin,
            _ => CharScript.Neutral,
        };
    }

    /// <summary>Letters of the Hangul script (UAX #24 Hang): syllables, Jamo and their extensions, compatibility Jamo.</summary>
    public static bool IsHangulLetter(int c) =>
        c is >= 0xAC00 and <= 0xD7FF                // syllables, Jamo extended-B
            or >= 0x1100 and <= 0x11FF              // Jamo
            or >= 0x3130 and <= 0x318F              // compatibility Jamo
            or >= 0xA960 and <= 0xA97F;             // Jamo extended-A

    /// <summary>ASCII symbols, hyphens and dashes: always set in the Latin face, whose forms suit them (a CJK face draws &lt; as 〈 and its hyphen 0.64 em wide).</summary>
    public static bool TakesLatinFace(char c) => c is '<' or '>' or '-' or '/' or '\u2010' or '\u2013' or '\u2014';

    /// <summary>
    /// The face of every character of a sequence's text (<see cref="SequenceText"/>), the one rule of the three writers: letters choose
    /// their script, neutral characters (spaces, digits, punctuation) join the text before them (at the
    /// start, the first letter's, else <paramref name="fallback"/>, the edition's language), and then
    /// <see cref="ResolveContextualScripts"/>. A surrogate pair's two halves get the same script.
    /// </summary>
    public static void ResolveScripts(ReadOnlySpan<char> text, Span<CharScript> script, CharScript fallback)
    {
        var n = text.Length;
        var first = CharScript.Neutral;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1])) cp = char.ConvertToUtf32(c, text[i + 1]);
            var s = ScriptOf(cp);
            script[i] = s;
            if (cp > 0xFFFF) script[++i] = s;
            if (first == CharScript.Neutral) first = s;
        }
        var last = first == CharScript.Neutral ? fallback : first;
        for (var i = 0; i < n; i++)
        {
            if (script[i] == CharScript.Neutral) script[i] = last;
            else last = script[i];
        }
        ResolveContextualScripts(text, script[..n]);
    }

    /// <summary>
    /// The faces of characters whose face depends on their neighbours, once each neutral character has
    /// taken the script of the text before it: ASCII symbols and dashes go to the Latin face, and both
    /// quotes or brackets of a pair take one face, Hangul when the text they enclose has Hangul in it.
    /// </summary>
    public static void ResolveContextualScripts(ReadOnlySpan<char> text, Span<CharScript> script)
    {
        Span<int> open = stackalloc int[16];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (TakesLatinFace(c)) script[i] = CharScript.Latin;
            else if (PairOf(c) == c && depth < open.Length) open[depth++] = i;
            else if (PairOf(c) is var opener && opener != '\0' && opener != c)
            {
                var d = depth - 1;
                while (d >= 0 && text[open[d]] != opener) d--;
                if (d < 0) continue; // an apostrophe, or a closer without its opener
                var start = open[d];
                depth = d;
                var hangul = false;
                for (var k = start + 1; k < i && !hangul; k++) hangul = ScriptOf(text[k]) == CharScript.Hangul;
                script[start] = script[i] = hangul ? CharScript.Hangul : CharScript.Latin;
            }
        }
    }

    /// <summary>Full-width opening brackets: their ink is in the right half of the em, a blank in the left.</summary>
    public const string FullWidthOpening = "〈《「『【〔〖〘〚（［｛";
    /// <summary>Full-width closing brackets: their ink is in the left half of the em, a blank in the right.</summary>
    public const string FullWidthClosing = "〉》」』】〕〗〙〛）］｝";

    /// <summary>KLREQ, JLREQ: an opening full-width bracket after a space loses its leading half-width blank.</summary>
    public static bool LosesLeadingBlank(ReadOnlySpan<char> text, int i) => i > 0 && text[i - 1] == ' ' && FullWidthOpening.Contains(text[i]);

    /// <summary>KLREQ, JLREQ: a closing full-width bracket before a space loses its trailing half-width blank.</summary>
    public static bool LosesTrailingBlank(ReadOnlySpan<char> text, int i) => i + 1 < text.Length && text[i + 1] == ' ' && FullWidthClosing.Contains(text[i]);

    /// <summary>True for a quote or bracket of a pair, whose face <see cref="ResolveContextualScripts"/> decides from what it encloses.</summary>
    public static bool IsPairPunctuation(char c) => PairOf(c) != '\0';

    /// <summary>For an opening quote or bracket itself, for a closing one its opener; otherwise '\0'.</summary>
    private static char PairOf(char c) => c switch
    {
        '‘' or '“' or '(' or '[' => c,
        '’' => '‘',
        '”' => '“',
        ')' => '(',
        ']' => '[',
        _ => '\0',
    };

    /// <summary>A precomposed Hangul syllable: the unit between which KLREQ justification adds letter spacing.</summary>
    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>
    /// Where justified Korean may add letter spacing (KLREQ): between two Hangul syllables, and between a
    /// syllable and a Latin letter or digit beside it (1990년, GSOMIA를); never before or after punctuation.
    /// </summary>
    public static bool TakesLetterSpacing(char before, char after) =>
        IsHangulSyllable(before) ? IsHangulSyllable(after) || IsAlphanumeric(after) : IsHangulSyllable(after) && IsAlphanumeric(before);

    private static bool IsAlphanumeric(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsHangulSyllable(c);

    /// <summary>
    /// KLREQ: characters that may not begin a line — closing brackets and quotes, stops, commas,
    /// middle dots, hyphens and dashes, and the signs that follow a number (°, %, ¢).
    /// </summary>
    public const string LineStartProhibited =
        "!%),.:;?]}¢°·‐–—’”…‥、。〉》」』】〕〗〙〛・！％），．：；？］｝-";

    /// <summary>KLREQ: characters that may not end a line — opening brackets and quotes, and the signs that precede a number.</summary>
    public const string LineEndProhibited = "$([{£¥‘“〈《「『【〔〖〘〚（［｛";

    private static readonly SearchValues<char> s_lineStart = SearchValues.Create(LineStartProhibited);
    private static readonly SearchValues<char> s_lineEnd = SearchValues.Create(LineEndProhibited);

    /// <summary>True when <paramref name="c"/> may not begin a line (<see cref="LineStartProhibited"/>).</summary>
    public static bool IsLineStartProhibited(char c) => s_lineStart.Contains(c);

    /// <summary>True when <paramref name="c"/> may not end a line (<see cref="LineEndProhibited"/>).</summary>
    public static bool IsLineEndProhibited(char c) => s_lineEnd.Contains(c);

    /// <summary>Hyphens and dashes after which English (and Korean) text may break.</summary>
    public static bool IsBreakAfterDash(char c) => c is '-' or '\u2010' or '\u2013' or '\u2014';

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - '０') <= 9;

    /// <summary>Collapsible white space: breaks and stretches. No-break spaces (U+00A0, U+202F, U+2007) are not.</summary>
    public static bool IsCollapsibleSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u2028' or '\u2029'
        || (c is >= '\u2000' and <= '\u200A' && c != '\u2007');

    /// <summary>A token that reads as a URL or e-mail-like path, so '/' inside it is a break opportunity.</summary>
    public static bool LooksLikeUrl(ReadOnlySpan<char> token) =>
        token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("doi:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where an overlong token (a URL) best breaks: after one of these.</summary>
    public static bool IsPreferredEmergencyBreakAfter(char c) => c is '/' or '.' or '?' or '&' or '=' or '-' or '_' or '#' or ':' or ',' or ';' or '~';
}
