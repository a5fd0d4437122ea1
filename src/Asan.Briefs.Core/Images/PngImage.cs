using System.Buffers.Binary;
using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Images;

/// <summary>
/// A PNG figure read and checked once (PNG, ISO/IEC 15948: signature, then length-type-data-CRC chunks,
/// IHDR first): every writer takes its size and bytes from here instead of reading the file itself.
/// </summary>
public sealed class PngImage
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(string path, byte[] bytes, int width, int height)
    {
        Path = path;
        Bytes = bytes;
        PixelWidth = width;
        PixelHeight = height;
    }

    public string Path { get; }

    /// <summary>The file as it is, for writers that embed it unchanged.</summary>
    public byte[] Bytes { get; }

    public int PixelWidth { get; }
    public int PixelHeight { get; }

    /// <summary>Reads and checks <paramref name="path"/>; a missing or broken file is a content error naming the fix.</summary>
    public static PngImage Read(string path)
    {
        if (!File.Exists(path)) throw Problem(path, "figure image not found; check the figure's src in the content");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
            throw Problem(path, "not a PNG image; figures must be PNG files");
        // IHDR comes first and holds 13 bytes: width, height, depth, colour type, compression, filter, interlace.
        if (bytes.Length < 8 + 8 + 13 || BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)) != 13
            || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw Problem(path, "the PNG image has no header (IHDR); save the figure again as PNG");
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        if (width <= 0 || height <= 0) throw Problem(path, "the PNG image has no size; save the figure again as PNG");
        return new PngImage(path, bytes, width, height);
    }

    private static BriefException Problem(string path, string message) => new(DisplayPath.Of(path), 0, 0, message);
}
