using System.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// Headings and paragraphs that introduce what follows (they end with a colon) stay on the page of
/// the block after them: read back with PdfPig, the end of each such block and the start of its
/// follower are on one page; in Word the same paragraphs carry keepNext (Open XML SDK).
/// </summary>
public sealed class KeepWithNextTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    /// <summary>Blocks with text in reading order, each with whether it keeps with the next.</summary>
    private static List<(string Text, bool Keeps, string Kind)> Leaves(string id, string lang)
    {
        var document = RenderedEditions.PrintDocument(id, lang);
        var leaves = new List<(string, bool, string)>();
        foreach (var block in PrintWalker.Descendants(document.Blocks))
        {
            if (block is not (PrintParagraph or PrintHeading or PrintTable or PrintFigure)) continue;
            var text = string.Concat(PrintWalker.InlineSequences(block).Select(PrintWalker.PlainText));
            if (text.Trim().Length == 0) continue;
            // Read from the text, not from the markup's keep-with-next, so that the test does not take the rule from the code it checks.
            var colon = block is PrintParagraph && text.TrimEnd() is { Length: > 0 } t && t[^1] is ':' or '：';
            var keeps = colon || (block is PrintHeading && Repository.Theme.Style(block.Style, lang).KeepWithNext);
            leaves.Add((text, keeps, block is PrintHeading ? "heading" : colon ? "colon paragraph" : "block"));
        }
        return leaves;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00AD'));

    [Theory]
    [MemberData(nameof(Editions))]
    public void No_heading_or_colon_paragraph_ends_a_page_before_its_follower(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var text = new StringBuilder();
        var pageOf = new List<int>();
        foreach (var page in pdf.GetPages())
            foreach (var letter in page.Letters)
            {
                var value = Squeeze(letter.Value);
                text.Append(value);
                pageOf.AddRange(Enumerable.Repeat(page.Number, value.Length));
            }
        var all = text.ToString();

        var leaves = Leaves(id, lang);
        var checkedPairs = 0;
        var cursor = 0;
        var problems = new List<string>();
        for (var i = 0; i < leaves.Count; i++)
        {
            var start = Squeeze(leaves[i].Text);
            var at = all.IndexOf(start[..Math.Min(8, start.Length)], cursor, StringComparison.Ordinal);
            if (at < 0) continue; // page furniture written differently (running heads), not a flow block
            var end = start[^Math.Min(8, start.Length)..];
            var endAt = all.IndexOf(end, at, StringComparison.Ordinal);
            cursor = at + 1;
            if (!leaves[i].Keeps || i + 1 >= leaves.Count || endAt < 0) continue;
            var next = Squeeze(leaves[i + 1].Text);
            var nextAt = all.IndexOf(next[..Math.Min(8, next.Length)], endAt, StringComparison.Ordinal);
            if (nextAt < 0) continue;
            checkedPairs++;
            var endPage = pageOf[endAt + end.Length - 1];
            if (endPage != pageOf[nextAt])
                problems.Add($"{leaves[i].Kind} \"…{leaves[i].Text[^Math.Min(40, leaves[i].Text.Length)..]}\" ends page {endPage}; \"{leaves[i + 1].Text[..Math.Min(30, leaves[i + 1].Text.Length)]}…\" starts page {pageOf[nextAt]}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(checkedPairs >= 2, $"only {checkedPairs} kept pairs found in the PDF");
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Word_keeps_each_colon_paragraph_with_the_next(string id, string lang)
    {
        using var stream = new MemoryStream(RenderedEditions.Docx(id, lang));
        using var doc = WordprocessingDocument.Open(stream, false);
        var colon = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Where(p => p.InnerText.TrimEnd() is { Length: > 0 } t && t[^1] is ':' or '：').ToList();
        var expected = Leaves(id, lang).Count(l => l.Kind == "colon paragraph");
        Assert.Equal(expected, colon.Count);
        Assert.All(colon, p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
    }
}
