using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Footnote = DocumentFormat.OpenXml.Wordprocessing.Footnote;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// The writer numbers Word's footnotes from its own counter, in order of first citation. Those ids must
/// match the note numbers the resolution gave (the PDF's marks), stay the same from one build to the
/// next, and, after import, each id must come back as the label of the note it was written for, also
/// when LibreOffice or Word has numbered the notes again.
/// </summary>
public sealed class FootnoteIdTests
{
    // The seed brief has no notes; the feature tour has them in both languages.
    public static IEnumerable<object[]> Editions() => RenderedEditions.All().Where(e => (string)e[0] == Repository.FeatureTour);

    private static List<(long Id, string Text)> Footnotes(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var notes = main.FootnotesPart!.Footnotes!.Elements<Footnote>().ToDictionary(f => f.Id!.Value);
        return main.Document!.Body!.Descendants<FootnoteReference>().Select(r => r.Id!.Value).Distinct()
            .Select(id => (id, string.Concat(notes[id].Descendants<Text>().Select(t => t.Text)).Trim())).ToList();
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Footnote_ids_count_from_one_in_citation_order_and_match_the_note_numbers(string briefId, string lang)
    {
        var notes = RenderedEditions.PrintDocument(briefId, lang).Notes().ToList();
        var footnotes = Footnotes(RenderedEditions.Docx(briefId, lang));
        Assert.NotEmpty(notes);
        Assert.Equal(Enumerable.Range(1, notes.Count).Select(n => (long)n), footnotes.Select(f => f.Id));
        Assert.Equal(Enumerable.Range(1, notes.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), notes.Select(n => n.Mark));
        Assert.Equal(notes.Select(n => string.Join(" ", n.Paragraphs.Select(p => PrintWalker.PlainText(p.Inlines)))), footnotes.Select(f => f.Text));
    }

    [Fact]
    public void Footnote_ids_are_the_same_in_a_second_build()
    {
        var publisher = new Asan.Briefs.Cli.Pipeline.Publisher(Asan.Briefs.Cli.Pipeline.Workspace.At(Repository.Root), new Asan.Briefs.Templating.BuildStamp(null));
        var again = publisher.Render(BriefReader.Read(Path.Combine(Repository.Content, Repository.FeatureTour)), "ko", Asan.Briefs.Cli.Pipeline.OutputFormat.Docx)
            .Single(f => f.RelativePath.EndsWith(".docx", StringComparison.Ordinal)).Bytes;
        Assert.Equal(Footnotes(RenderedEditions.Docx(Repository.FeatureTour, "ko")), Footnotes(again));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Each_footnote_comes_back_as_its_own_label_after_LibreOffice_and_Word_renumber_them(string briefId, string lang)
    {
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(Path.Combine(Repository.Content, briefId), lang, ImportSupport.BodyPath(briefId, lang), problems);
        var texts = body.ReferenceOrder.Select(label => string.Join(" ", body.Footnotes.Single(f => f.Label == label).Paragraphs.Select(Inlines.PlainText))).ToList();
        // As Word shows them: a cross-reference is its number word there ("Figure 1").
        var printed = RenderedEditions.PrintDocument(briefId, lang).Notes().Select(n => string.Join(" ", n.Paragraphs.Select(p => PrintWalker.PlainText(p.Inlines)))).ToList();
        var resaved = ImportSupport.ResavedByLibreOffice(briefId, lang);
        foreach (var docx in new[] { RenderedEditions.Docx(briefId, lang), resaved, WordSavedDraftTests.SavedByWord(RenderedEditions.Docx(briefId, lang)) })
        {
            var draft = ImportSupport.Read(briefId, lang, docx).Body;
            Assert.Equal(body.ReferenceOrder, draft.ReferenceOrder);
            // The note written as the k-th footnote holds the text of the k-th label, whatever id it has now.
            Assert.Equal(printed, Footnotes(docx).Select(f => f.Text));
            Assert.Equal(texts, draft.ReferenceOrder.Select(label => string.Join(" ", draft.Footnotes.Single(f => f.Label == label).Paragraphs.Select(Inlines.PlainText))));
        }
        // LibreOffice gives the notes ids of its own: the labels above did not come from the ids.
        Assert.NotEqual(Footnotes(RenderedEditions.Docx(briefId, lang)).Select(f => f.Id), Footnotes(resaved).Select(f => f.Id));
    }
}
