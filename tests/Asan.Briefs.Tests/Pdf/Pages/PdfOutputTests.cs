using System.Text.RegularExpressions;
using Asan.Briefs.PrintMarkup;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Asan.Briefs.Tests.Pdf.Pages;

/// <summary>The page engine's PDF read back with PdfPig.</summary>
public partial class PdfOutputTests
{
    private static readonly Lazy<byte[]> English = new(() => PageSamples.GreedyWriter().Write(PageSamples.Load("brief.en.xml"), PageSamples.Theme));
    private static readonly Lazy<byte[]> Korean = new(() => PageSamples.GreedyWriter().Write(PageSamples.Load("brief.ko.xml"), PageSamples.Theme));

    [Fact]
    public void Pages_are_A4()
    {
        using var pdf = PdfDocument.Open(English.Value);
        Assert.True(pdf.NumberOfPages >= 4);
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(595.28, page.Width, 0.5);
            Assert.Equal(841.89, page.Height, 0.5);
        }
    }

    [Theory]
    [InlineData("brief.en.xml")]
    [InlineData("brief.ko.xml")]
    public void Every_word_of_the_flow_appears_in_order(string sample)
    {
        var document = PageSamples.Load(sample);
        var bytes = sample.Contains(".ko.") ? Korean.Value : English.Value;
        var extracted = Words(bytes).Select(w => w.Text).ToList();
        var expected = FlowWords(document.Blocks).ToList();
        Assert.True(expected.Count > 100);
        var at = 0;
        foreach (var word in expected)
        {
            var found = extracted.IndexOf(word, at);
            Assert.True(found >= 0, $"'{word}' not found after position {at} (near: {string.Join(' ', extracted.Skip(Math.Max(0, at - 5)).Take(12))})");
            at = found + 1;
        }
    }

    [Fact]
    public void Each_note_is_at_the_foot_of_the_page_that_cites_it()
    {
        var document = PageSamples.Load("brief.en.xml");
        var words = Words(English.Value);
        var notes = document.Notes().ToList();
        Assert.True(notes.Count >= 4);
        foreach (var note in notes)
        {
            var noteWord = words.Single(w => w.Text == $"Survey{note.Mark}:");
            // The call is the word that ends with the mark, in the body above the note.
            var callWord = FlowWords(document.Blocks).First(w => w.EndsWith("." + note.Mark) || w.EndsWith("," + note.Mark));
            var call = words.First(w => w.Text == callWord);
            Assert.Equal(call.Page, noteWord.Page);
            Assert.True(noteWord.Top > call.Top, "the note sits below its call");
        }
    }

    [Fact]
    public void Table_header_row_is_repeated_on_the_continuation_page()
    {
        var words = Words(English.Value);
        var tablePages = words.Where(w => w.Text == "Dispute").Select(w => w.Page).Distinct().ToList();
        Assert.True(tablePages.Count >= 2, "the sample table should run over a page break");
        foreach (var page in tablePages)
        {
            var firstRow = words.Where(w => w.Page == page && w.Text == "Dispute").Min(w => w.Top);
            Assert.Contains(words, w => w.Page == page && w.Text == "Issue" && w.Top < firstRow);
            Assert.Contains(words, w => w.Page == page && w.Text == "Year" && w.Top < firstRow);
        }
    }

    [Fact]
    public void Metadata_language_and_outline_are_set()
    {
        using (var pdf = PdfDocument.Open(English.Value))
        {
            Assert.Equal("The New Korean Government’s Diplomatic Tasks for Improving Korea-Japan Relations", pdf.Information.Title);
            Assert.Equal("Choi Eunmi", pdf.Information.Author);
            Assert.Equal("Asan Issue Brief", pdf.Information.Subject);
            Assert.Equal("Korea, Japan, diplomacy", pdf.Information.Keywords);
            Assert.Equal("Asan Briefs", pdf.Information.Creator);
            Assert.StartsWith("D:20220429", pdf.Information.CreationDate);
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            var top = bookmarks.Roots.Select(b => b.Title).ToList();
            Assert.Equal(["1. Current Problems between Korea and Japan: Diagnosis and Tasks", "2. Policy Recommendations for the Realization of the ‘Kim Dae JungObuchi Joint Declaration 2.0 Era’"], top);
            Assert.Equal("1.1 A second-level heading", Assert.Single(bookmarks.Roots[0].Children).Title);
        }
        using var korean = PdfDocument.Open(Korean.Value);
        var catalog = korean.Structure.Catalog.CatalogDictionary;
        Assert.Equal("ko", (catalog.Data["Lang"] as UglyToad.PdfPig.Tokens.StringToken)?.Data);
        Assert.True(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("Metadata")));
    }

    [Fact]
    public void Identical_input_gives_identical_bytes()
    {
        var again = PageSamples.GreedyWriter().Write(PageSamples.Load("brief.en.xml"), PageSamples.Theme);
        Assert.Equal(English.Value, again);
        var writer = PageSamples.GreedyWriter();
        var document = PageSamples.Load("brief.ko.xml");
        Assert.Equal(writer.Write(document, PageSamples.Theme), writer.Write(document, PageSamples.Theme));
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets()
    {
        foreach (var bytes in new[] { English.Value, Korean.Value })
        {
            using var pdf = PdfDocument.Open(bytes);
            var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
            Assert.NotEmpty(fonts);
            Assert.All(fonts, f => Assert.Matches(SubsetName(), f));
        }
    }

    [Fact]
    public void Markup_characters_render_as_text()
    {
        var text = string.Join(" ", Words(English.Value).Select(w => w.Text));
        Assert.Contains("& “friends” <test> 'quoted'", text);
        var markup = Sample("""<p>Ampersand &amp; less &lt; greater &gt; quote " apostrophe ' done.</p>""");
        var bytes = PageSamples.GreedyWriter().Write(PageSamples.Parse(markup), PageSamples.Theme);
        Assert.Contains("Ampersand & less < greater > quote \" apostrophe ' done.", string.Join(" ", Words(bytes).Select(w => w.Text)));
    }

    [Fact]
    public void Korean_text_extracts_in_reading_order()
    {
        var text = string.Join(" ", Words(Korean.Value).Select(w => w.Text));
        Assert.Contains("한일관계 정상화를 위한 차기정부의 대일외교과제", text);
        Assert.Contains("1965년 국교정상화 이후 50여 년 동안", text);
    }

    [GeneratedRegex("^[A-Z]{6}\\+")]
    private static partial Regex SubsetName();

    internal sealed record Word(string Text, int Page, double Top);

    /// <summary>
    /// Words of every page in the order the content stream draws them (which is reading order), with
    /// the page and the distance from the page's top. A word ends at a space character, a change of
    /// line, or a gap wider than a fifth of the font size (the page engine need not draw spaces).
    /// </summary>
    internal static List<Word> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var words = new List<Word>();
        foreach (var page in document.GetPages())
        {
            var current = new System.Text.StringBuilder();
            Letter? previous = null;
            double top = 0;
            void Flush()
            {
                // PdfPig reads a ligature glyph as its presentation form (ﬁ); the PDF also carries
                // ActualText "fi" for it (pdftotext uses that), so compatibility-normalise.
                if (current.Length > 0) words.Add(new Word(current.ToString().Normalize(System.Text.NormalizationForm.FormKC), page.Number, top));
                current.Clear();
            }
            foreach (var letter in page.Letters)
            {
                if (string.IsNullOrWhiteSpace(letter.Value)) { Flush(); previous = letter; continue; }
                if (previous is not null)
                {
                    var sameLine = Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) < Math.Max(letter.PointSize, previous.PointSize) * 0.5;
                    var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                    if (!sameLine || gap > Math.Max(letter.PointSize, previous.PointSize) * 0.2 || gap < -Math.Max(letter.PointSize, previous.PointSize) * 0.3) Flush();
                }
                if (current.Length == 0) top = page.Height - letter.StartBaseLine.Y;
                current.Append(letter.Value);
                previous = letter;
            }
            Flush();
        }
        return words;
    }

    /// <summary>The words of the flow in order (note calls glued to the word they follow); notes themselves are left out.</summary>
    internal static IEnumerable<string> FlowWords(IEnumerable<PrintBlock> blocks)
    {
        foreach (var block in blocks)
        {
            var sequences = block switch
            {
                PrintList list => list.Items.SelectMany(i => new[] { i.Marker }.Concat(FlowWords(i.Blocks))),
                PrintQuote q => FlowWords(q.Blocks),
                PrintGroup g => FlowWords(g.Blocks),
                _ => PrintWalker.InlineSequences(block).SelectMany(Words),
            };
            foreach (var word in sequences) yield return word;
        }

        static IEnumerable<string> Words(IReadOnlyList<PrintInline> inlines) =>
            string.Concat(inlines.Select(i => i switch
            {
                PrintText t => t.Text,
                PrintNoteCall c => c.Note.Mark,
                _ => " ",
            })).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    internal static string Sample(string flow, string lang = "en") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <document lang="{lang}">
          <info title="Sample" author="Tester" created="2022-04-29T09:00:00+09:00" modified="2022-04-29T09:00:00+09:00"/>
          <page width="210mm" height="297mm" margin-top="24mm" margin-bottom="24mm" margin-left="24mm" margin-right="24mm" header-offset="12mm" footer-offset="12mm"/>
          <header/>
          <footer><slot align="center" style="footer"><page-number/></slot></footer>
          <flow>{flow}</flow>
        </document>
        """;
}
