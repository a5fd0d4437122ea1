using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Theming;

/// <summary>The pdf: section of theme.yaml as written: colour profiles and the print file.</summary>
public sealed class PdfThemeFile
{
    /// <summary>The web PDF's output intent (PDF/A) and the colour space of figures; relative to templates/.</summary>
    public string RgbProfile { get; set; } = "color/sRGB.icc";
    public PrintThemeFile Print { get; set; } = new();
}

public sealed class PrintThemeFile
{
    public string Bleed { get; set; } = "3mm";
    /// <summary>Crop marks outside the bleed, on a page grown to hold them. Off by default: see theme.yaml.</summary>
    public bool CropMarks { get; set; }
    /// <summary>The registered printing condition (ICC characterization registry), e.g. FOGRA39.</summary>
    public string Condition { get; set; } = "FOGRA39";
    public string ConditionText { get; set; } = "";
    /// <summary>An ICC output profile of that condition, relative to templates/.</summary>
    public string Profile { get; set; } = "color/FOGRA39L.icc";
    /// <summary>Colour name (under colors:) → C, M, Y, K in percent.</summary>
    public Dictionary<string, double[]> Cmyk { get; set; } = new();
}

/// <summary>How the print file paints and trims: bleed in points, crop marks or not, CMYK (0–1) per "#rrggbb" colour.</summary>
public sealed record PrintSetup(double Bleed, bool CropMarks, string Condition, string ConditionText, string ProfilePath,
    IReadOnlyDictionary<string, double[]> CmykByHex);

/// <summary>The resolved pdf: section: absolute profile paths and the print setup.</summary>
public sealed record PdfSetup(string RgbProfilePath, PrintSetup Print)
{
    /// <summary>Checks the section where it is written and resolves it; problems go to <paramref name="problem"/>.</summary>
    internal static PdfSetup Resolve(ThemeFile theme, string templatesDirectory, Action<string, string[]> problem)
    {
        var pdf = theme.Pdf;
        var print = pdf.Print;
        string Profile(string relative, params string[] path)
        {
            var full = Path.GetFullPath(Path.Combine(templatesDirectory, relative));
            if (!File.Exists(full)) problem($"{string.Join('.', path)}: ICC profile '{relative}' is not in {DisplayPath.Of(templatesDirectory)}; add the file or fix the name", path);
            return full;
        }
        var rgb = Profile(pdf.RgbProfile, "pdf", "rgb_profile");
        var cmykProfile = Profile(print.Profile, "pdf", "print", "profile");
        if (!Length.TryParsePoints(print.Bleed, out var bleed) || bleed < 0)
            problem($"pdf.print.bleed: {Length.NotALength(print.Bleed)}", ["pdf", "print", "bleed"]);
        if (string.IsNullOrWhiteSpace(print.Condition))
            problem("pdf.print.condition: name the registered printing condition, e.g. FOGRA39", ["pdf", "print", "condition"]);

        var byHex = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in print.Cmyk)
        {
            string[] at = ["pdf", "print", "cmyk", name];
            if (!theme.Colors.TryGetValue(name, out var hex))
                problem($"pdf.print.cmyk: colour '{name}' is not defined under colors:; define it there or remove it here", at);
            else if (values is not { Length: 4 } || values.Any(v => v is < 0 or > 100 || double.IsNaN(v)))
                problem($"pdf.print.cmyk.{name}: write four percentages from 0 to 100, [C, M, Y, K], e.g. [0, 0, 0, 100]", at);
            else if (byHex.TryGetValue(hex, out var other) && !other.SequenceEqual(values.Select(v => v / 100)))
                problem($"pdf.print.cmyk.{name}: colour {hex} is also '{named[hex]}', with other CMYK values; give both the same", at);
            else
            {
                byHex[hex] = values.Select(v => v / 100).ToArray();
                named.TryAdd(hex, name);
            }
        }
        foreach (var (name, hex) in theme.Colors)
            if (!print.Cmyk.ContainsKey(name))
                problem($"colors.{name}: the print file needs its CMYK value; add it under pdf.print.cmyk, e.g. {name}: [0, 0, 0, 100]", ["colors", name]);
        var styles = theme.Styles.Select(kv => (kv.Key, kv.Value, Path: new[] { "styles", kv.Key }))
            .Concat(theme.Languages.SelectMany(l => l.Value.Styles.Select(kv => (kv.Key, kv.Value, Path: new[] { "languages", l.Key, "styles", kv.Key }))));
        foreach (var (name, style, path) in styles)
        foreach (var (key, colour) in new[] { ("color", style.Color), ("rule_color", style.RuleColor) })
            if (colour is not null && colour.StartsWith('#') && !byHex.ContainsKey(colour))
                problem($"style '{name}': colour {colour} has no CMYK value for the print file; name it under colors: and give it one under pdf.print.cmyk", [.. path, key]);
        return new PdfSetup(rgb, new PrintSetup(bleed, print.CropMarks, print.Condition.Trim(), print.ConditionText.Trim(), cmykProfile, byHex));
    }
}
