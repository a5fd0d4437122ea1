using Asan.Briefs.Model;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Pdf.Text;

/// <summary>The repository's theme and fonts, and the brief's real paragraphs, for text-engine tests.</summary>
internal static class TextFixture
{
    private static readonly Lazy<TextLayouter> LazyLayouter = new(() => new TextLayouter(Repository.Theme));

    public static string RepoRoot => Repository.Root;
    public static Theme Theme => Repository.Theme;
    public static TextLayouter Layouter => LazyLayouter.Value;
    public static string FontPath(string file) => Path.Combine(Repository.Templates, "fonts", file);

    public static IReadOnlyList<PrintInline> Plain(string text) => [new PrintText(text, false, false, null)];

    /// <summary>Body paragraphs of the seed brief in a language, as plain text (note calls left out).</summary>
    public static IReadOnlyList<string> BriefParagraphs(string lang) =>
        Repository.Brief(Repository.SeedBrief).AllBlocks.OfType<ParagraphBlock>()
            .Select(p => Inlines.PlainText(p.Text[lang])).ToList();

    /// <summary>A line's text: its runs' text in order (spaces inside the line included).</summary>
    public static string LineText(LineBox line) => string.Concat(line.Runs.Select(r => r.Text));
}
