using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// Edits made in the draft's XML the way Word makes them (a changed word in runs of its own, a split
/// paragraph, a deleted list item, a new footnote); exactly that change must arrive in the Markdown.
/// </summary>
public sealed class WordEditTests
{
    private const string Brief = Repository.FeatureTour;

    private static string Original => File.ReadAllText(ImportSupport.BodyPath(Brief, "en"));

    private static string Import(Action<MainDocumentPart> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(RenderedEditions.Docx(Brief, "en"));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            edit(document.MainDocumentPart!);
        }
        return ImportSupport.Markdown(Brief, ImportSupport.Read(Brief, "en", stream.ToArray()));
    }

    private static Paragraph ParagraphWith(MainDocumentPart main, string text) =>
        main.Document!.Body!.Descendants<Paragraph>()
            // The body's paragraph, not the contents entry with a heading's text.
            .Where(p => !(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "").StartsWith("TOC", StringComparison.Ordinal))
            .Single(p => p.InnerText.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void A_word_changed_inside_one_run_arrives_alone()
    {
        var markdown = Import(main =>
        {
            // Word splits the run around the edit: before, the new word (with its own rsid), after.
            var text = ParagraphWith(main, "Policy briefs often set out").Descendants<Text>().Single();
            var run = (Run)text.Parent!;
            var (before, after) = (text.Text[..text.Text.IndexOf("often", StringComparison.Ordinal)], text.Text[(text.Text.IndexOf("often", StringComparison.Ordinal) + 5)..]);
            text.Text = before;
            run.InsertAfterSelf(new Run(new Text(after) { Space = SpaceProcessingModeValues.Preserve }));
            run.InsertAfterSelf(new Run(new RunProperties(new NoProof()), new Text("usually")));
        });
        Assert.Equal(Original.Replace("Policy briefs often set out", "Policy briefs usually set out", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void A_paragraph_split_in_two_arrives_as_two_paragraphs()
    {
        var markdown = Import(main =>
        {
            var paragraph = ParagraphWith(main, "After the quotation, the text returns");
            var text = paragraph.Descendants<Text>().Single();
            var at = text.Text.IndexOf(" Like any paragraph", StringComparison.Ordinal);
            var second = (Paragraph)paragraph.CloneNode(true);
            second.Descendants<Text>().Single().Text = text.Text[(at + 1)..];
            text.Text = text.Text[..at];
            paragraph.InsertAfterSelf(second);
        });
        Assert.Equal(Original.Replace("authors’ own voice. Like any paragraph", "authors’ own voice.\n\nLike any paragraph", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void A_deleted_list_item_is_gone_and_nothing_else()
    {
        var markdown = Import(main => ParagraphWith(main, "Agree on an annual review of progress.").Remove());
        Assert.Equal(Original.Replace("  3. Agree on an annual review of progress.\n", "", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void A_new_footnote_arrives_with_a_new_label_in_its_place()
    {
        var markdown = Import(main =>
        {
            var paragraph = ParagraphWith(main, "Tables are simple grids");
            paragraph.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = 99 }));
            main.FootnotesPart!.Footnotes!.Append(new Footnote(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                    new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                    new Run(new Text(" A note added in Word.") { Space = SpaceProcessingModeValues.Preserve })))
            { Id = 99 });
        });
        var expected = Original
            .Replace("uses its own labels.\n", "uses its own labels.[^note-1]\n", StringComparison.Ordinal)
            .Replace("\n[^link-note]:", "\n[^note-1]: A note added in Word.\n\n[^link-note]:", StringComparison.Ordinal);
        Assert.Equal(expected, markdown);
    }
}
