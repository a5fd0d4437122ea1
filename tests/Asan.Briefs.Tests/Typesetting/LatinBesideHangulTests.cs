using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Latin in Korean text is set in the lighter faces the theme names for it (languages.ko.fonts), whose
/// stems match the Hangul beside them, for every role (serif, sans, mono), in all three outputs; English
/// keeps the role's own faces. Read back with PdfPig, the Open XML SDK and AngleSharp.
/// </summary>
public class LatinBesideHangulTests
{
    private static readonly Theme Theme = ThemeLoader.Load(Path.Combine(Repository.Root, "templates"));
    private static readonly (bool Bold, bool Italic)[] Slots = [(false, false), (true, false), (false, true), (true, true)];

    public static IEnumerable<object[]> Roles() => Theme.FontRoles.Select(r => new object[] { r });

    private static string FileOf(string role, string lang, bool bold = false, bool italic = false) =>
        Path.GetFileNameWithoutExtension(Theme.Face(role, Script.Latin, bold, italic, lang).Path);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_role_sets_its_Korean_Latin_in_a_lighter_face_than_the_English(string role)
    {
        Assert.NotEqual(FileOf(role, "en"), FileOf(role, "ko"));
        Assert.NotEqual(FileOf(role, "en", bold: true), FileOf(role, "ko", bold: true));
        // The Korean faces are a family of their own, so Word and the page ask for them by name.
        Assert.NotEqual(Theme.Face(role, Script.Latin, false, false, "en").Family, Theme.Face(role, Script.Latin, false, false, "ko").Family);
    }

    [Fact]
    public void The_Korean_serif_bold_is_no_darker_than_the_English_regular()
    {
        // Bold Hangul stems (NanumMyeongjo Bold 94) are about as wide as regular Latin ones (Noto Serif 94).
        Assert.Equal(FileOf("serif", "en"), FileOf("serif", "ko", bold: true));
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Pdf_Latin_letters_are_in_the_faces_of_their_language_for_every_role(string id, string lang)
    {
        // Every Latin face file of a role, in either language, names that role; a letter set in one of them
        // must be in a face of its own language.
        var roleOf = new Dictionary<string, string>();
        foreach (var role in Theme.FontRoles)
        foreach (var l in new[] { "en", "ko" })
        foreach (var (bold, italic) in Slots)
            roleOf.TryAdd(FileOf(role, l, bold, italic), role);
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var latin = pdf.GetPages().SelectMany(p => p.Letters)
            .Where(l => l.Value.Length == 1 && char.IsAsciiLetter(l.Value[0]))
            .Select(l => l.FontName![(l.FontName!.IndexOf('+') + 1)..])
            .Where(roleOf.ContainsKey).ToList();
        var wrong = latin.Where(f => !Slots.Select(s => FileOf(roleOf[f], lang, s.Bold, s.Italic)).Contains(f)).Distinct().ToList();
        Assert.True(wrong.Count == 0, $"{lang} Latin set in {string.Join(", ", wrong)}, not the faces the theme gives {lang}");
        // The body's and the headings' roles both set Latin letters in every edition.
        foreach (var role in new[] { "serif", "sans" })
            Assert.Contains(FileOf(role, lang), latin);
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Docx_styles_name_the_Latin_family_of_their_role_and_language(string id, string lang)
    {
        using var stream = new MemoryStream(RenderedEditions.Docx(id, lang));
        using var doc = WordprocessingDocument.Open(stream, false);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var family = Theme.Face("serif", Script.Latin, false, false, lang).Family;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(family, defaults.Ascii?.Value);
        Assert.Equal(family, defaults.HighAnsi?.Value);
        var table = doc.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().Select(f => f.Name?.Value).ToList();
        foreach (var role in Theme.FontRoles)
            Assert.Contains(Theme.Face(role, Script.Latin, false, false, lang).Family, table);
        // A heading (sans) and the code style (mono) name their role's Latin family of this language.
        foreach (var (styleId, role) in new[] { ("Heading1", Theme.Style("heading1", lang).FontRole), ("HTMLCode", Theme.CodeFontRole) })
        {
            var fonts = styles.Elements<Style>().Single(s => s.StyleId == styleId).StyleRunProperties!.RunFonts!;
            Assert.Equal(Theme.Face(role, Script.Latin, false, false, lang).Family, fonts.Ascii?.Value);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedEditions.All), MemberType = typeof(RenderedEditions))]
    public void Html_stacks_start_with_the_Latin_face_of_their_language(string id, string lang)
    {
        var files = RenderedEditions.Files(id, lang);
        var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(RenderedEditions.File(id, lang, "html")));
        var css = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        var face = Theme.Face("serif", Script.Latin, false, false, lang);
        var body = Regex.Match(css, @"\nbody \{[^}]*?font-family: ""([^""]+)""").Groups[1].Value;
        Assert.Equal(face.Family, body);
        // The regular @font-face of each role's family is a subset of the theme's file, and the page ships it.
        foreach (var role in Theme.FontRoles.Where(r => r != Theme.CodeFontRole || page.QuerySelector("code") is not null))
        {
            var regular = Theme.Face(role, Script.Latin, false, false, lang);
            var src = Regex.Match(css, $@"@font-face \{{\s*font-family: ""{Regex.Escape(regular.Family)}"";\s*src: url\(""[^""]*fonts/([^""/]+)""\)[^}}]*font-weight: 400;\s*font-style: normal;");
            Assert.True(src.Success, $"no regular @font-face for {regular.Family}");
            Assert.StartsWith(Path.GetFileNameWithoutExtension(regular.Path) + ".", src.Groups[1].Value, StringComparison.Ordinal);
            Assert.Contains(files, f => f.RelativePath == "fonts/" + src.Groups[1].Value);
        }
    }
}
