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
        Span<char> digits = stackalloc char[MaxFastDigits];
        return TryFormat(value, digits, out var length) ? new string(digits[..length]) : Slow(value);
    }

    /// <summary><see cref="Number(double)"/> appended straight to <paramref name="into"/>: content streams hold thousands.</summary>
    public static StringBuilder Number(StringBuilder into, double value)
    {
        Span<char> digits = stackalloc char[MaxFastDigits];
        return TryFormat(value, digits, out var length) ? into.Append(digits[..length]) : into.Append(Slow(value));
    }

    private const int MaxFastDigits = 24;

    /// <summary>
    /// The digits "0.####" gives, from the value in ten-thousandths: below 10^9 that integer is exact, so
    /// no format string need be parsed (the same characters; a content stream spent a tenth of its time in
    /// number formatting).
    /// </summary>
    private static bool TryFormat(double value, Span<char> into, out int length)
    {
        var rounded = Math.Round(value, 4);
        length = 0;
        if (!(Math.Abs(rounded) < 1e9)) return false;
        if (rounded == 0) { into[length++] = '0'; return true; } // also turns -0 into 0
        var tenThousandths = (long)Math.Round(Math.Abs(rounded) * 10000);
        if (rounded < 0) into[length++] = '-';
        (tenThousandths / 10000).TryFormat(into[length..], out var whole, default, CultureInfo.InvariantCulture);
        length += whole;
        var fraction = (int)(tenThousandths % 10000);
        if (fraction == 0) return true;
        into[length++] = '.';
        for (var place = 1000; fraction != 0; fraction %= place, place /= 10) into[length++] = (char)('0' + fraction / place);
        return true;
    }

    private static string Slow(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

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
