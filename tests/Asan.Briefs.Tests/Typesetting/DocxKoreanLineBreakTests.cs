using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit.Abstractions;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// KLREQ line breaking in the Korean drafts, checked on a layout of them: LibreOffice lays each Korean DOCX out (converted
/// to PDF with the theme's fonts), pdftotext reads its lines, and the PDF's own check (<see cref="KoreanLineBreakTests"/>)
/// judges every line end against the text as written. A line end that splits an 어절, or starts or ends a line with a
/// character KLREQ prohibits there, must be one the draft forbids: its settings' w:noLineBreaksBefore / w:noLineBreaksAfter
/// for ko-KR name the character (and w:kinsoku is nowhere off), and its paragraphs break Korean text by word (w:wordWrap
/// on, nowhere off), so that a layout engine that keeps the draft's rules (Word) makes none of them.
/// </summary>
/// <remarks>
/// What LibreOffice 7.4 does with the drafts, found with probe drafts of each kind of 어절 at every line position: it
/// lays out the same lines with or without the two lists, with them for "ko" or with digits and · added, with
/// w:kinsoku on and with w:wordWrap on or off, so it reads none of them. Its Korean rule keeps a run of Hangul syllables
/// whole by moving a break inside it to the run's start, and that move is never checked against its forbidden
/// characters: so it breaks after an opening quote or bracket before Hangul (“|한국이, (|자민당), after a closing quote,
/// digit or Latin letter before Hangul (접근”|이, 1965|년에), and, where no Hangul is at the break, between any two
/// characters (6|0, 역사|·경제, 김대중-|오부치). What it breaks against the draft's rules is written to the test output.
/// </remarks>
public class DocxKoreanLineBreakTests(ITestOutputHelper output)
{
    private static readonly string[] Briefs = RenderedEditions.All().Where(e => (string)e[1] == "ko").Select(e => (string)e[0]).ToArray();

    // One LibreOffice run lays out every Korean draft: it is slow to start.
    private static readonly Lazy<List<byte[]>> Layouts = new(() =>
        LibreOffice.Convert(Briefs.Select(id => ($"{id}.ko.docx", RenderedEditions.Docx(id, "ko"))).ToList(), "pdf"));

    [Fact]
    public void Every_Korean_line_end_LibreOffice_gets_wrong_is_one_the_draft_forbids()
    {
        var hangulFace = Repository.Theme.Face(Repository.Theme.Style("body", "ko").FontRole, Script.Hangul, false, false, "ko").Family;
        for (var b = 0; b < Briefs.Length; b++)
        {
            var id = Briefs[b];
            var pdf = Layouts.Value[b];
            // Laid out in the theme's faces, not a fallback's: its line breaks are the draft's.
            Assert.Contains(hangulFace.Replace(" ", "", StringComparison.Ordinal), ExternalTool.RunOnFile("pdffonts", "{file}", pdf, "pdf"), StringComparison.Ordinal);

            using var draft = WordprocessingDocument.Open(new MemoryStream(RenderedEditions.Docx(id, "ko")), false);
            var settings = draft.MainDocumentPart!.DocumentSettingsPart!.Settings!;
            var noStart = settings.Elements<NoLineBreaksBeforeKinsoku>().Single(k => k.Language?.Value == "ko-KR").Val!.Value!;
            var noEnd = settings.Elements<NoLineBreaksAfterKinsoku>().Single(k => k.Language?.Value == "ko-KR").Val!.Value!;
            var styles = draft.MainDocumentPart.StyleDefinitionsPart!.Styles!;
            var body = draft.MainDocumentPart.Document!;
            var byWord = styles.Elements<Style>().Single(s => s.StyleId?.Value == "Normal").StyleParagraphProperties?.WordWrap?.Val?.Value == true
                && !styles.Descendants<WordWrap>().Concat(body.Descendants<WordWrap>()).Any(w => w.Val?.Value == false);
            // The lists apply where w:kinsoku does, which is everywhere it is not turned off (ECMA-376 §17.3.1.16; Word applies it to Korean).
            var kinsoku = !styles.Descendants<Kinsoku>().Concat(body.Descendants<Kinsoku>()).Any(k => k.Val?.Value == false);

            var document = RenderedEditions.PrintDocument(id, "ko");
            var (text, notes) = PdfText.Written(document);
            var pairs = KoreanLineBreakTests.LineEnds(pdf, document);
            var wrong = pairs.SelectMany(pair => KoreanLineBreakTests.Breaks(pair, text + "\n" + notes)).Where(e => e.Problems.Any()).ToList();
            var allowed = wrong.Where(e => (e.Splits is not null && !byWord)
                || (e.BadEnd && !(kinsoku && noEnd.Contains(e.Before[^1], StringComparison.Ordinal)))
                || (e.BadStart && !(kinsoku && noStart.Contains(e.After[0], StringComparison.Ordinal)))).ToList();
            Assert.True(allowed.Count == 0, $"{id}: the draft allows LibreOffice these breaks:\n" + string.Join('\n', allowed.SelectMany(e => e.Problems)));
            Assert.True(pairs.Count > 50, $"{id}: only {pairs.Count} line ends read back");
            output.WriteLine($"{id}.ko.docx in LibreOffice: {pairs.Count} line ends, {wrong.Count} against the draft's rules");
            foreach (var problem in wrong.SelectMany(e => e.Problems)) output.WriteLine("  " + problem);
        }
    }
}
