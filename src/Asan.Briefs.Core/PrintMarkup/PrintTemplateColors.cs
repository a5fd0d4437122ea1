using System.Text.RegularExpressions;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;
using Asan.Briefs.Theming;

namespace Asan.Briefs.PrintMarkup;

/// <summary>
/// Checks the colours the print templates write literally (<c>color="…"</c>, as on <c>&lt;rule&gt;</c>)
/// when the templates are checked, before any brief is rendered: each must be a theme colour, or a
/// #rrggbb with a CMYK value for the print file. A problem is at its template's line and column.
/// </summary>
public static partial class PrintTemplateColors
{
    public static IReadOnlyList<Diagnostic> Problems(string templatesDirectory, Theme theme)
    {
        var problems = new List<Diagnostic>();
        var root = Path.Combine(templatesDirectory, "print");
        if (!Directory.Exists(root)) return problems;
        foreach (var file in Directory.EnumerateFiles(root, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            SourcePositions? positions = null;
            foreach (Match m in LiteralColor().Matches(text))
            {
                if (theme.ColorProblem(m.Groups[1].Value) is not { } problem) continue;
                var (line, column) = (positions ??= new SourcePositions(text)).Position(m.Groups[1].Index);
                problems.Add(new Diagnostic(DisplayPath.Of(file), line, column, problem));
            }
        }
        return problems;
    }

    // A colour attribute whose value holds no template expression (those are checked when the markup is read).
    [GeneratedRegex(@"(?<![\w-])color\s*=\s*""([^""{}]+)""")]
    private static partial Regex LiteralColor();
}
