using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Tests.Support;

/// <summary>Hand-written print markup for the writers' tests, parsed and checked like the templates' output.</summary>
public static class MarkupSamples
{
    private static readonly Lazy<PrintMarkupReader> Reader = new(() =>
        new PrintMarkupReader(Path.Combine(Repository.Templates, "print", "print-layout.xsd"), Repository.Theme));

    /// <summary>A PNG in the repository for samples' figures.</summary>
    public static string Figure => Path.Combine(Repository.Content, Repository.FeatureTour, "figure-trade.png");

    public static PrintDocument Parse(string markup) => Reader.Value.Parse(markup, "test");

    /// <summary>A sample file, with {FIGURE} pointing at <see cref="Figure"/>.</summary>
    public static PrintDocument Load(string path) =>
        Parse(File.ReadAllText(path).Replace("{FIGURE}", Figure, StringComparison.Ordinal));

    /// <summary>A whole English document around <paramref name="flow"/>: A4, empty running head and foot.</summary>
    public static string Wrap(string flow) => $"""
        <document lang="en">
          <info title="t" author="a" subject="s" keywords="k" creator="c" created="2022-04-29T00:00:00Z" modified="2022-04-29T00:00:00Z"/>
          <page width="210mm" height="297mm" margin-top="24mm" margin-bottom="24mm" margin-left="24mm" margin-right="24mm"
                header-offset="12mm" footer-offset="12mm" note-gap="12pt" note-rule-width="40mm"/>
          <header/>
          <footer/>
          <flow>{flow}</flow>
        </document>
        """;
}
