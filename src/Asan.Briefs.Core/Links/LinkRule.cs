using System.Net;
using System.Text;

namespace Asan.Briefs.Links;

/// <summary>
/// The one rule every link target passes before any writer sees it. A link is first normalised the way a
/// browser parses it (WHATWG URL standard: character references decoded, leading and trailing C0
/// controls and spaces stripped, every tab and newline removed), and only then is its scheme checked
/// against the allow-list: http, https, mailto, or an internal <c>#id</c>. Checking the raw text instead
/// lets <c>java&amp;#9;script:</c> through, which a browser reads as <c>javascript:</c>.
/// </summary>
public static partial class LinkRule
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>What the allow-list admits, in the words errors use.</summary>
    public const string Allowed = "links may use http, https or mailto, or point inside the brief with #id";

    /// <summary>
    /// The link as a browser would read it, or null with the reason it is refused.
    /// </summary>
    /// <param name="allowRelative">Whether a path relative to the page (e.g. a template's link to the
    /// PDF beside it) is allowed; content links are never relative.</param>
    public static string? Normalise(string raw, bool allowRelative, out string problem)
    {
        problem = "";
        var url = Strip(DecodeCharacterReferences(raw));
        if (url.Length == 0)
        {
            problem = "link has no target; " + Allowed;
            return null;
        }
        foreach (var c in url)
            if (char.IsControl(c))
            {
                problem = $"link contains the control character U+{(int)c:X4}; remove it ({Allowed})";
                return null;
            }
        var scheme = Scheme(url);
        if (scheme is null) return Relative(url, allowRelative, out problem);
        if (!AllowedSchemes.Contains(scheme))
        {
            problem = $"link uses the refused scheme '{scheme}:'; {Allowed}";
            return null;
        }
        var rest = url[(scheme.Length + 1)..];
        if (scheme == "mailto")
        {
            if (rest.Length == 0 || rest.StartsWith('/')) { problem = "mailto: link has no address; write mailto:name@example.org"; return null; }
            return Escape("mailto:" + rest);
        }
        // Browsers read \ as / in http(s) URLs and skip any run of slashes after the scheme, so
        // http:\\host, http:host and http:///host all lead to http://host.
        rest = BackslashesToSlashes(rest).TrimStart('/');
        if (rest.Length == 0)
        {
            problem = $"{scheme}: link has no host; write {scheme}://host/…";
            return null;
        }
        var normalised = Escape(scheme + "://" + rest);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            problem = $"link is not a valid {scheme} address; write {scheme}://host/…";
            return null;
        }
        return normalised;
    }

    private static string? Relative(string url, bool allowRelative, out string problem)
    {
        problem = "";
        if (url.StartsWith('#'))
        {
            if (url.Length == 1) { problem = "internal link '#' names no target; write #id"; return null; }
            return Escape(url);
        }
        var slashes = BackslashesToSlashes(url);
        if (slashes.StartsWith("//", StringComparison.Ordinal))
        {
            problem = $"protocol-relative link '//…' leads to another host with the page's scheme; write https://… in full";
            return null;
        }
        if (!allowRelative)
        {
            problem = $"link '{Excerpt(url)}' is neither a full address nor #id; {Allowed}";
            return null;
        }
        // A template's link to a file beside the page: a plain relative path, nothing a browser could read as a scheme or host.
        if (!PlainRelativePath().IsMatch(url))
        {
            problem = $"link '{Excerpt(url)}' is not a plain path beside the page; {Allowed}";
            return null;
        }
        return Escape(url);
    }

    /// <summary>The scheme as the URL parser finds it (ASCII letter, then letters, digits, + - .), lower-cased; null when there is none.</summary>
    private static string? Scheme(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0])) return null;
        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':') return url[..i].ToLowerInvariant();
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return null;
        }
        return null;
    }

    /// <summary>
    /// Character references decoded as a browser decodes an attribute — every HTML5 name, and numeric
    /// references with or without the semicolon — until none is left: PDF and Word viewers decode none
    /// and browsers one level, so every level is checked.
    /// </summary>
    private static string DecodeCharacterReferences(string url)
    {
        for (var i = 0; i < 4 && url.Contains('&'); i++)
        {
            var decoded = CharacterReference().Replace(url, m =>
            {
                var name = m.Groups["name"].Value;
                if (name[0] != '#') return Markdig.Helpers.EntityHelper.DecodeEntity(name.AsSpan()) ?? m.Value;
                var hex = name.Length > 1 && (name[1] is 'x' or 'X');
                var digits = name[(hex ? 2 : 1)..];
                if (digits.Length == 0 || digits.Length > 8) return m.Value;
                var code = int.Parse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
                return code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD";
            });
            if (decoded == url) break;
            url = decoded;
        }
        return url;
    }

    [System.Text.RegularExpressions.GeneratedRegex("&(?<name>#[xX][0-9A-Fa-f]+|#[0-9]+);?|&(?<name>[A-Za-z][A-Za-z0-9]{0,31});")]
    private static partial System.Text.RegularExpressions.Regex CharacterReference();

    /// <summary>Leading and trailing C0 controls and spaces stripped, tabs and newlines removed anywhere.</summary>
    private static string Strip(string url)
    {
        var trimmed = url.AsSpan().Trim("\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F ");
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
            if (c is not ('\t' or '\n' or '\r')) builder.Append(c);
        return builder.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*(#[A-Za-z0-9._~-]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainRelativePath();

    private static string BackslashesToSlashes(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url.Replace('\\', '/') : url[..end].Replace('\\', '/') + url[end..];
    }

    /// <summary>Characters no URL may hold literally (space, quotes, angle brackets, backtick) percent-encoded,
    /// so every writer can put the target in an attribute or a PDF string as it is.</summary>
    private static string Escape(string url)
    {
        var builder = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is ' ' or '"' or '\'' or '<' or '>' or '`' or '{' or '}' or '|' or '^') builder.Append('%').Append(((int)c).ToString("X2"));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
