using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Asan.Briefs.Images;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// A PNG figure as an image XObject without re-encoding: PNG's IDAT stream is zlib data with PNG's
/// row filters, which is exactly FlateDecode with a PNG predictor (ISO 32000-1 §7.4.4.4), so the
/// chunks are concatenated and written as they are. Only an alpha channel costs work: PDF keeps it
/// in a separate soft mask, so those images are inflated, unfiltered, split and deflated once per process.
/// </summary>
internal static class PngXObject
{
    /// <summary>Writes the image (and its soft mask) and returns the object number of the XObject.</summary>
    /// <param name="colorSpace">The colour space for RGB images: /DeviceRGB, or an ICCBased sRGB reference.</param>
    public static int Write(PdfFile file, string path, string colorSpace)
    {
        // One PNG reader for the whole pipeline: it has checked structure, CRCs and size (against the theme's cap) already.
        var png = PngImage.Read(path, long.MaxValue);
        int width = png.PixelWidth, height = png.PixelHeight, depth = png.BitDepth, type = png.ColorType;
        var palette = png.Palette;
        var idat = png.ImageData;
        var size = $"/Width {I(width)} /Height {I(height)}";
        string Parms(int colors) => $"/DecodeParms << /Predictor 15 /Colors {colors} /BitsPerComponent {I(depth)} /Columns {I(width)} >>";
        switch (type)
        {
            case 0 or 2:
            {
                var colors = type == 0 ? 1 : 3;
                var space = type == 0 ? "/DeviceGray" : colorSpace;
                return file.AddStream($"/Type /XObject /Subtype /Image {size} /ColorSpace {space} /BitsPerComponent {I(depth)} /Filter /FlateDecode {Parms(colors)}",
                    idat, compress: false);
            }
            case 3 when palette is not null:
            {
                var space = $"[/Indexed {colorSpace} {I(palette.Length / 3 - 1)} {PdfSyntax.Hex(palette)}]";
                return file.AddStream($"/Type /XObject /Subtype /Image {size} /ColorSpace {space} /BitsPerComponent {I(depth)} /Filter /FlateDecode {Parms(1)}",
                    idat, compress: false);
            }
            case 4 or 6:
            {
                var colors = type == 4 ? 1 : 3;
                var (color, alpha) = Split(idat, width, height, colors, depth / 8);
                var mask = file.AddDeflatedStream($"/Type /XObject /Subtype /Image {size} /ColorSpace /DeviceGray /BitsPerComponent {I(depth)}", alpha);
                var space = type == 4 ? "/DeviceGray" : colorSpace;
                return file.AddDeflatedStream($"/Type /XObject /Subtype /Image {size} /ColorSpace {space} /BitsPerComponent {I(depth)} /SMask {PdfFile.Ref(mask)}", color);
            }
            default:
                throw new InvalidDataException($"{path}: PNG colour type {type} at {depth} bits is not supported; save the figure as 8-bit RGB");
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An image with alpha, split and deflated: remembered by a digest of its image data, since
    /// deflating the colour and mask samples of a large figure anew (the tour's: 120 ms of its
    /// edition's 140) for the print file after the web file, or each write in watch mode, gives the same bytes.
    /// </summary>
    private static (byte[] Color, byte[] Alpha) Split(byte[] idat, int width, int height, int colors, int bytesPerSample)
    {
        var key = $"{width}x{height}x{colors}x{bytesPerSample}:{Convert.ToHexString(SHA256.HashData(idat))}";
        if (Known(key) is { } known) return known;
        var (color, alpha) = SplitAlpha(Inflate(idat), width, height, colors, bytesPerSample);
        var deflated = (PdfFile.Deflate(color), PdfFile.Deflate(alpha));
        lock (Deflated)
        {
            // A long watch session meets many versions of a figure: keep the cache from growing without end.
            if (Deflated.Count >= 16) Deflated.Clear();
            Deflated[key] = deflated;
        }
        return deflated;
    }

    private static (byte[] Color, byte[] Alpha)? Known(string key)
    {
        lock (Deflated) return Deflated.TryGetValue(key, out var known) ? known : null;
    }

    private static readonly Dictionary<string, (byte[] Color, byte[] Alpha)> Deflated = new(StringComparer.Ordinal);

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream(zlib.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Undoes the row filters (PNG §9) and splits each pixel into its colour and its alpha samples.</summary>
    private static (byte[] Color, byte[] Alpha) SplitAlpha(byte[] raw, int width, int height, int colors, int bytesPerSample)
    {
        if (bytesPerSample < 1) throw new InvalidDataException("PNG images with alpha must have 8 or 16 bits per sample");
        var pixel = (colors + 1) * bytesPerSample;
        var stride = width * pixel;
        if (raw.Length < height * (stride + 1)) throw new InvalidDataException("the PNG image data is shorter than its size says");
        var previous = new byte[stride];
        var row = new byte[stride];
        var color = new byte[width * height * colors * bytesPerSample];
        var alpha = new byte[width * height * bytesPerSample];
        int c = 0, a = 0;
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(row);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= pixel ? row[i - pixel] : 0, up = previous[i], corner = i >= pixel ? previous[i - pixel] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, corner),
                    _ => 0,
                });
            }
            for (var x = 0; x < width; x++)
            {
                var at = x * pixel;
                row.AsSpan(at, colors * bytesPerSample).CopyTo(color.AsSpan(c));
                c += colors * bytesPerSample;
                row.AsSpan(at + colors * bytesPerSample, bytesPerSample).CopyTo(alpha.AsSpan(a));
                a += bytesPerSample;
            }
            (previous, row) = (row, previous);
        }
        return (color, alpha);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
