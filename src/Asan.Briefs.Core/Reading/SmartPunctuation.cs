using System.Text;

namespace Asan.Briefs.Reading;

/// <summary>
/// Smart punctuation, as pandoc's <c>smart</c> extension reads it: straight quotes and apostrophes
/// become ‘ ’ “ ”, <c>---</c> an em dash, <c>--</c> an en dash, <c>...</c> an ellipsis. English and
/// Korean use the same marks. The reader applies it to running text only, never to code, link
/// addresses or ids; a character escaped with a backslash (<c>\"</c>) stays as it is, and the
/// canonical writer escapes every straight quote it writes, so a file reads back to the same text.
/// </summary>
public static class SmartPunctuation
{
    /// <summary>
    /// <paramref name="text"/> with typographic punctuation; <paramref name="before"/> is the character
    /// that precedes it in the paragraph (a space at its start) and is left at the text's last character.
    /// </summary>
    public static string Apply(string text, ref char before)
    {
        if (text.AsSpan().IndexOfAny("'\"-.") < 0)
        {
            if (text.Length > 0) before = text[^1];
            return text;
        }
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            string piece;
            if (c == '"') piece = Opens(before) ? "“" : "”";
            else if (c == '\'') piece = char.IsLetterOrDigit(before) || !Opens(before) || char.IsAsciiDigit(next) ? "’" : "‘";
            else if (c == '-' && next == '-')
            {
                var em = i + 2 < text.Length && text[i + 2] == '-';
                piece = em ? "—" : "–";
                i += em ? 2 : 1;
            }
            else if (c == '.' && next == '.' && i + 2 < text.Length && text[i + 2] == '.')
            {
                piece = "…";
                i += 2;
            }
            else piece = c.ToString();
            result.Append(piece);
            before = piece[^1];
        }
        return result.ToString();
    }

    /// <summary>A quote after this character opens: at a start, after a space, an opening bracket or quote, or a dash.</summary>
    private static bool Opens(char before) =>
        char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '“' or '‘' or '—' or '–' or '-' or '/' or '「' or '『';
}
