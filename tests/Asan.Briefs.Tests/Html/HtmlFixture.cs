using Asan.Briefs.Html;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Html;

/// <summary>Renders every brief of content/ in both languages once and writes the web editions to a temporary folder.</summary>
public sealed class HtmlFixture : IDisposable
{
    public static IReadOnlyList<string> BriefIds => Asan.Briefs.Tests.Support.Repository.BriefIds;
    public static readonly string[] Languages = ["en", "ko"];

    public HtmlFixture()
    {
        Root = Asan.Briefs.Tests.Support.Repository.Root;
        Theme = ThemeLoader.Load(Path.Combine(Root, "templates"));
        Templates = new EditionTemplates(new TemplateEngine(Path.Combine(Root, "templates")), Theme, new BuildStamp(null));
        OutputDirectory = Path.Combine(Path.GetTempPath(), "asan-html-tests-" + Environment.ProcessId);
        foreach (var id in BriefIds)
        {
            var brief = BriefReader.Read(Path.Combine(Root, "content", id));
            Briefs[id] = brief;
            foreach (var lang in Languages)
            {
                var html = Templates.RenderHtml(brief, lang);
                var files = HtmlEditionWriter.Write(brief, lang, html, Theme);
                Outputs[(id, lang)] = files;
                foreach (var (relative, bytes) in files)
                {
                    var path = Path.Combine(OutputDirectory, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, bytes);
                }
            }
        }
    }

    public string Root { get; }
    public Theme Theme { get; }
    public EditionTemplates Templates { get; }
    public string OutputDirectory { get; }
    public Dictionary<string, Brief> Briefs { get; } = new();
    public Dictionary<(string Id, string Lang), IReadOnlyList<(string RelativePath, byte[] Bytes)>> Outputs { get; } = new();

    public string PagePath(string id, string lang) => Path.Combine(OutputDirectory, id, EditionTemplates.FileName(id, lang, "html"));

    public string Html(string id, string lang) => File.ReadAllText(PagePath(id, lang));

    public void Dispose()
    {
        // Kept when ASAN_KEEP_HTML is set, to look at the pages in a browser.
        if (Environment.GetEnvironmentVariable("ASAN_KEEP_HTML") is null && Directory.Exists(OutputDirectory))
            Directory.Delete(OutputDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class HtmlCollection : ICollectionFixture<HtmlFixture>
{
    public const string Name = "html editions";
}
