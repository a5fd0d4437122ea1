using Asan.Briefs.Docx.Import;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

public sealed class DraftProblemTests
{
    [Fact]
    public void A_file_that_is_not_a_Word_document_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<DraftException>(() => ImportSupport.Read(Repository.FeatureTour, "en", "PK\u0003\u0004 not really a zip"u8.ToArray()));
        Assert.Contains("not a Word document", e.Message);
    }

    [Fact]
    public void A_truncated_draft_is_refused()
    {
        var docx = RenderedEditions.Docx(Repository.FeatureTour, "en");
        var e = Assert.Throws<DraftException>(() => ImportSupport.Read(Repository.FeatureTour, "en", docx[..(docx.Length / 2)]));
        Assert.Contains("error:", e.Message);
    }

    [Fact]
    public void A_Word_document_that_is_not_a_brief_draft_is_refused()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("A letter to a friend.")))));
        }
        var e = Assert.Throws<DraftException>(() => ImportSupport.Read(Repository.FeatureTour, "en", stream.ToArray()));
        Assert.Contains("not a Word draft of a brief", e.Message);
    }
}
