using System.Text;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Fonts;

/// <summary>
/// Every character of the content must be in the theme's fonts: in each font role (serif, sans…),
/// its Latin or its Hangul face — the fallback chain the PDF engine follows — or the PDF would draw a
/// blank where it stands. Checked by the reader on each file's text as it read it (BriefReader's textCheck), so the error gives the line and column.
/// </summary>
public sealed class FontCoverage
{
    private const int MaxProblems = 20;
    private readonly IReadOnlyList<(string Role, FontData Latin, FontData Hangul)> _chains;
    private readonly Dictionary<int, string?> _missing = new();

    public FontCoverage(Theme theme, FontLibrary fonts)
    {
        _chains = theme.FontRoles.Select(role => (role,
            fonts.Get(theme.Face(role, Script.Latin, false, false).Path),
            fonts.Get(theme.Face(role, Script.Hangul, false, false).Path))).ToList();
    }

    /// <summary>Problems for the characters of <paramref name="text"/> no chain has: one per character, at its first place.</summary>
    public IReadOnlyList<Diagnostic> Problems(string text, string displayPath)
    {
        var problems = new List<Diagnostic>();
        var reported = new HashSet<int>();
        int line = 1, column = 1;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                line++;
                column = 1;
                continue;
            }
            if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune) && Missing(rune.Value) is { } roles
                && reported.Add(rune.Value) && problems.Count < MaxProblems)
                problems.Add(new Diagnostic(displayPath, line, column,
                    $"character '{rune}' (U+{rune.Value:X4}) is in no font the theme sets {roles} with, so the PDF would show a blank; " +
                    "add a face that has it to templates/fonts/ and theme.yaml fonts:, or write it another way"));
            column++;
        }
        return problems;
    }

    /// <summary>The roles whose faces lack the character ("serif and sans"), or null when every role has it.</summary>
    private string? Missing(int codepoint)
    {
        lock (_missing)
        {
            if (_missing.TryGetValue(codepoint, out var known)) return known;
            var roles = _chains.Where(c => !c.Latin.HasGlyph(codepoint) && !c.Hangul.HasGlyph(codepoint)).Select(c => c.Role).ToList();
            return _missing[codepoint] = roles.Count == 0 ? null : string.Join(" and ", roles);
        }
    }
}
