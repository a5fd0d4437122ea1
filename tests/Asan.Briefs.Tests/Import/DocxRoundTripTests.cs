using Asan.Briefs.Tests.Support;
using Xunit;

namespace Asan.Briefs.Tests.Import;

public sealed class DocxRoundTripTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(Editions))]
    public void Export_then_import_gives_the_body_byte_for_byte(string briefId, string lang) =>
        AssertImportsExactly(briefId, lang, RenderedEditions.Docx(briefId, lang));

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_draft_resaved_by_LibreOffice_imports_to_the_same_body(string briefId, string lang) =>
        AssertImportsExactly(briefId, lang, ImportSupport.ResavedByLibreOffice(briefId, lang));

    private static void AssertImportsExactly(string briefId, string lang, byte[] docx)
    {
        var draft = ImportSupport.Read(briefId, lang, docx);
        Assert.Equal(File.ReadAllText(ImportSupport.BodyPath(briefId, lang)), ImportSupport.Markdown(briefId, draft));
        Assert.Empty(draft.Changes);
        Assert.Empty(draft.NewImages);
        Assert.Empty(draft.Notices);
    }
}
