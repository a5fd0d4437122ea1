using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Links;

namespace Asan.Briefs.Html;

/// <summary>
/// What a page may run and link to. Every link and source in the page passes the one link rule
/// (<see cref="LinkRule"/>; a page may also link to files beside it), no element carries an event
/// handler, the only scripts are JSON-LD data, and the page gets a Content-Security-Policy that allows
/// nothing but its own images and fonts and, by hash, its inline style and JSON-LD. A template that
/// writes anything else is an error, not a page that runs it.
/// </summary>
public static partial class PageSecurity
{
    private const string PolicyStart = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

    /// <summary>
    /// Checks the page's links, scripts and handlers (throws on a refused one) and returns what its policy
    /// hashes: the texts of its inline styles and JSON-LD scripts. Apart from <see cref="WithPolicy"/> so that a
    /// page can be checked while its fonts are still to be cut, and only the hashes wait for the fonts' names.
    /// </summary>
    public static PagePolicy Check(string html, string page)
    {
        var problems = new List<Diagnostic>();
        var scripts = new List<string>();
        var styles = new List<string>();
        foreach (Match element in RawTextElement().Matches(html))
        {
            var name = element.Groups["name"].Value.ToLowerInvariant();
            if (name == "style") styles.Add(element.Groups["text"].Value);
            else if (Attribute(element.Groups["attrs"].Value, "type") == "application/ld+json") scripts.Add(element.Groups["text"].Value);
            else if (Attribute(element.Groups["attrs"].Value, "src") is { } src) problems.Add(Problem(page, html, element.Index, $"the page loads the script '{src}'; pages run no scripts (JSON-LD data is the only <script> allowed)"));
            else problems.Add(Problem(page, html, element.Index, "the page has an inline script; pages run no scripts (JSON-LD data, type=\"application/ld+json\", is the only <script> allowed)"));
        }
        var markup = RawTextElement().Replace(html, m => new string(' ', m.Length));
        foreach (Match tag in Tag().Matches(markup))
        {
            foreach (Match attribute in AttributePattern().Matches(tag.Groups["attrs"].Value))
            {
                var name = attribute.Groups["name"].Value.ToLowerInvariant();
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                if (name.StartsWith("on", StringComparison.Ordinal))
                    problems.Add(Problem(page, html, tag.Index, $"<{tag.Groups["name"].Value}> has the event handler {name}; pages run no scripts"));
                else if (name is "href" or "src" or "action" or "formaction" or "poster" or "cite" or "data" or "background" or "xlink:href"
                         && LinkRule.Normalise(value, allowRelative: true, out var problem) is null)
                    problems.Add(Problem(page, html, tag.Index, $"<{tag.Groups["name"].Value} {name}> has a refused link: {problem}"));
                else if (name == "http-equiv" && !value.Equals("content-type", StringComparison.OrdinalIgnoreCase))
                    problems.Add(Problem(page, html, tag.Index, $"<meta http-equiv=\"{value}\"> is not allowed; the page's policy is written by the HTML writer"));
            }
        }
        if (problems.Count > 0) throw new BriefException(problems);
        return new PagePolicy(styles, scripts);
    }

    /// <summary>The checked page (<see cref="Check"/>) with its policy added after &lt;meta charset&gt;: its own images and fonts, and its inline styles and scripts by hash.</summary>
    public static string WithPolicy(string html, PagePolicy texts)
    {
        var policy = $"default-src 'none'; img-src 'self'; font-src 'self'; style-src {Sources(texts.Styles)}; script-src {Sources(texts.Scripts)}; base-uri 'none'; form-action 'none'";
        var charset = CharsetMeta().Match(html);
        var at = charset.Success ? charset.Index + charset.Length : Math.Max(0, html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase) + "<head>".Length);
        return html.Insert(at, "\n" + PolicyStart + policy + "\">");
    }

    /// <summary>The page with one more inline script allowed (serve's reload script) and connections to its own origin.</summary>
    public static string AllowScript(string html, string script)
    {
        var start = html.IndexOf(PolicyStart, StringComparison.Ordinal);
        if (start < 0) return html;
        var end = html.IndexOf('"', start + PolicyStart.Length);
        var directives = html[(start + PolicyStart.Length)..end].Split("; ").Select(d =>
            d.StartsWith("script-src ", StringComparison.Ordinal)
                ? "script-src " + string.Join(' ', d["script-src ".Length..].Split(' ').Where(s => s != "'none'").Append(Hash(script)))
                : d).Append("connect-src 'self'");
        return html[..(start + PolicyStart.Length)] + string.Join("; ", directives) + html[end..];
    }

    private static string Sources(IReadOnlyList<string> texts) => texts.Count == 0 ? "'none'" : string.Join(' ', texts.Distinct().Select(Hash));

    private static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";

    private static string? Attribute(string attributes, string name) =>
        AttributePattern().Matches(attributes).Where(a => a.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(a => WebUtility.HtmlDecode(a.Groups["value"].Value).Trim().ToLowerInvariant()).FirstOrDefault();

    private static Diagnostic Problem(string page, string html, int index, string message)
    {
        var line = 1;
        for (var i = 0; i < index; i++) if (html[i] == '\n') line++;
        return new Diagnostic(page, 0, 0, $"{message} (page line {line}); fix the HTML template");
    }

    // Each element's end tag written out, not as a backreference (\k<name>): the source generator does not
    // compile a case-insensitive backreference and falls back to the interpreter, which was some 7 ms of
    // a cold build's CPU for the two pages.
    [GeneratedRegex(@"<(?:(?<name>script)\b(?<attrs>[^>]*)>(?<text>.*?)</script\s*>|(?<name>style)\b(?<attrs>[^>]*)>(?<text>.*?)</style\s*>)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex RawTextElement();

    [GeneratedRegex(@"<(?<name>[A-Za-z][^\s/>]*)(?<attrs>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("""[\s/](?<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'>]+)))?""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("""<meta\s+charset="?utf-8"?\s*/?>""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetMeta();
}

/// <summary>What a page's policy allows by hash: the texts of its inline styles and of its JSON-LD scripts, in page order.</summary>
public sealed record PagePolicy(IReadOnlyList<string> Styles, IReadOnlyList<string> Scripts);
