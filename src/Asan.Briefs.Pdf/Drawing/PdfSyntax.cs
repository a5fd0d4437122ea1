using System.Globalization;
using System.Text;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// How values are spelled in PDF (ISO 32000-1 §7.3): numbers with a point and no exponent, names
/// with #-escapes, literal strings with backslash escapes, text strings as UTF-16BE with a byte
/// order mark, dates in UTC. Invariant of the machine's culture and time zone.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>A real with at most four decimals and no trailing zeros: "12", "0.5", "-3.1416".</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 4);
        if (rounded == 0) return "0"; // also turns -0 into 0
        return rounded.ToString("0.####", CultureInfo.InvariantCulture);
    }

    public static void Number(StringBuilder into, double value) => into.Append(Number(value));

    /// <summary>A name object: "/Name", with delimiters, '#', and bytes outside '!'..'~' written as #xx of their UTF-8.</summary>
    public static string Name(string name)
    {
        var result = new StringBuilder("/", name.Length + 1);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is < (byte)'!' or > (byte)'~' || "#()<>[]{}/%".Contains((char)b)) result.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            else result.Append((char)b);
        }
        return result.ToString();
    }

    /// <summary>A text string (§7.9.2.2): plain ASCII as a literal string, anything else as UTF-16BE with a byte order mark, in hex.</summary>
    public static string Text(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~')) return Literal(text);
        var bytes = new StringBuilder("<FEFF", 4 + text.Length * 4 + 1);
        foreach (var c in text) bytes.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return bytes.Append('>').ToString();
    }

    /// <summary>A literal string of ASCII characters with (, ) and \ escaped.</summary>
    public static string Literal(string ascii)
    {
        var result = new StringBuilder("(", ascii.Length + 2);
        foreach (var c in ascii)
        {
            if (c is '(' or ')' or '\\') result.Append('\\');
            result.Append(c);
        }
        return result.Append(')').ToString();
    }

    /// <summary>A byte string in hex: for identifiers and URIs that are bytes, not text.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => "<" + Convert.ToHexString(bytes) + ">";

    /// <summary>A date (§7.9.4), always in UTC, so the time zone of the machine and of the source never shows.</summary>
    public static string Date(DateTimeOffset value) =>
        Literal("D:" + value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z");

    /// <summary>The same instant as an XMP date (ISO 8601, UTC).</summary>
    public static string XmpDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
