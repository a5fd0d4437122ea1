using System.Globalization;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// How a colour of the layout (a "#rrggbb" from the theme) is painted: as DeviceRGB in the web
/// file, as DeviceCMYK in the print file (from the theme's CMYK values, so body text is 100 K
/// rather than a four-colour black).
/// </summary>
internal abstract class Inks
{
    private readonly Dictionary<string, (string Fill, string Stroke)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public string Fill(string color) => Get(color).Fill;

    public string Stroke(string color) => Get(color).Stroke;

    private (string Fill, string Stroke) Get(string color)
    {
        if (!_cache.TryGetValue(color, out var ops))
        {
            var components = string.Join(" ", Components(color).Select(PdfSyntax.Number));
            _cache[color] = ops = (components + " " + FillOperator, components + " " + StrokeOperator);
        }
        return ops;
    }

    protected abstract string FillOperator { get; }
    protected abstract string StrokeOperator { get; }
    protected abstract double[] Components(string color);

    public static double[] Rgb(string hex)
    {
        var value = hex.TrimStart('#');
        if (value.Length == 3) value = string.Concat(value.Select(c => new string(c, 2)));
        if (value.Length != 6 || !int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            throw new InvalidDataException($"'{hex}' is not a colour the PDF writer can paint; write it as #rrggbb");
        return [(rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0];
    }
}

internal sealed class RgbInks : Inks
{
    protected override string FillOperator => "rg";
    protected override string StrokeOperator => "RG";
    protected override double[] Components(string color) => Rgb(color);
}

/// <summary>The print file's inks: each colour's CMYK value from the theme (checked there to exist for every colour).</summary>
internal sealed class CmykInks(IReadOnlyDictionary<string, double[]> cmykByHex) : Inks
{
    protected override string FillOperator => "k";
    protected override string StrokeOperator => "K";
    protected override double[] Components(string color) =>
        cmykByHex.TryGetValue(color, out var cmyk) ? cmyk
        : throw new InvalidOperationException($"colour {color} has no CMYK value; the theme's check should have asked for one under pdf.print.cmyk");
}
