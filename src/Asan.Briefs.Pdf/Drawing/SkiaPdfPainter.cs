using System.Text;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using SkiaSharp;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// The drawing stage: paints laid-out pages on SkiaSharp's PDF canvas. Knows nothing about flow or
/// pagination; every position comes from the layout. Glyph runs carry their text and clusters so the
/// PDF's ToUnicode and ActualText let readers extract the words.
/// </summary>
internal static class SkiaPdfPainter
{
    /// <summary>Slant for faces that have no italic: the usual 12° oblique.</summary>
    private const float SyntheticSkew = -0.21f;

    public static byte[] Paint(LaidOutDocument document, DocumentInfo info)
    {
        var typefaces = SubsetFonts.For(document);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject,
            Keywords = info.Keywords,
            Creator = info.Creator,
            Producer = PdfWriter.Producer,
            Creation = info.Created.UtcDateTime,
            Modified = info.Modified.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 101,
            PdfA = false,
        };
        using (var skDocument = SKDocument.CreatePdf(stream, metadata))
        {
            var images = new Dictionary<string, SKImage>(StringComparer.Ordinal);
            using var resources = new Resources(typefaces);
            try
            {
                foreach (var page in document.Pages)
                {
                    var canvas = skDocument.BeginPage((float)document.Width, (float)document.Height);
                    foreach (var item in page.Items) Paint(canvas, item, resources, images);
                    skDocument.EndPage();
                }
                skDocument.Close();
            }
            finally
            {
                foreach (var image in images.Values) image.Dispose();
            }
        }
        return stream.ToArray();
    }

    private static void Paint(SKCanvas canvas, PageItem item, Resources resources, Dictionary<string, SKImage> images)
    {
        switch (item)
        {
            case TextLineItem line:
                Paint(canvas, line, resources);
                break;
            case RuleItem rule:
            {
                using var paint = new SKPaint { Color = SKColor.Parse(rule.Color), StrokeWidth = (float)rule.Thickness, IsAntialias = true, Style = SKPaintStyle.Stroke };
                canvas.DrawLine((float)rule.X1, (float)rule.Y1, (float)rule.X2, (float)rule.Y2, paint);
                break;
            }
            case ImageItem image:
            {
                if (!images.TryGetValue(image.Source, out var sk))
                {
                    sk = SKImage.FromEncodedData(image.Source)
                        ?? throw new InvalidDataException($"{image.Source}: the image could not be decoded; figures must be PNG files");
                    images[image.Source] = sk;
                }
                var rect = SKRect.Create((float)image.X, (float)image.Y, (float)image.Width, (float)image.Height);
                canvas.DrawImage(sk, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                break;
            }
            case LinkItem link:
            {
                var rect = SKRect.Create((float)link.X, (float)link.Y, (float)link.Width, (float)link.Height);
                if (link.Internal) canvas.DrawLinkDestinationAnnotation(rect, link.Target);
                else canvas.DrawUrlAnnotation(rect, link.Target);
                break;
            }
            case DestinationItem destination:
                canvas.DrawNamedDestinationAnnotation(new SKPoint((float)destination.X, (float)destination.Y), destination.Name);
                break;
        }
    }

    /// <summary>Fonts and paints made once per document: a document has a handful of each, and thousands of runs.</summary>
    private sealed class Resources(Dictionary<string, SubsetFace> typefaces) : IDisposable
    {
        private readonly Dictionary<(string, double, bool), SKFont> _fonts = [];
        private readonly Dictionary<string, SKPaint> _paints = new(StringComparer.Ordinal);

        public SKFont Font(GlyphRun run, double size)
        {
            var key = (run.Face.Path, size, run.Face.SynthesizeItalic);
            if (!_fonts.TryGetValue(key, out var font))
            {
                _fonts[key] = font = new SKFont(typefaces[run.Face.Path].Typeface, (float)size)
                {
                    // Glyph origins are written as exact numbers either way; subpixel glyph variants only
                    // cost Skia extra metric lookups (a fifth of the painting time of an English brief).
                    Subpixel = false,
                    LinearMetrics = true,
                    Hinting = SKFontHinting.None,
                    SkewX = run.Face.SynthesizeItalic ? SyntheticSkew : 0,
                };
            }
            return font;
        }

        /// <summary>The run's shaped glyph ids as numbered in the document's subset of its face.</summary>
        public ushort[] Glyphs(GlyphRun run)
        {
            var face = typefaces[run.Face.Path];
            var glyphs = new ushort[run.Glyphs.Length];
            for (var i = 0; i < glyphs.Length; i++) glyphs[i] = face.Map(run.Glyphs[i]);
            return glyphs;
        }

        public SKPaint Paint(string color)
        {
            if (!_paints.TryGetValue(color, out var paint))
                _paints[color] = paint = new SKPaint { Color = SKColor.Parse(color), IsAntialias = true };
            return paint;
        }

        public void Dispose()
        {
            foreach (var f in _fonts.Values) f.Dispose();
            foreach (var p in _paints.Values) p.Dispose();
        }
    }

    /// <summary>
    /// A line's runs as text blobs, each set at its face's design size (units per em / 128) and scaled
    /// to the run's size. At that size every advance is an exact binary fraction, so glyph origins that
    /// follow the font's own advances are exactly where Skia's PDF writer expects the next glyph and it
    /// sets them as one string; with HarfBuzz's positions at the real size it moved to every glyph on
    /// its own (an English page: ~3,000 moves instead of ~300, and a fifth of the painting time).
    /// Kerning and justified spaces still move the pen, snapped to the same 1/128 grid.
    /// </summary>
    private static void Paint(SKCanvas canvas, TextLineItem line, Resources resources)
    {
        foreach (var run in line.Line.Runs)
        {
            if (run.Glyphs.Length == 0) continue;
            var designSize = FontLibrary.Shared.Get(run.Face.Path).UnitsPerEm / DesignGrid;
            var scale = (float)(run.Size / designSize);
            var font = resources.Font(run, designSize);
            var glyphs = resources.Glyphs(run);
            var positions = Positions(run, font.GetGlyphWidths(glyphs), (float)(line.X + run.X) / scale, scale);
            var y = Snap((float)(line.Baseline - run.BaselineShift) / scale);
            using var builder = new SKTextBlobBuilder();
            var (utf8, clusters) = Utf8Clusters(run);
            if (utf8 is not null)
            {
                var buffer = builder.AllocateHorizontalTextRun(font, glyphs.Length, y, utf8.Length);
                buffer.SetGlyphs(glyphs);
                positions.CopyTo(buffer.Positions);
                buffer.SetText(utf8);
                buffer.SetClusters(clusters);
            }
            else
            {
                var buffer = builder.AllocateHorizontalRun(font, glyphs.Length, y);
                buffer.SetGlyphs(glyphs);
                positions.CopyTo(buffer.Positions);
            }
            using var blob = builder.Build();
            canvas.Save();
            canvas.Scale(scale);
            canvas.DrawText(blob, 0, 0, resources.Paint(run.Color));
            canvas.Restore();
        }
    }

    private const float DesignGrid = 128f;

    private static float Snap(float value) => MathF.Round(value * DesignGrid) / DesignGrid;

    /// <summary>Glyph origins at the design size: the font's advance where HarfBuzz agrees within 0.01 pt, else snapped to the grid.</summary>
    private static float[] Positions(GlyphRun run, float[] advances, float x, float scale)
    {
        var positions = new float[advances.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            var shaped = x + run.Positions[i] / scale;
            if (i > 0 && Math.Abs(positions[i - 1] + advances[i - 1] - shaped) < 0.01f / scale)
                positions[i] = positions[i - 1] + advances[i - 1];
            else
                positions[i] = Snap(shaped);
        }
        return positions;
    }

    /// <summary>The run's text in UTF-8 with clusters turned from UTF-16 indices into UTF-8 byte offsets, as Skia wants them.</summary>
    private static (byte[]? Text, uint[] Clusters) Utf8Clusters(GlyphRun run)
    {
        if (string.IsNullOrEmpty(run.Text) || run.Clusters.Length != run.Glyphs.Length) return (null, []);
        var text = run.Text;
        var offsets = new int[text.Length + 1];
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offsets[i + 1] = bytes;
                bytes += 4;
                i++;
                continue;
            }
            bytes += text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
        }
        offsets[text.Length] = bytes;
        var clusters = new uint[run.Clusters.Length];
        for (var i = 0; i < clusters.Length; i++)
        {
            var c = run.Clusters[i];
            if (c > text.Length) return (null, []);
            clusters[i] = (uint)offsets[c];
        }
        return (Encoding.UTF8.GetBytes(text), clusters);
    }
}
