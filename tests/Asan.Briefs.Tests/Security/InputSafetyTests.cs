using System.Buffers.Binary;
using System.Diagnostics;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Images;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Security;

/// <summary>
/// A brief reads only regular files inside its folder, and every figure is a whole, valid PNG within
/// the size cap; anything else is an error at the Markdown line that cites the file.
/// </summary>
public class InputSafetyTests
{
    private static readonly byte[] GoodPng = File.ReadAllBytes(MarkupSamples.Figure);

    /// <summary>The scratch brief with a figure citing <paramref name="file"/> in both languages; returns the English figure's line.</summary>
    private static int WithFigure(ScratchBrief scratch, string file)
    {
        var figure = $"\n^^^\n![A chart.]({file} \"Source: test\")\n^^^ A chart\n";
        scratch.Write("body.en.md", ScratchBrief.English.Replace("- one", figure + "\n- one"));
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("- 하나", figure.Replace("A chart", "도표") + "\n- 하나"));
        return File.ReadAllLines(Path.Combine(scratch.Directory, "body.en.md")).ToList().FindIndex(l => l.StartsWith("![", StringComparison.Ordinal)) + 1;
    }

    private static Diagnostic EnglishProblem(ScratchBrief scratch)
    {
        var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
        return error.Diagnostics.First(d => d.File.EndsWith("body.en.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_figure_linked_to_a_file_outside_the_folder_is_refused_at_its_line()
    {
        using var scratch = new ScratchBrief();
        var line = WithFigure(scratch, "leak.png");
        File.CreateSymbolicLink(Path.Combine(scratch.Directory, "leak.png"), "/etc/passwd");
        var problem = EnglishProblem(scratch);
        Assert.Equal(line, problem.Line);
        Assert.Contains("outside the brief's folder", problem.Message);
    }

    [Fact]
    public void A_figure_linked_to_a_valid_png_outside_the_folder_is_refused_too()
    {
        using var scratch = new ScratchBrief();
        var line = WithFigure(scratch, "chart.png");
        File.CreateSymbolicLink(Path.Combine(scratch.Directory, "chart.png"), MarkupSamples.Figure);
        var problem = EnglishProblem(scratch);
        Assert.Equal(line, problem.Line);
        Assert.Contains("outside the brief's folder", problem.Message);
    }

    [Fact]
    public void A_link_inside_the_folder_is_followed()
    {
        using var scratch = new ScratchBrief();
        WithFigure(scratch, "chart.png");
        File.WriteAllBytes(Path.Combine(scratch.Directory, "real.png"), GoodPng);
        File.CreateSymbolicLink(Path.Combine(scratch.Directory, "chart.png"), "real.png");
        BriefReader.Read(scratch.Directory);
    }

    [Fact]
    public void A_fifo_named_png_is_refused_without_being_read()
    {
        using var scratch = new ScratchBrief();
        var line = WithFigure(scratch, "pipe.png");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(scratch.Directory, "pipe.png"))) mkfifo.WaitForExit();
        var problem = EnglishProblem(scratch);
        Assert.Equal(line, problem.Line);
        Assert.Contains("not a regular file", problem.Message);
    }

    public static IEnumerable<object[]> BadPngs()
    {
        yield return ["text named .png", System.Text.Encoding.UTF8.GetBytes("not an image\n"), "not a PNG image"];
        yield return ["cut short", GoodPng[..(GoodPng.Length / 2)], "cut short"];
        var flipped = (byte[])GoodPng.Clone();
        flipped[GoodPng.Length / 2] ^= 0xFF; // inside the image data
        yield return ["a flipped byte", flipped, "CRC"];
        yield return ["20000×20000", Huge(20000, 20000), "megapixels"];
        yield return ["bytes after IEND", (byte[])[.. GoodPng, 1, 2, 3], "after its IEND"];
    }

    [Theory]
    [MemberData(nameof(BadPngs))]
    public void A_bad_png_is_an_error_at_the_line_citing_it(string what, byte[] bytes, string expected)
    {
        using var scratch = new ScratchBrief();
        var line = WithFigure(scratch, "chart.png");
        File.WriteAllBytes(Path.Combine(scratch.Directory, "chart.png"), bytes);
        var problem = EnglishProblem(scratch);
        Assert.Equal(line, problem.Line);
        Assert.True(problem.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {problem.Message}");
        Assert.Contains("chart.png", problem.Message);
    }

    [Fact]
    public void A_valid_png_reads_with_its_header_values()
    {
        var image = PngImage.Read("figure-trade.png", GoodPng);
        Assert.Equal(BinaryPrimitives.ReadInt32BigEndian(GoodPng.AsSpan(16)), image.PixelWidth);
        Assert.Equal(BinaryPrimitives.ReadInt32BigEndian(GoodPng.AsSpan(20)), image.PixelHeight);
        Assert.Equal(GoodPng, image.Bytes);
    }

    [Fact]
    public void The_fingerprint_of_a_brief_skips_a_link_to_a_device()
    {
        using var scratch = new ScratchBrief();
        File.CreateSymbolicLink(Path.Combine(scratch.Directory, "zero.png"), "/dev/zero");
        var console = new Spectre.Console.Testing.TestConsole();
        var options = new Asan.Briefs.Cli.Commands.BuildOptions([], Asan.Briefs.Cli.Pipeline.OutputFormat.Html, [], Force: false);
        Assert.Equal(0, Asan.Briefs.Cli.Commands.BuildCommand.Run(scratch.Workspace, options, console));
    }

    /// <summary>A valid PNG header claiming <paramref name="width"/>×<paramref name="height"/> pixels, with a tiny (wrong) body.</summary>
    private static byte[] Huge(int width, int height)
    {
        var png = (byte[])GoodPng.Clone();
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        // Keep the header's CRC right, so the size is what is refused.
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }
}
