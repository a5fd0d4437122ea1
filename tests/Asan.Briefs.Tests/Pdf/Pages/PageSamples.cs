using Asan.Briefs.Pdf;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Pdf.Pages;

/// <summary>Theme, sample markup and writers shared by the page-engine tests.</summary>
internal static class PageSamples
{
    public static string RepoRoot { get; } = FindRoot();

    private static readonly Lazy<Theme> LazyTheme = new(() => ThemeLoader.Load(Path.Combine(RepoRoot, "templates")));
    public static Theme Theme => LazyTheme.Value;

    private static readonly Lazy<PrintMarkupReader> Reader = new(() =>
        new PrintMarkupReader(Path.Combine(RepoRoot, "templates", "print", "print-layout.xsd"), Theme.Color));

    public static string SamplesDirectory => Path.Combine(RepoRoot, "tests", "Asan.Briefs.Tests", "Pdf", "Pages", "Samples");

    public static string Figure => Path.Combine(RepoRoot, "content", "feature-tour", "figure-trade.png");

    public static PrintDocument Parse(string markup) => Reader.Value.Parse(markup, "test");

    /// <summary>A sample from Samples/, with {FIGURE} pointing at a PNG in the repository.</summary>
    public static PrintDocument Load(string name) =>
        Parse(File.ReadAllText(Path.Combine(SamplesDirectory, name)).Replace("{FIGURE}", Figure));

    /// <summary>The page engine with the tests' own simple line setter, independent of the text engine.</summary>
    public static PdfWriter GreedyWriter() => new(t => new GreedyTextSetter(t));

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("ASAN_BRIEFS_ROOT") is { Length: > 0 } root) return root;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AsanBriefs.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (AsanBriefs.sln) not found");
    }
}
