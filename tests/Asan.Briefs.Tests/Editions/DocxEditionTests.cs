using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Editions;

/// <summary>The Word drafts the pipeline writes, as an editor receives them.</summary>
public class DocxEditionTests
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Drafts_name_the_theme_fonts_without_embedding_subsets(string id, string lang)
    {
        // Found by eye: LibreOffice shares embedded fonts by family name across a session, so a
        // subset embedded in one draft blanked the Hangul of a second draft converted beside it.
        using var docx = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(id, lang)), false);
        var fontTable = docx.MainDocumentPart!.FontTablePart!;
        Assert.Empty(fontTable.FontParts);
        var families = fontTable.Fonts!.Elements<Font>().Select(f => f.Name!.Value).ToList();
        // The families of the edition's language: Korean sets its Latin in lighter faces (theme.yaml languages.ko.fonts).
        foreach (var role in Repository.Theme.FontRoles)
        foreach (var script in new[] { Asan.Briefs.Theming.Script.Latin, Asan.Briefs.Theming.Script.Hangul })
            Assert.Contains(Repository.Theme.Face(role, script, false, false, lang).Family, families);
    }
}
