using System.Text.RegularExpressions;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Pdf.Text;

/// <summary>The repository's theme and fonts, and the brief's real paragraphs, for text-engine tests.</summary>
internal static partial class TextFixture
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<Theme> LazyTheme = new(() => ThemeLoader.Load(Path.Combine(Root.Value, "templates")));
    private static readonly Lazy<TextLayouter> LazyLayouter = new(() => new TextLayouter(LazyTheme.Value));

    public static string RepoRoot => Root.Value;
    public static Theme Theme => LazyTheme.Value;
    public static TextLayouter Layouter => LazyLayouter.Value;
    public static string FontPath(string file) => Path.Combine(Root.Value, "templates", "fonts", file);

    public static IReadOnlyList<PrintInline> Plain(string text) => [new PrintText(text, false, false, null)];

    /// <summary>Body paragraphs of the seed brief in a language, with Markdown marks and note references removed.</summary>
    public static IReadOnlyList<string> BriefParagraphs(string lang)
    {
        var path = Path.Combine(Root.Value, "content", "korea-japan-diplomatic-tasks", $"body.{lang}.md");
        var paragraphs = new List<string>();
        foreach (var block in File.ReadAllText(path).Replace("\r\n", "\n").Split("\n\n"))
        {
            var text = block.Trim();
            if (text.Length == 0 || text.StartsWith('#') || text.StartsWith("[^") || text.StartsWith('>') || text.StartsWith('-') || text.StartsWith('|')) continue;
            text = NoteRef().Replace(text, "");
            text = Link().Replace(text, "$1");
            text = text.Replace("**", "").Replace("*", "").Replace("\n", " ");
            paragraphs.Add(text);
        }
        return paragraphs;
    }

    /// <summary>A line's text: its runs' text in order (spaces inside the line included).</summary>
    public static string LineText(LineBox line) => string.Concat(line.Runs.Select(r => r.Text));

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "templates", "theme.yaml"))) return dir.FullName;
        }
        var fromEnv = Environment.GetEnvironmentVariable("ASAN_BRIEFS_ROOT");
        if (fromEnv is not null && File.Exists(Path.Combine(fromEnv, "templates", "theme.yaml"))) return fromEnv;
        throw new InvalidOperationException("cannot find the repository root (templates/theme.yaml) above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\[\^[^\]]+\]")] private static partial Regex NoteRef();
    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")] private static partial Regex Link();
}
