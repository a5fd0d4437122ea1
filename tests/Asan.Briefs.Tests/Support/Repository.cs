using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Support;

/// <summary>The repository the tests run in: its content, templates and a shared publisher.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<Publisher> LazyPublisher = new(() => new Publisher(Workspace.At(Root), new BuildStamp(null)));
    private static readonly Dictionary<string, Brief> Briefs = new();

    public const string SeedBrief = "korea-japan-diplomatic-tasks";
    public const string FeatureTour = "feature-tour";

    /// <summary>Every brief in content/, found as the build finds them (BriefReader.FindBriefs): a brief added there is tested like the others.</summary>
    public static IReadOnlyList<string> BriefIds => LazyBriefIds.Value;

    private static readonly Lazy<IReadOnlyList<string>> LazyBriefIds = new(() =>
        BriefReader.FindBriefs(Content).Select(d => Path.GetFileName(d)!).ToList());

    public static string Root => LazyRoot.Value;
    public static string Templates => Path.Combine(Root, "templates");
    public static string Content => Path.Combine(Root, "content");
    public static Publisher Publisher => LazyPublisher.Value;
    public static Theme Theme => Publisher.Theme;

    public static Brief Brief(string id)
    {
        lock (Briefs)
        {
            if (!Briefs.TryGetValue(id, out var brief)) Briefs[id] = brief = BriefReader.Read(Path.Combine(Content, id));
            return brief;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "content")) && Directory.Exists(Path.Combine(dir.FullName, "templates")))
                return dir.FullName;
        throw new InvalidOperationException("tests must run inside the repository (no content/ and templates/ above " + AppContext.BaseDirectory + ")");
    }
}
