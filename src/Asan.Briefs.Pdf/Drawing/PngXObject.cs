using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// A PNG figure as an image XObject without re-encoding: PNG's IDAT stream is zlib data with PNG's
/// row filters, which is exactly FlateDecode with a PNG predictor (ISO 32000-1 §7.4.4.4), so the
/// chunks are concatenated and written as they are. Only an alpha channel costs work: PDF keeps it
/// in a separate soft mask, so those images are inflated, unfiltered and split once.
/// </summary>
internal static class PngXObject
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes the image (and its soft mask) and returns the object number of the XObject.</summary>
    /// <param name="colorSpace">The colour space for RGB images: /DeviceRGB, or an ICCBased sRGB reference.</param>
    public static int Write(PdfFile file, string path, string colorSpace)
    {
        var png = File.ReadAllBytes(path);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException($"{path}: not a PNG file; figures must be PNG files");
        int width = 0, height = 0, depth = 0, type = -1, interlace = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream(png.Length);
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var kind = Encoding.ASCII.GetString(png, at + 4, 4);
            if (length < 0 || at + 12 + length > png.Length) throw new InvalidDataException($"{path}: the PNG file is cut short");
            var data = png.AsSpan(at + 8, length);
            switch (kind)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    type = data[9];
                    interlace = data[12];
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            if (kind == "IEND") break;
            at += 12 + length;
        }
        if (width <= 0 || height <= 0 || type < 0) throw new InvalidDataException($"{path}: the PNG file has no image header");
        if (interlace != 0) throw new InvalidDataException($"{path}: interlaced PNG files are not supported; save the figure without interlacing");
        var size = $"/Width {I(width)} /Height {I(height)}";
        string Parms(int colors) => $"/DecodeParms << /Predictor 15 /Colors {colors} /BitsPerComponent {I(depth)} /Columns {I(width)} >>";
        switch (type)
        {
            case 0 or 2:
            {
                var colors = type == 0 ? 1 : 3;
                var space = type == 0 ? "/DeviceGray" : colorSpace;
                return file.AddStream($"/Type /XObject /Subtype /Image {size} /ColorSpace {space} /BitsPerComponent {I(depth)} /Filter /FlateDecode {Parms(colors)}",
                    idat.ToArray(), compress: false);
            }
            case 3 when palette is not null:
            {
                var space = $"[/Indexed {colorSpace} {I(palette.Length / 3 - 1)} {PdfSyntax.Hex(palette)}]";
                return file.AddStream($"/Type /XObject /Subtype /Image {size} /ColorSpace {space} /BitsPerComponent {I(depth)} /Filter /FlateDecode {Parms(1)}",
                    idat.ToArray(), compress: false);
            }
            case 4 or 6:
            {
                var colors = type == 4 ? 1 : 3;
                var (color, alpha) = SplitAlpha(Inflate(idat.ToArray()), width, height, colors, depth / 8);
                var mask = file.AddStream($"/Type /XObject /Subtype /Image {size} /ColorSpace /DeviceGray /BitsPerComponent {I(depth)}", alpha, compress: true);
                var space = type == 4 ? "/DeviceGray" : colorSpace;
                return file.AddStream($"/Type /XObject /Subtype /Image {size} /ColorSpace {space} /BitsPerComponent {I(depth)} /SMask {PdfFile.Ref(mask)}", color, compress: true);
            }
            default:
                throw new InvalidDataException($"{path}: PNG colour type {type} at {depth} bits is not supported; save the figure as 8-bit RGB");
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

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
