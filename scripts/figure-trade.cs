// Draws the feature tour's chart in each language from one table of data, with the repository's own
// fonts, so that the Korean edition shows Korean labels (content/feature-tour/figure-trade.ko.png) over
// exactly the English chart's bars (figure-trade.png). Run from the repository root:
//   dotnet run scripts/figure-trade.cs        (or: dotnet cake --target=Figures)
// The same SkiaSharp version and fonts give the same PNG bytes on every run (no clock, no metadata).
#:package SkiaSharp@4.155.0
#:package SkiaSharp.NativeAssets.Linux.NoDependencies@4.155.0
using SkiaSharp;

// The data, as the alt text of the figure in content/feature-tour/body.*.md gives it (USD billion).
(int Year, int Value)[] trade = [(2018, 82), (2019, 76), (2020, 71), (2021, 85), (2022, 88), (2023, 77), (2024, 79), (2025, 81)];

var root = Directory.GetCurrentDirectory();
var fonts = Path.Combine(root, "templates", "fonts");
if (!Directory.Exists(fonts)) { Console.Error.WriteLine("run from the repository root: templates/fonts/ not found"); return 1; }
SKTypeface Face(string file) => SKTypeface.FromFile(Path.Combine(fonts, file)) ?? throw new FileNotFoundException(file);
var faces = new Faces(Face("NotoSans-Regular.ttf"), Face("NotoSans-Bold.ttf"), Face("NanumGothic.ttf"), Face("NanumGothicBold.ttf"));

var labels = new Dictionary<string, Labels>
{
    ["en"] = new("Korea–Japan trade by year, 2018–2025", "USD billion", "Illustrative data"),
    ["ko"] = new("연도별 한일 교역액, 2018–2025년", "단위: 10억 달러", "예시 자료"),
};
foreach (var (lang, text) in labels)
{
    var name = lang == "en" ? "figure-trade.png" : $"figure-trade.{lang}.png";
    var path = Path.Combine(root, "content", "feature-tour", name);
    File.WriteAllBytes(path, Chart.Draw(trade, text, faces));
    Console.WriteLine($"wrote {Path.GetRelativePath(root, path)}");
}
return 0;

record Labels(string Title, string Unit, string Note);

/// <summary>Latin and Hangul faces: Hangul in NanumGothic, everything else (digits, dashes, Latin) in Noto Sans, as the briefs set them.</summary>
record Faces(SKTypeface Latin, SKTypeface LatinBold, SKTypeface Hangul, SKTypeface HangulBold)
{
    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';

    /// <summary>The text cut into runs of one face each.</summary>
    public IEnumerable<(string Text, SKTypeface Face)> Runs(string text, bool bold)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            // A space joins the run before it.
            if (i < text.Length && (text[i] == ' ' || IsHangul(text[i]) == IsHangul(text[start]))) continue;
            var hangul = IsHangul(text[start]);
            yield return (text[start..i], hangul ? (bold ? HangulBold : Hangul) : (bold ? LatinBold : Latin));
            start = i;
        }
    }
}

static class Chart
{
    const int Width = 1600, Height = 900;
    static readonly SKColor Ink = new(0x1F, 0x23, 0x28), Grey = new(0x6A, 0x73, 0x7D), Red = new(0xB0, 0x2A, 0x2A),
        Bar = new(0x1F, 0x4E, 0x79), Grid = new(0xD8, 0xDC, 0xE0);

    public static byte[] Draw((int Year, int Value)[] data, Labels text, Faces faces)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))!;
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        var left = 150f; var right = Width - 60f; var top = 190f; var bottom = Height - 130f;
        var x = Text(canvas, faces, text.Title, 68, 96, 56, true, Ink);
        x = Text(canvas, faces, text.Unit, 68, 150, 32, false, Grey);
        Text(canvas, faces, text.Note, x + 28, 150, 32, false, Red);

        const int max = 100;
        float Y(double v) => (float)(bottom - (bottom - top) * v / max);
        using var grid = new SKPaint { Color = Grid, StrokeWidth = 2, IsAntialias = true };
        using var axis = new SKPaint { Color = Ink, StrokeWidth = 3, IsAntialias = true };
        for (var v = 0; v <= max; v += 20)
        {
            if (v > 0) canvas.DrawLine(left, Y(v), right, Y(v), grid);
            Text(canvas, faces, v.ToString(), left - 18, Y(v) + 10, 28, false, Grey, SKTextAlign.Right);
        }
        canvas.DrawLine(left, top - 10, left, bottom, axis);
        canvas.DrawLine(left, bottom, right, bottom, axis);

        var slot = (right - left) / data.Length;
        using var bar = new SKPaint { Color = Bar, IsAntialias = true };
        for (var i = 0; i < data.Length; i++)
        {
            var centre = left + slot * (i + 0.5f);
            var (year, value) = data[i];
            canvas.DrawRect(SKRect.Create(centre - slot * 0.31f, Y(value), slot * 0.62f, bottom - Y(value)), bar);
            Text(canvas, faces, value.ToString(), centre, Y(value) - 16, 34, false, Ink, SKTextAlign.Center);
            Text(canvas, faces, year.ToString(), centre, bottom + 48, 34, false, Ink, SKTextAlign.Center);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>, run by run in each script's face; returns the right edge.</summary>
    static float Text(SKCanvas canvas, Faces faces, string text, float x, float y, float size, bool bold, SKColor color,
        SKTextAlign align = SKTextAlign.Left)
    {
        var runs = faces.Runs(text, bold).Select(r => (r.Text, Font: new SKFont(r.Face, size) { Edging = SKFontEdging.Antialias, Subpixel = false })).ToList();
        var width = runs.Sum(r => r.Font.MeasureText(r.Text));
        var at = align switch { SKTextAlign.Center => x - width / 2, SKTextAlign.Right => x - width, _ => x };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var (run, font) in runs)
        {
            canvas.DrawText(run, at, y, SKTextAlign.Left, font, paint);
            at += font.MeasureText(run);
            font.Dispose();
        }
        return at;
    }
}
