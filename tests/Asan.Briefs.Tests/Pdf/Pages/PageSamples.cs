using Asan.Briefs.Pdf;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Pdf.Pages;

/// <summary>Theme, sample markup and writers shared by the page-engine tests.</summary>
internal static class PageSamples
{
    public static string RepoRoot => Repository.Root;

    public static Theme Theme => Repository.Theme;

    public static string SamplesDirectory => Path.Combine(RepoRoot, "tests", "Asan.Briefs.Tests", "Pdf", "Pages", "Samples");

    public static string Figure => MarkupSamples.Figure;

    public static PrintDocument Parse(string markup) => MarkupSamples.Parse(markup);

    /// <summary>A sample from Samples/, with {FIGURE} pointing at a PNG in the repository.</summary>
    public static PrintDocument Load(string name) => MarkupSamples.Load(Path.Combine(SamplesDirectory, name));

    /// <summary>The page engine with the tests' own simple line setter, independent of the text engine.</summary>
    public static PdfWriter GreedyWriter() => new(t => new GreedyTextSetter(t));
}
