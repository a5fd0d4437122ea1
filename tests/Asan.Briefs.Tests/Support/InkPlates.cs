using System.Buffers.Binary;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// One page of a PDF separated into its process inks by Ghostscript (`-sDEVICE=tiffsep`, uncompressed,
/// 72 dpi so a pixel is a point). Each plate is 8-bit grey with 255 for no ink and 0 for full ink.
/// </summary>
public sealed class InkPlates
{
    private readonly Dictionary<string, (int Width, int Height, byte[] Pixels)> _plates = new(StringComparer.Ordinal);

    public static InkPlates Separate(byte[] pdf, int page)
    {
        var directory = Directory.CreateTempSubdirectory("asan-briefs-sep-").FullName;
        try
        {
            var input = Path.Combine(directory, "in.pdf");
            File.WriteAllBytes(input, pdf);
            ExternalTool.Run("gs", $"-q -dSAFER -dNOPAUSE -dBATCH -sDEVICE=tiffsep -sCompression=none -r72 -dFirstPage={page} -dLastPage={page} " +
                $"-sOutputFile=\"{Path.Combine(directory, "p.tif")}\" \"{input}\"");
            var plates = new InkPlates();
            foreach (var ink in new[] { "Cyan", "Magenta", "Yellow", "Black" })
                plates._plates[ink] = Read(File.ReadAllBytes(Path.Combine(directory, $"p({ink}).tif")));
            return plates;
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    public int Width => _plates["Black"].Width;
    public int Height => _plates["Black"].Height;

    /// <summary>How many pixels of <paramref name="ink"/>'s plate inside the box (pixels, top left origin) carry any ink.</summary>
    public int Inked(string ink, int x0, int y0, int x1, int y1)
    {
        var (width, height, pixels) = _plates[ink];
        var count = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(height, y1); y++)
        for (var x = Math.Max(0, x0); x < Math.Min(width, x1); x++)
            if (pixels[y * width + x] < 255) count++;
        return count;
    }

    /// <summary>A baseline TIFF with one 8-bit sample per pixel and no compression, as tiffsep writes its plates.</summary>
    private static (int, int, byte[]) Read(byte[] tiff)
    {
        var little = tiff[0] == (byte)'I';
        int U16(int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.AsSpan(at));
        int U32(int at) => (int)(little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.AsSpan(at)));
        var ifd = U32(4);
        var tags = new Dictionary<int, (int Type, int Count, int ValueAt)>();
        for (var i = 0; i < U16(ifd); i++)
        {
            var entry = ifd + 2 + i * 12;
            tags[U16(entry)] = (U16(entry + 2), U32(entry + 4), entry + 8);
        }
        int Value(int tag, int index = 0)
        {
            var (type, count, at) = tags[tag];
            var size = type == 3 ? 2 : 4;
            var where = count * size > 4 ? U32(at) + index * size : at + index * size;
            return size == 2 ? U16(where) : U32(where);
        }
        if (tags.TryGetValue(259, out _) && Value(259) != 1) throw new InvalidDataException("the plate is compressed; separate with -sCompression=none");
        int width = Value(256), height = Value(257);
        var pixels = new byte[width * height];
        var written = 0;
        for (var s = 0; s < tags[273].Count; s++)
        {
            var length = Math.Min(Value(279, s), pixels.Length - written);
            tiff.AsSpan(Value(273, s), length).CopyTo(pixels.AsSpan(written));
            written += length;
        }
        return (width, height, pixels);
    }
}
