using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Latin in Korean text is set in the lighter face the theme names for it (languages.ko.fonts), whose
/// stems match the Hangul beside it, in all three outputs; English keeps the role's own face. Read back
/// with PdfPig, the Open XML SDK and AngleSharp.
/// </summary>
public class LatinBesideHangulTests
{
    private static readonly Theme Theme = ThemeLoader.Load(Path.Combine(Repository.Root, "templates"));

    private static string FileOf(string lang, bool bold = false, bool italic = false) =>
        Path.GetFileNameWithoutExtension(Theme.Face("serif", Script.Latin, bold, italic, lang).Path);

    [Fact]
    public void The_Korean_serif_Latin_is_a_lighter_face_than_the_English()
    {
        Assert.NotEqual(FileOf("en"), FileOf("ko"));
        // Its bold is no darker than the role's regular: bold Hangul stems are about as wide as regular Latin ones.
        Assert.Equal(FileOf("en"), FileOf("ko", bold: true));
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Pdf_serif_Latin_letters_are_in_the_face_of_their_language(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var serifLatin = pdf.GetPages().SelectMany(p => p.Letters)
            .Where(l => l.Value.Length == 1 && char.IsAsciiLetter(l.Value[0]) && l.FontName?.Contains("NotoSerif", StringComparison.Ordinal) == true)
            .Select(l => l.FontName![(l.FontName!.IndexOf('+') + 1)..]).ToList();
        var allowed = new[] { (false, false), (true, false), (false, true), (true, true) }.Select(f => FileOf(lang, f.Item1, f.Item2)).ToHashSet();
        Assert.Contains(FileOf(lang), serifLatin);
        var wrong = serifLatin.Where(f => !allowed.Contains(f)).Distinct().ToList();
        Assert.True(wrong.Count == 0, $"{lang} Latin set in {string.Join(", ", wrong)}; the theme gives {string.Join(", ", allowed)}");
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Docx_body_Latin_names_the_family_of_its_language(string id, string lang)
    {
        using var stream = new MemoryStream(RenderedEditions.Docx(id, lang));
        using var doc = WordprocessingDocument.Open(stream, false);
        var family = Theme.Face("serif", Script.Latin, false, false, lang).Family;
        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(family, defaults.Ascii?.Value);
        Assert.Equal(family, defaults.HighAnsi?.Value);
        var table = doc.MainDocumentPart.FontTablePart!.Fonts!.Elements<DocumentFormat.OpenXml.Wordprocessing.Font>().Select(f => f.Name?.Value).ToList();
        Assert.Contains(family, table);
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Html_body_stack_starts_with_the_Latin_face_of_its_language(string id, string lang)
    {
        var files = RenderedEditions.Files(id, lang);
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        var face = Theme.Face("serif", Script.Latin, false, false, lang);
        var body = Regex.Match(css, @"\nbody \{[^}]*?font-family: ""([^""]+)""").Groups[1].Value;
        Assert.Equal(face.Family, body);
        // The regular @font-face of that family is a subset of the theme's file, and the page ships it.
        var src = Regex.Match(css, $@"@font-face \{{\s*font-family: ""{Regex.Escape(face.Family)}"";\s*src: url\(""[^""]*fonts/([^""/]+)""\)[^}}]*font-weight: 400;\s*font-style: normal;");
        Assert.True(src.Success, $"no regular @font-face for {face.Family}");
        Assert.StartsWith(Path.GetFileNameWithoutExtension(face.Path) + ".", src.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains(files, f => f.RelativePath == "fonts/" + src.Groups[1].Value);
    }
}
