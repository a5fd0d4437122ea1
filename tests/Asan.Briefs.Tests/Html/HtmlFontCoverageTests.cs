using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using Asan.Briefs.Fonts;

namespace Asan.Briefs.Tests.Html;

/// <summary>
/// Every character a page shows is in one of the theme's fonts, so the web edition never falls back
/// to whatever fonts the reader's machine has.
/// </summary>
[Collection(HtmlCollection.Name)]
public sealed class HtmlFontCoverageTests(HtmlFixture fixture)
{
    [Theory, MemberData(nameof(HtmlEditionTests.Editions), MemberType = typeof(HtmlEditionTests))]
    public void Every_character_of_the_page_is_in_a_theme_font(string id, string lang)
    {
        var fonts = fixture.Theme.FontFiles().Select(FontLibrary.Shared.Get).ToList();
        var document = new HtmlParser().ParseDocument(fixture.Html(id, lang));
        var text = document.Body!.TextContent + document.Title;
        var missing = text.EnumerateRunes()
            .Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r))
            .Select(r => r.Value).Distinct()
            .Where(cp => !fonts.Any(f => f.HasGlyph(cp)))
            .Select(cp => $"U+{cp:X4} '{char.ConvertFromUtf32(cp)}' ({CharUnicodeInfo.GetUnicodeCategory(cp)})")
            .ToList();
        Assert.True(missing.Count == 0,
            $"{id}.{lang}.html shows characters no theme font has, so browsers take them from the reader's system fonts: {string.Join(", ", missing)}. " +
            "Add a face with these characters to templates/fonts/ and theme.yaml, or change the content.");
    }
}
