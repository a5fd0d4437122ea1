using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Font = DocumentFormat.OpenXml.Wordprocessing.Font;
using Script = Asan.Briefs.Theming.Script;
using Hb = HarfBuzzSharp;
using Xunit;

namespace Asan.Briefs.Tests.Docx;

/// <summary>What a draft gives an editor on a machine without the theme's fonts, and the style names they see.</summary>
public sealed class DocxEditorFriendlinessTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_font_has_its_fallback_panose_and_signature_from_the_font_file(string briefId, string lang)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(briefId, lang)), false);
        var fonts = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        var theme = Repository.Theme;
        foreach (var role in theme.FontRoles)
        {
            foreach (var script in new[] { Script.Latin, Script.Hangul })
            {
                var face = theme.Face(role, script, false, false, lang);
                var font = fonts[face.Family];
                Assert.Equal(theme.Fallback(role, script, lang), font.AltName?.Val?.Value);
                Assert.Equal(script == Script.Hangul ? "81" : "00", font.FontCharSet?.Val?.Value);
                Assert.NotNull(font.FontFamily);
                Assert.NotNull(font.Pitch);
                Assert.Empty(font.Elements<EmbedRegularFont>());

                // HarfBuzz reads the OS/2 table: PANOSE at 32, Unicode ranges at 42, code pages at 78.
                using var blob = Hb.Blob.FromFile(face.Path);
                using var hbFace = new Hb.Face(blob, 0);
                using var os2 = hbFace.ReferenceTable(Hb.Tag.Parse("OS/2"));
                var table = os2.AsSpan().ToArray();
                Assert.Equal(Convert.ToHexString(table, 32, 10), font.Panose1Number?.Val?.Value);
                Assert.Equal(Convert.ToHexString(table, 42, 4), font.FontSignature?.UnicodeSignature0?.Value);
                Assert.Equal(Convert.ToHexString(table, 78, 4), font.FontSignature?.CodePageSignature0?.Value);
            }
        }
        Assert.Equal("Batang", fonts["NanumMyeongjo"].AltName?.Val?.Value);
        Assert.Equal("Malgun Gothic", fonts["NanumGothic"].AltName?.Val?.Value);
    }

    [Fact]
    public void Custom_styles_have_readable_names_and_the_ids_they_always_had()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(Repository.FeatureTour, "en")), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value);
        Assert.Equal("Series Label", styles["Series"]);
        Assert.Equal("Brief Metadata", styles["Meta"]);
        Assert.Equal("Table Text", styles["TableCell"]);
        Assert.Equal("Table Heading", styles["TableHeader"]);
        Assert.DoesNotContain(styles.Values, name => name!.Contains('-', StringComparison.Ordinal));
    }
}
