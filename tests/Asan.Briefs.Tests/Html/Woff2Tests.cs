using System.Buffers.Binary;
using System.Text;
using Asan.Briefs.Fonts;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Html;

/// <summary>
/// The WOFF2 web fonts, read back by Google's reference decoder (Debian's woff2 package, which
/// .ci/run installs): each decodes, and with the null transform every table comes back exactly as
/// the subset had it.
/// </summary>
[Collection(HtmlCollection.Name)]
public sealed class Woff2Tests(HtmlFixture fixture)
{
    [Fact]
    public void A_font_decodes_to_the_same_tables()
    {
        var sfnt = File.ReadAllBytes(Path.Combine(fixture.Theme.FontsDirectory, "NotoSans-Regular.ttf"));
        var subset = FontSubsetter.SubsetUnicodes(FontLibrary.Shared.Get(Path.Combine(fixture.Theme.FontsDirectory, "NotoSans-Regular.ttf")),
            FontSubsetter.CodepointsOf("Korea–Japan relations, “fi” ffl 2022"), dropHinting: true);
        foreach (var font in new[] { sfnt, subset })
        {
            var woff2 = Woff2Writer.Write(font);
            Assert.True(woff2.Length < font.Length * 0.7, $"WOFF2 is {woff2.Length} bytes for a {font.Length}-byte font");
            var decoded = Decode(woff2);
            var original = Tables(font);
            var roundTrip = Tables(decoded);
            Assert.Equal(original.Keys.Where(t => t != "DSIG").Order(StringComparer.Ordinal), roundTrip.Keys.Order(StringComparer.Ordinal));
            foreach (var (tag, bytes) in roundTrip)
            {
                var expected = original[tag];
                // head.checkSumAdjustment (bytes 8–11) is the decoder's to recompute for the file it writes.
                if (tag == "head") { expected = [.. expected]; var copy = bytes.ToArray(); expected.AsSpan(8, 4).Clear(); copy.AsSpan(8, 4).Clear(); Assert.Equal(expected, copy); }
                else Assert.True(expected.AsSpan().SequenceEqual(bytes), $"table '{tag}' changed in the round trip");
            }
        }
    }

    [Fact]
    public void Every_web_font_of_every_page_decodes_and_maps_the_page_text()
    {
        foreach (var ((id, lang), outputs) in fixture.Outputs)
        foreach (var (path, bytes) in outputs.Where(o => o.RelativePath.EndsWith(".woff2", StringComparison.Ordinal)))
        {
            Assert.Equal("wOF2", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal(bytes.Length, (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8)));
            var info = ExternalTool.RunOnFile("woff2_info", "{file}", bytes, "woff2");
            Assert.Contains("glyf", info, StringComparison.Ordinal);
            var decoded = Decode(bytes);
            Assert.Contains("cmap", Tables(decoded).Keys);
            Assert.True(decoded.Length > bytes.Length, $"{id}.{lang}: {path} does not compress");
        }
    }

    /// <summary>woff2_decompress writes &lt;name&gt;.ttf beside &lt;name&gt;.woff2.</summary>
    private static byte[] Decode(byte[] woff2)
    {
        var folder = Directory.CreateTempSubdirectory("asan-woff2-");
        try
        {
            var input = Path.Combine(folder.FullName, "font.woff2");
            File.WriteAllBytes(input, woff2);
            ExternalTool.Run("woff2_decompress", $"\"{input}\"");
            return File.ReadAllBytes(Path.Combine(folder.FullName, "font.ttf"));
        }
        finally { folder.Delete(recursive: true); }
    }

    /// <summary>An sfnt's tables by tag, read from its table directory.</summary>
    private static Dictionary<string, byte[]> Tables(byte[] sfnt)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int count = BinaryPrimitives.ReadUInt16BigEndian(sfnt.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = sfnt.AsSpan(12 + 16 * i, 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[Encoding.ASCII.GetString(record[..4])] = sfnt.AsSpan(offset, length).ToArray();
        }
        return tables;
    }
}
