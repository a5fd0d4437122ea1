using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Templating;

/// <summary>templates/site.yaml: where the published site is served, the one source of every absolute
/// address the outputs write. Templates see it as <c>site</c>.</summary>
public sealed class SiteSettings
{
    public const string FileName = "site.yaml";

    /// <summary>The site's address, absolute, http(s), ending in "/".</summary>
    public string BaseUrl { get; set; } = "";

    public static SiteSettings Load(string templatesDirectory)
    {
        var path = Path.Combine(templatesDirectory, FileName);
        var display = DisplayPath.Of(path);
        var text = YamlFile.ReadText(path, display);
        var settings = YamlFile.Parse<SiteSettings>(text, display);
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !settings.BaseUrl.EndsWith('/') || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            var line = Array.FindIndex(text.Split('\n'), l => l.TrimStart().StartsWith("base_url:", StringComparison.Ordinal)) + 1;
            throw new BriefException(display, Math.Max(line, 1), 1,
                $"base_url '{settings.BaseUrl}' is not the address of a site; write an absolute https:// address ending in '/', e.g. https://example.org/briefs/");
        }
        settings.Line = Math.Max(Array.FindIndex(text.Split('\n'), l => l.TrimStart().StartsWith("base_url:", StringComparison.Ordinal)) + 1, 1);
        settings.DisplayFile = display;
        return settings;
    }

    private int Line { get; set; } = 1;
    private string DisplayFile { get; set; } = FileName;

    /// <summary>
    /// A base_url on a domain reserved for examples (RFC 2606: example.org, .com, .net, or under .example,
    /// .test, .invalid, .localhost) is no site's address: the canonical links, og:url, citation_pdf_url,
    /// sitemap and feeds would all point nowhere. A site build warns with its line; null when it is real.
    /// </summary>
    public Diagnostic? PlaceholderWarning()
    {
        var host = new Uri(BaseUrl).Host.ToLowerInvariant();
        string[] reserved = ["example.org", "example.com", "example.net"];
        string[] tlds = [".example", ".test", ".invalid", ".localhost"];
        var placeholder = reserved.Any(r => host == r || host.EndsWith("." + r, StringComparison.Ordinal)) || tlds.Any(t => host.EndsWith(t, StringComparison.Ordinal));
        return placeholder
            ? new Diagnostic(DisplayFile, Line, 1, $"base_url {BaseUrl} is a placeholder (a domain reserved for examples), so the site's canonical links, og:url, citation_pdf_url, sitemap and feeds point nowhere; set it to the address the site is served from before deploying", Warning: true)
            : null;
    }

    /// <summary>What templates see: <c>site.base_url</c>.</summary>
    public Dictionary<string, object?> Values() => new() { ["base_url"] = BaseUrl };
}
