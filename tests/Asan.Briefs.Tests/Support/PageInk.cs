using System.Text.RegularExpressions;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// One page of a PDF drawn by poppler (`pdftoppm -gray`, a binary PGM), to measure where ink is:
/// the blank between two words as the reader sees it, whatever the glyphs' boxes say.
/// </summary>
public sealed partial class PageInk
{
    private readonly byte[] _pixels;
    private readonly int _offset;

    private PageInk(byte[] pgm, double resolution)
    {
        var header = PgmHeader().Match(System.Text.Encoding.ASCII.GetString(pgm, 0, Math.Min(pgm.Length, 64)));
        if (!header.Success) throw new InvalidDataException("pdftoppm wrote no binary PGM");
        Width = int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Height = int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        _offset = header.Length;
        _pixels = pgm;
        PerPoint = resolution / 72;
    }

    public int Width { get; }
    public int Height { get; }
    /// <summary>Pixels per point.</summary>
    public double PerPoint { get; }

    public static PageInk Draw(byte[] pdf, int page, double resolution = 288)
    {
        var directory = Directory.CreateTempSubdirectory("asan-briefs-ink-").FullName;
        try
        {
            var input = Path.Combine(directory, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var output = Path.Combine(directory, "page");
            ExternalTool.Run("pdftoppm", $"-r {resolution} -gray -f {page} -l {page} -singlefile \"{input}\" \"{output}\"");
            return new PageInk(File.ReadAllBytes(output + ".pgm"), resolution);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    /// <summary>
    /// The width in points of the blank column band around x = <paramref name="at"/> (points from the
    /// left), looking only between <paramref name="top"/> and <paramref name="bottom"/> (points from
    /// the top) and no further than <paramref name="left"/> and <paramref name="right"/>; null when there is ink at x.
    /// </summary>
    public double? BlankAround(double at, double top, double bottom, double left, double right)
    {
        int y0 = (int)Math.Ceiling(top * PerPoint), y1 = (int)Math.Floor(bottom * PerPoint);
        int Px(double x) => Math.Clamp((int)Math.Round(x * PerPoint), 0, Width - 1);
        bool Inked(int x)
        {
            for (var y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
                if (_pixels[_offset + y * Width + x] < 160) return true;
            return false;
        }
        int mid = Px(at), min = Px(left), max = Px(right);
        if (Inked(mid)) return null;
        int l = mid, r = mid;
        while (l > min && !Inked(l - 1)) l--;
        while (r < max && !Inked(r + 1)) r++;
        return (r - l + 1) / PerPoint;
    }

    [GeneratedRegex(@"^P5\s+(\d+)\s+(\d+)\s+255\s")]
    private static partial Regex PgmHeader();
}
