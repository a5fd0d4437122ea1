using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Model;

namespace Asan.Briefs.Writing;

/// <summary>
/// Inline content in its canonical Markdown form: <c>*emphasis*</c>, <c>**strong**</c>,
/// <c>`code`</c>, <c>[text](url)</c>, <c>&lt;url&gt;</c> for a link that shows its own address, <c>[^label]</c>, and a
/// hard break as a backslash at the end of the line. Text is escaped where CommonMark (with the
/// footnote, table, figure and attribute extensions the reader uses) would otherwise see markup, and,
/// for a brief with smart punctuation, where the reader would make it typographic.
/// </summary>
internal static partial class InlineWriter
{
    public enum Where { Paragraph, Heading, Caption, TableCell, Inside }

    /// <summary>A paragraph's text; lines after a hard break are escaped like the first line.</summary>
    public static string Paragraph(IReadOnlyList<Inline> inlines, bool smart) => Line(inlines, Where.Paragraph, smart);

    /// <param name="smart">Whether the brief reads with smart punctuation (brief.yaml's smart_punctuation).</param>
    public static string Line(IReadOnlyList<Inline> inlines, Where where, bool smart)
    {
        var text = new StringBuilder();
        Write(text, inlines, where, smart);
        return EscapeLineStarts(text.ToString(), where);
    }

    private static void Write(StringBuilder text, IReadOnlyList<Inline> inlines, Where where, bool smart)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    text.Append(Text(t.Text, where, smart));
                    break;
                case EmphasisInline e:
                    text.Append('*');
                    Write(text, e.Children, where, smart);
                    text.Append('*');
                    break;
                case StrongInline s:
                    text.Append("**");
                    Write(text, s.Children, where, smart);
                    text.Append("**");
                    break;
                case CodeInline c:
                    text.Append(Code(c.Text));
                    break;
                case LinkInline l when IsAutolink(l):
                    text.Append('<').Append(l.Url).Append('>');
                    break;
                case LinkInline l:
                    text.Append('[');
                    Write(text, l.Children, where, smart);
                    text.Append("](").Append(Destination(l.Url)).Append(')');
                    break;
                case ReferenceInline r:
                    text.Append("[@").Append(r.Target).Append(']');
                    break;
                case NoteReferenceInline n:
                    text.Append("[^").Append(n.Label).Append(']');
                    break;
                case LineBreakInline:
                    text.Append("\\\n");
                    break;
                default:
                    throw new ArgumentException($"no Markdown form for {inline.GetType().Name}", nameof(inlines));
            }
        }
    }

    /// <summary>
    /// A code span as CommonMark reads it back: fenced by one backtick more than the longest run inside,
    /// padded with a space when the text starts or ends with a backtick or has a space at both ends
    /// (the reader strips one space from each end then).
    /// </summary>
    public static string Code(string code)
    {
        if (code.Length == 0) return "";
        int longest = 0, run = 0;
        foreach (var ch in code)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = code[0] == '`' || code[^1] == '`' || (code[0] == ' ' && code[^1] == ' ' && code.Trim(' ').Length > 0);
        return pad ? $"{fence} {code} {fence}" : fence + code + fence;
    }

    /// <summary>A link whose only text is its absolute address, with nothing an autolink cannot hold.</summary>
    private static bool IsAutolink(LinkInline link) =>
        link.Children is [TextInline { Text: var text }] && text == link.Url && AutolinkUrl().IsMatch(link.Url);

    /// <summary>A link destination; in angle brackets when it holds spaces or brackets.</summary>
    public static string Destination(string url)
    {
        var escaped = new StringBuilder();
        foreach (var ch in url)
        {
            if (ch is '\\' or '<' or '>') escaped.Append('\\');
            escaped.Append(ch);
        }
        var result = EntityLike().Replace(escaped.ToString(), m => "\\" + m.Value);
        return url.Length == 0 || url.Any(ch => ch is ' ' or '(' or ')' or '<' or '>' || char.IsControl(ch)) ? $"<{result}>" : result;
    }

    /// <summary>
    /// Plain text with the characters that would start markup escaped, and, when <paramref name="smart"/>, those
    /// smart punctuation would change (a straight quote, -- and ...), so that they read back as they are.
    /// </summary>
    public static string Text(string text, Where where, bool smart)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var escape = ch switch
            {
                '\\' or '*' or '_' or '`' or '[' or ']' or '{' or '}' => true,
                '"' or '\'' => smart,
                '-' => smart && next == '-',
                '.' => smart && next == '.' && i + 2 < text.Length && text[i + 2] == '.',
                '<' => char.IsAsciiLetter(next) || next is '/' or '!' or '?',
                '|' => where == Where.TableCell,
                _ => false,
            };
            if (escape) escaped.Append('\\');
            escaped.Append(ch);
        }
        return EntityLike().Replace(escaped.ToString(), m => "\\" + m.Value);
    }

    /// <summary>What would open a block at the start of a line: a heading, quote, list, rule, setext underline or figure fence.</summary>
    private static string EscapeLineStarts(string text, Where where)
    {
        // Only a paragraph's lines can open a block; a heading's or caption's text follows its marker.
        if (where != Where.Paragraph) return text;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (line[0] is '#' or '>' or '-' or '+' or '=' or '^' or '~')
                lines[i] = "\\" + line;
            // A paragraph opening as a table's caption does (Reading/MarkdownBodyReader.CrossReferences) keeps its colon as text.
            else if (i == 0 && (line.StartsWith(Reading.MarkdownBodyReader.TableCaptionMarker, StringComparison.Ordinal) || line == "Table:"))
                lines[i] = "Table\\:" + line["Table:".Length..];
            else if (OrderedMarker().Match(line) is { Success: true } m)
                lines[i] = line[..(m.Length - 1)] + "\\" + line[(m.Length - 1)..];
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")]
    private static partial Regex EntityLike();

    [GeneratedRegex(@"^[0-9]{1,9}[.)]")]
    private static partial Regex OrderedMarker();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>\x00-\x1f]*$")]
    private static partial Regex AutolinkUrl();
}
