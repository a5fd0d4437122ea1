using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Parser;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Editions;

/// <summary>
/// A figure's image per language: chart.ko.png beside chart.png is what the Korean edition shows,
/// read back from the HTML (AngleSharp), the DOCX (Open XML SDK) and the PDF (PdfPig).
/// </summary>
public sealed class FigureLanguageTests
{
    private const string Figure = "\n\n^^^\n![A chart](chart.png \"Source: made up\")\n^^^ A chart\n";

    private static ScratchBrief BriefWithKoreanChart(byte[] korean)
    {
        var scratch = new ScratchBrief();
        File.Copy(MarkupSamples.Figure, Path.Combine(scratch.Directory, "chart.png"));
        File.WriteAllBytes(Path.Combine(scratch.Directory, "chart.ko.png"), korean);
        scratch.Write("body.en.md", ScratchBrief.English.Replace("- two", "- two" + Figure, StringComparison.Ordinal));
        scratch.Write("body.ko.md", ScratchBrief.Korean.Replace("- 둘", "- 둘" + Figure, StringComparison.Ordinal));
        return scratch;
    }

    [Fact]
    public void The_Korean_edition_shows_its_own_image_and_the_English_the_one_the_Markdown_names()
    {
        var korean = SolidPng(97, 61);
        using var scratch = BriefWithKoreanChart(korean);
        var brief = BriefReader.Read(scratch.Directory);
        var figure = Assert.Single(brief.AllBlocks.OfType<FigureBlock>());
        Assert.Equal("chart.png", Path.GetFileName(figure.ImageFor("en")));
        Assert.Equal("chart.ko.png", Path.GetFileName(figure.ImageFor("ko")));

        foreach (var (lang, file, width) in new[] { ("en", "chart.png", BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(MarkupSamples.Figure).AsSpan(16))), ("ko", "chart.ko.png", 97) })
        {
            var outputs = Repository.Publisher.Render(brief, lang, OutputFormat.All);
            byte[] Output(string suffix) => outputs.Single(o => o.RelativePath.EndsWith(suffix, StringComparison.Ordinal)).Bytes;

            var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Output($".{lang}.html")));
            Assert.Equal(file, html.QuerySelector("figure img")!.GetAttribute("src"));
            Assert.Contains(outputs, o => o.RelativePath.EndsWith("/" + file, StringComparison.Ordinal));

            using var stream = new MemoryStream(Output($".{lang}.docx"));
            using var doc = WordprocessingDocument.Open(stream, false);
            var media = Assert.Single(doc.MainDocumentPart!.ImageParts);
            using var mediaStream = media.GetStream();
            using var copy = new MemoryStream();
            mediaStream.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(scratch.Directory, file)), copy.ToArray());

            using var pdf = PdfDocument.Open(Output($".{lang}.pdf"));
            var image = Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
            Assert.Equal(width, image.WidthInSamples);
        }
    }

    [Fact]
    public void The_tour_s_Korean_edition_shows_a_Korean_chart_drawn_from_the_data_both_alt_texts_give()
    {
        var figure = Assert.Single(Repository.Brief(Repository.FeatureTour).AllBlocks.OfType<FigureBlock>());
        Assert.Equal("figure-trade.ko.png", Path.GetFileName(figure.ImageFor("ko")));
        var english = File.ReadAllBytes(figure.ImageFor("en"));
        var korean = File.ReadAllBytes(figure.ImageFor("ko"));
        Assert.NotEqual(english, korean);
        // Same canvas (IHDR width and height), so the two editions give the chart the same room.
        Assert.Equal(english.AsSpan(16, 8).ToArray(), korean.AsSpan(16, 8).ToArray());

        // scripts/figure-trade.cs draws both charts from one table; it must be the data the alt texts state.
        var script = File.ReadAllText(Path.Combine(Repository.Root, "scripts", "figure-trade.cs"));
        var drawn = System.Text.RegularExpressions.Regex.Matches(script, @"\((\d{4}), (\d+)\)").Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(8, drawn.Count);
        foreach (var lang in new[] { "en", "ko" })
        {
            var alt = figure.Alt[lang];
            var stated = System.Text.RegularExpressions.Regex.Matches(alt[(alt.LastIndexOf(':') + 1)..], @"\d+").Select(m => m.Value).ToList();
            Assert.Equal(stated, drawn);

            using var stream = new MemoryStream(RenderedEditions.Docx(Repository.FeatureTour, lang));
            using var doc = WordprocessingDocument.Open(stream, false);
            using var media = Assert.Single(doc.MainDocumentPart!.ImageParts).GetStream();
            using var copy = new MemoryStream();
            media.CopyTo(copy);
            Assert.Equal(lang == "ko" ? korean : english, copy.ToArray());
        }
    }

    [Fact]
    public void A_Korean_image_that_is_not_a_png_is_an_error_at_the_Korean_figure()
    {
        using var scratch = BriefWithKoreanChart("not a png"u8.ToArray());
        var problem = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics.Single(d => d.Message.Contains("chart.ko.png", StringComparison.Ordinal));
        Assert.EndsWith("body.ko.md", problem.File, StringComparison.Ordinal);
        Assert.True(problem.Line > 1 && problem.Column >= 1, $"{problem.Line}:{problem.Column}");
    }

    /// <summary>An 8-bit RGB PNG of one colour, written here so the test needs no image tool.</summary>
    private static byte[] SolidPng(int width, int height)
    {
        var raw = new byte[(width * 3 + 1) * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                raw.AsSpan(y * (width * 3 + 1) + 1 + x * 3, 3).Fill((byte)(x * 2));
        using var z = new MemoryStream();
        using (var deflate = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(raw);
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", z.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
