using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Html;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Security;

/// <summary>
/// Links written to get script past a scheme check (after the OWASP XSS filter-evasion list): each is
/// refused wherever it enters — the Markdown reader, the print markup both paged writers read, the
/// HTML writer — and what is let through reads back from all three outputs with an allowed scheme.
/// </summary>
public class LinkSafetyTests
{
    /// <summary>Markdown link destinations (angle brackets allow spaces) a browser or viewer could run or follow off the allow-list.</summary>
    public static readonly string[] Bypasses =
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#9;script:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#10;script:alert(1)",
        "java&#13;script:alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "&#0000106;avascript:alert(1)",
        "&#1;javascript:alert(1)",
        "&#14;javascript:alert(1)",
        "<  javascript:alert(1)>",
        "<javascript:alert(1)  >",
        "javascript&colon;alert(1)",
        "java&amp;#9;script:alert(1)",
        "vbscript:msgbox(1)",
        "livescript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "//evil.example/x",
        "\\\\evil.example\\x",
        "/\\evil.example",
        "http:",
        "relative/page.html",
        "jav&#x0D;ascript:alert(1)",
        "jav\u0000ascript:alert(1)",
    ];

    /// <summary>Links a browser reads as safe targets, written oddly; the outputs must carry them normalised.</summary>
    public static readonly (string Written, string Normalised)[] OddButSafe =
    [
        ("<  HTTPS://example.org/a b>", "https://example.org/a%20b"),
        ("ht&#9;tps://example.org/tab", "https://example.org/tab"),
        ("https:\\\\example.org\\back", "https://example.org/back"),
        ("MAILTO:editor@example.org", "mailto:editor@example.org"),
        ("https:example.org/no-slashes", "https://example.org/no-slashes"),
    ];

    public static IEnumerable<object[]> BypassCases() => Bypasses.Select(b => new object[] { b });

    [Fact]
    public void Every_bypass_in_content_is_an_error_at_its_line()
    {
        using var scratch = new ScratchBrief();
        // A raw control character in a content file is refused before links are read (ContentTextTests).
        var bypasses = Bypasses.Where(b => !b.Any(char.IsControl)).ToArray();
        // One paragraph, one link a line: the languages stay aligned, and every line must be reported.
        var lines = bypasses.Select((b, i) => $"[case {i}]({b})");
        scratch.Write("body.en.md", ScratchBrief.English.Replace("A paragraph with", string.Join("\n", lines) + "\nA paragraph with"));
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        var firstLine = ScratchBrief.English.ReplaceLineEndings("\n").Split('\n').ToList().FindIndex(l => l.StartsWith("A paragraph with", StringComparison.Ordinal)) + 1;
        for (var i = 0; i < bypasses.Length; i++)
            Assert.True(error.Diagnostics.Any(d => d.File.EndsWith("body.en.md", StringComparison.Ordinal) && d.Line == firstLine + i && d.Message.Contains("link", StringComparison.Ordinal)),
                $"no error at line {firstLine + i} for {bypasses[i]}: {string.Join(" | ", error.Diagnostics)}");
    }

    [Theory]
    [MemberData(nameof(BypassCases))]
    public void A_bypass_written_by_a_template_is_refused_by_the_paged_writers_and_the_html_writer(string bypass)
    {
        // As a template writes it: the engine escapes the value, the XML or HTML parser decodes it once.
        var href = System.Security.SecurityElement.Escape(bypass.StartsWith('<') ? bypass[1..^1] : bypass);
        if (!bypass.Contains('\0'))
        {
            // XML cannot hold a NUL at all, so that case is left to the HTML writer.
            var sample = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Asan.Briefs.Tests", "Docx", "Samples", "sample.en.xml"));
            var markup = System.Text.RegularExpressions.Regex.Replace(sample.Replace("{FIGURE}", MarkupSamples.Figure, StringComparison.Ordinal), "href=\"[^\"]*\"", $"href=\"{href}\"");
            var printError = Assert.Throws<BriefException>(() => MarkupSamples.Parse(markup));
            Assert.Contains(printError.Diagnostics, d => d.Message.Contains("link", StringComparison.Ordinal));
        }

        // A page may link to a file beside it (its PDF, the other language); a paged edition may not.
        if (bypass == "relative/page.html") return;
        var brief = Repository.Brief(Repository.FeatureTour);
        var page = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body><p><a href=\"{href}\">x</a></p></body></html>";
        var htmlError = Assert.Throws<BriefException>(() => HtmlEditionWriter.Write(brief, "en", page, Repository.Theme));
        Assert.Contains(htmlError.Diagnostics, d => d.Message.Contains("link", StringComparison.Ordinal));
    }

    [Fact]
    public void Odd_but_safe_links_reach_every_output_normalised()
    {
        using var scratch = new ScratchBrief();
        var links = string.Join("\n", OddButSafe.Select((l, i) => $"[safe {i}]({l.Written})"));
        scratch.Write("body.en.md", ScratchBrief.English.Replace("A paragraph with", links + "\nA paragraph with"));
        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var brief = Assert.Single(publisher.ReadBriefs());
        var files = publisher.Render(brief, "en", OutputFormat.All);
        byte[] Output(string extension) => files.Single(f => f.RelativePath.EndsWith(".en." + extension, StringComparison.Ordinal)).Bytes;

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(Output("html")));
        var htmlLinks = html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

        using var docx = WordprocessingDocument.Open(new MemoryStream(Output("docx")), false);
        var docxLinks = docx.MainDocumentPart!.HyperlinkRelationships.Select(r => r.Uri.OriginalString).ToList();

        using var pdf = PdfDocument.Open(Output("pdf"));
        var pdfLinks = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(h => h.Uri).Where(u => u is not null).ToList();

        foreach (var (written, normalised) in OddButSafe)
        {
            Assert.Contains(normalised, htmlLinks);
            Assert.Contains(normalised, docxLinks);
            Assert.Contains(normalised, pdfLinks);
        }
        foreach (var target in htmlLinks.Concat(docxLinks).Concat(pdfLinks))
            Assert.Matches(@"^(https?://|mailto:|#|[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$)", target);
    }

    [Fact]
    public void The_page_forbids_every_inline_script_but_its_json_ld()
    {
        var page = System.Text.Encoding.UTF8.GetString(RenderedEditions.File(Repository.FeatureTour, "en", "html"));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        var policy = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
        Assert.NotNull(policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        var scripts = document.QuerySelectorAll("script").ToList();
        Assert.All(scripts, s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        foreach (var script in scripts)
        {
            var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.TextContent)));
            Assert.Contains($"'sha256-{hash}'", policy);
        }
        var scriptSources = policy!.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal(scripts.Count, scriptSources.Split(' ').Count(s => s.StartsWith("'sha256-", StringComparison.Ordinal)));
        foreach (var style in document.QuerySelectorAll("style"))
        {
            var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style.TextContent)));
            Assert.Contains($"'sha256-{hash}'", policy);
        }
    }

    [Fact]
    public void A_page_with_an_inline_script_or_event_handler_is_refused()
    {
        var brief = Repository.Brief(Repository.FeatureTour);
        foreach (var body in new[] { "<script>alert(1)</script>", "<p onclick=\"alert(1)\">x</p>", "<img src=x onerror=alert(1)>" })
        {
            var page = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>";
            var error = Assert.Throws<BriefException>(() => HtmlEditionWriter.Write(brief, "en", page, Repository.Theme));
            Assert.Contains(error.Diagnostics, d => d.Message.Contains("script", StringComparison.Ordinal) || d.Message.Contains("handler", StringComparison.Ordinal));
        }
    }
}
