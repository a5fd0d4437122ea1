using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Images;

/// <summary>
/// A PNG file read and checked once, for every stage that needs an image: the chunk structure
/// (signature, lengths, CRCs, IHDR first, PLTE where the colour type needs it, consecutive IDATs, IEND
/// last), the header's values, and the pixel data itself, inflated as a stream and counted row by row
/// so that a truncated, corrupt or oversized image is refused before any writer embeds it. The size cap
/// is checked before anything is inflated: a 20000×20000 image is a 1 MB file and gigabytes of pixels.
/// </summary>
public sealed class PngImage
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The cap when the theme names none: 50 megapixels.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    private PngImage(string path, byte[] bytes, int width, int height, int bitDepth, int colorType, byte[]? palette, byte[] data)
    {
        Path = path;
        Bytes = bytes;
        PixelWidth = width;
        PixelHeight = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Palette = palette;
        ImageData = data;
    }

    public string Path { get; }
    /// <summary>The file as it is, for writers that pass PNG data through.</summary>
    public byte[] Bytes { get; }
    public int PixelWidth { get; }
    public int PixelHeight { get; }
    public int BitDepth { get; }
    /// <summary>0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha.</summary>
    public int ColorType { get; }
    public bool HasAlpha => ColorType is 4 or 6;
    public byte[]? Palette { get; }
    /// <summary>The concatenated IDAT chunks: zlib data with PNG's row filters.</summary>
    public byte[] ImageData { get; }

    /// <summary>Channels per pixel for the colour type.</summary>
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    /// <summary>Bytes per row of pixels, without the filter byte.</summary>
    public long RowBytes => ((long)PixelWidth * Channels * BitDepth + 7) / 8;

    /// <summary>Reads and checks <paramref name="path"/>; a missing or broken file is a content error naming the fix.</summary>
    /// <exception cref="BriefException">when the file is not a whole, valid PNG image within the cap.</exception>
    public static PngImage Read(string path, long maxPixels = DefaultMaxPixels)
    {
        if (!File.Exists(path)) throw new BriefException(DisplayPath.Of(path), 0, 0, "figure image not found; check the figure's src in the content");
        try { return Read(path, File.ReadAllBytes(path), maxPixels); }
        catch (InvalidDataException e) { throw new BriefException(DisplayPath.Of(path), 0, 0, e.Message); }
    }

    /// <summary>Checks the bytes of a PNG file; the exception's message says what is wrong and how to fix it.</summary>
    /// <exception cref="InvalidDataException">when the bytes are not a whole, valid PNG image within the cap.</exception>
    public static PngImage Read(string path, byte[] png, long maxPixels = DefaultMaxPixels)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw Bad("is not a PNG image (its first bytes are not the PNG signature); save the figure as PNG");
        int width = 0, height = 0, depth = 0, type = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        var at = 8;
        var ended = false;
        while (!ended)
        {
            if (at + 12 > png.Length) throw Bad($"is cut short at byte {at} (no IEND chunk); export the figure again");
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > int.MaxValue || at + 12L + length > png.Length) throw Bad($"is cut short: a chunk at byte {at} claims {length} bytes; export the figure again");
            var kindBytes = png.AsSpan(at + 4, 4);
            foreach (var b in kindBytes)
                if (!char.IsAsciiLetter((char)b)) throw Bad($"has a damaged chunk type at byte {at + 4}; export the figure again");
            var kind = Encoding.ASCII.GetString(kindBytes);
            var data = png.AsSpan(at + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + (int)length));
            if (Crc(png.AsSpan(at + 4, 4 + (int)length)) != crc)
                throw Bad($"is damaged: the {kind} chunk at byte {at} fails its CRC check; export the figure again");
            if (previous is null && kind != "IHDR") throw Bad("does not start with its IHDR header chunk; export the figure again");
            if (kind == "IDAT" && seen.Contains("IDAT") && previous != "IDAT") throw Bad("has image data (IDAT) split by other chunks; export the figure again");
            switch (kind)
            {
                case "IHDR":
                    if (previous is not null) throw Bad("has a second IHDR chunk; export the figure again");
                    if (length != 13) throw Bad("has an IHDR chunk of the wrong length; export the figure again");
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    type = data[9];
                    CheckHeader(width, height, depth, type, data[10], data[11], data[12], maxPixels);
                    break;
                case "PLTE":
                    if (length == 0 || length % 3 != 0 || length / 3 > (1 << Math.Min(depth, 8))) throw Bad("has a damaged palette (PLTE); export the figure again");
                    if (seen.Contains("IDAT")) throw Bad("has its palette after the image data; export the figure again");
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    // Unknown critical chunks (upper-case first letter) change how the image is read.
                    if (char.IsAsciiLetterUpper(kind[0])) throw Bad($"has the unknown critical chunk {kind}; export the figure as a plain PNG");
                    break;
            }
            seen.Add(kind);
            previous = kind;
            at += 12 + (int)length;
        }
        if (at != png.Length) throw Bad($"has {png.Length - at} bytes after its IEND chunk; export the figure again");
        if (!seen.Contains("IDAT")) throw Bad("has no image data (IDAT); export the figure again");
        if (type == 3 && palette is null) throw Bad("is a palette image without a palette (PLTE); export the figure again");
        var image = new PngImage(path, png, width, height, depth, type, palette, idat.ToArray());
        image.CheckPixelData();
        return image;
    }

    private static void CheckHeader(int width, int height, int depth, int type, int compression, int filter, int interlace, long maxPixels)
    {
        if (width <= 0 || height <= 0) throw Bad($"has an impossible size {width}×{height}; export the figure again");
        var allowed = type switch
        {
            0 => new[] { 1, 2, 4, 8, 16 },
            2 or 4 or 6 => [8, 16],
            3 => [1, 2, 4, 8],
            _ => null,
        };
        if (allowed is null) throw Bad($"has the unknown colour type {type}; export the figure again");
        if (!allowed.Contains(depth)) throw Bad($"has a bit depth of {depth}, which colour type {type} does not allow; export the figure again");
        if (compression != 0 || filter != 0) throw Bad("uses an unknown compression or filter method; export the figure again");
        if (interlace == 1) throw Bad("is interlaced, which the PDF edition cannot embed as it is; save the figure without interlacing");
        if (interlace != 0) throw Bad($"has the unknown interlace method {interlace}; export the figure again");
        if ((long)width * height > maxPixels)
            throw Bad($"is {width}×{height} pixels ({(long)width * height / 1e6:0.#} megapixels), over the theme's limit of {maxPixels / 1e6:0.#} megapixels; scale the figure down");
    }

    /// <summary>Inflates the image data as a stream, checking every row's filter byte and that the data
    /// holds exactly the rows the header promises, never more.</summary>
    private void CheckPixelData()
    {
        var rowLength = RowBytes + 1;
        var expected = rowLength * PixelHeight;
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(ImageData, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var offset = total + i;
                    if (offset >= expected) throw Bad("holds more pixel data than its size says; export the figure again");
                    if (offset % rowLength == 0 && buffer[i] > 4) throw Bad($"is damaged: row {offset / rowLength + 1} has the unknown filter type {buffer[i]}; export the figure again");
                }
                total += read;
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("the image ", StringComparison.Ordinal))
        {
            throw Bad($"has damaged compressed data ({e.Message.TrimEnd('.')}); export the figure again");
        }
        if (total < expected) throw Bad($"is cut short: its data holds {total / rowLength} of {PixelHeight} rows; export the figure again");
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The CRC-32 of PNG (ISO 3309, as in the PNG specification's annex).</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    private static InvalidDataException Bad(string message) => new("the image " + message);
}
