using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Tests.Support;

/// <summary>Hand-written print markup for the writers' tests, parsed and checked like the templates' output.</summary>
public static class MarkupSamples
{
    private static readonly Lazy<PrintMarkupReader> Reader = new(() =>
        new PrintMarkupReader(Path.Combine(Repository.Templates, "print", "print-layout.xsd"), Repository.Theme.Color));

    /// <summary>A PNG in the repository for samples' figures.</summary>
    public static string Figure => Path.Combine(Repository.Content, Repository.FeatureTour, "figure-trade.png");

    public static PrintDocument Parse(string markup) => Reader.Value.Parse(markup, "test");

    /// <summary>A sample file, with {FIGURE} pointing at <see cref="Figure"/>.</summary>
    public static PrintDocument Load(string path) =>
        Parse(File.ReadAllText(path).Replace("{FIGURE}", Figure, StringComparison.Ordinal));
}
