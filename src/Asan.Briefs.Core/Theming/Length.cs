using System.Globalization;

namespace Asan.Briefs.Theming;

/// <summary>Parses the lengths used in the theme and the print markup ("25mm", "10.5pt", "1in") into PostScript points.</summary>
public static class Length
{
    public static bool TryParsePoints(string? text, out double points)
    {
        points = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var (unit, factor) = text switch
        {
            _ when text.EndsWith("mm", StringComparison.Ordinal) => ("mm", 72.0 / 25.4),
            _ when text.EndsWith("cm", StringComparison.Ordinal) => ("cm", 72.0 / 2.54),
            _ when text.EndsWith("in", StringComparison.Ordinal) => ("in", 72.0),
            _ when text.EndsWith("pt", StringComparison.Ordinal) => ("pt", 1.0),
            _ => ("", 1.0),
        };
        var number = text[..^unit.Length];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        points = value * factor;
        return true;
    }

    public static double ToPoints(string text, string where) =>
        TryParsePoints(text, out var points) ? points : throw new FormatException($"{where}: {NotALength(text)}");

    /// <summary>What is wrong with a text that is not a length, and the fix.</summary>
    public static string NotALength(string text) => $"'{text}' is not a length; write a number with mm, cm, in or pt (e.g. 25mm, 10.5pt)";

    /// <summary>Twentieths of a point, Word's unit for sizes and spacing.</summary>
    public static int ToTwips(double points) => (int)Math.Round(points * 20);
}
