using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// A draft as Word itself saves it: built-in styles under the ids a German Word gives them (their names
/// stay the built-in English ones), w14 paragraph ids, rsids on every paragraph and run, runs split at
/// every word with the same properties, proofing marks, smart tags, Word's _GoBack bookmark and the
/// rendered page breaks it records. None of it is content: the import must give the body exactly.
/// </summary>
public sealed class WordSavedDraftTests
{
    // Word's German ids for its built-in styles; the names in styles.xml stay "heading 1", "Body Text"…
    private static readonly Dictionary<string, string> GermanIds = new()
    {
        ["BodyText"] = "Textkrper", ["Heading1"] = "berschrift1", ["Heading2"] = "berschrift2", ["Heading3"] = "berschrift3",
        ["Title"] = "Titel", ["Subtitle"] = "Untertitel", ["Quote"] = "Zitat", ["ListParagraph"] = "Listenabsatz",
        ["Caption"] = "Beschriftung", ["FootnoteText"] = "Funotentext", ["FootnoteReference"] = "Funotenzeichen",
        ["Header"] = "Kopfzeile", ["Footer"] = "Fuzeile",
    };

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(Editions))]
    public void A_draft_saved_by_Word_imports_to_the_same_body(string briefId, string lang)
    {
        var docx = SavedByWord(RenderedEditions.Docx(briefId, lang));
        var draft = ImportSupport.Read(briefId, lang, docx);
        Assert.Equal(File.ReadAllText(ImportSupport.BodyPath(briefId, lang)), ImportSupport.Markdown(briefId, draft));
        Assert.Empty(draft.Notices);
        Assert.Empty(draft.Changes);
        Assert.Empty(draft.NewImages);
    }

    [Fact]
    public void The_Word_like_draft_really_differs_from_ours()
    {
        var ours = RenderedEditions.Docx(Repository.FeatureTour, "en");
        using var stream = new MemoryStream(SavedByWord(ours));
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Descendants<ParagraphStyleId>(), s => s.Val == "berschrift1");
        Assert.DoesNotContain(body.Descendants<ParagraphStyleId>(), s => s.Val == "Heading1" || s.Val == "BodyText");
        Assert.Contains(body.Descendants(), e => e.LocalName == "smartTag");
        Assert.NotEmpty(body.Descendants<ProofError>());
        Assert.True(body.Descendants<Run>().Count() > 2 * body.Descendants<Paragraph>().Count());
    }

    /// <summary>Our draft with what Word adds when it saves one.</summary>
    public static byte[] SavedByWord(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            RenameStyles(main);
            var rsid = 0x00A10000;
            var parts = new OpenXmlPartRootElement[] { main.Document!, main.FootnotesPart!.Footnotes! }
                .Concat(main.HeaderParts.Select(h => h.Header!)).Concat(main.FooterParts.Select(f => f.Footer!));
            foreach (var root in parts)
            {
                foreach (var paragraph in root.Descendants<Paragraph>().ToList())
                {
                    paragraph.ParagraphId = (0x10000000 + rsid).ToString("X8");
                    paragraph.TextId = "77777777";
                    paragraph.RsidParagraphAddition = (rsid++).ToString("X8");
                    paragraph.RsidRunAdditionDefault = "00A10000";
                    SplitRuns(paragraph, ref rsid);
                }
            }
            var body = main.Document!.Body!;
            // The caret's last place, and the page breaks Word rendered.
            var first = body.Descendants<Paragraph>().First(p => p.InnerText.Length > 0);
            first.InsertAt(new BookmarkStart { Id = "9000", Name = "_GoBack" }, first.ParagraphProperties is null ? 0 : 1);
            first.InsertAt(new BookmarkEnd { Id = "9000" }, first.ParagraphProperties is null ? 1 : 2);
            foreach (var run in body.Descendants<Run>().Where((_, i) => i % 40 == 39).ToList()) run.PrependChild(new LastRenderedPageBreak());
            // A smart tag around every tenth run with text, proofing marks around every seventh.
            var runs = body.Descendants<Run>().Where(r => r.Parent is Paragraph && r.GetFirstChild<Text>() is not null).ToList();
            for (var i = 0; i < runs.Count; i++)
            {
                if (i % 10 == 3)
                {
                    // Word 2003–2007 smart tags; the SDK no longer has a class for w:smartTag.
                    var tag = new OpenXmlUnknownElement("w", "smartTag", W);
                    tag.SetAttribute(new OpenXmlAttribute("w", "uri", W, "urn:schemas-microsoft-com:office:smarttags"));
                    tag.SetAttribute(new OpenXmlAttribute("w", "element", W, "PersonName"));
                    runs[i].InsertBeforeSelf(tag);
                    runs[i].Remove();
                    tag.Append(runs[i]);
                }
                else if (i % 7 == 5)
                {
                    runs[i].InsertBeforeSelf(new ProofError { Type = ProofingErrorValues.SpellStart });
                    runs[i].InsertAfterSelf(new ProofError { Type = ProofingErrorValues.SpellEnd });
                }
            }
            var settings = main.DocumentSettingsPart!.Settings!;
            settings.Append(new Rsids(new RsidRoot { Val = "00A10000" }, new Rsid { Val = "00A10001" }));
        }
        return stream.ToArray();
    }

    private static void RenameStyles(MainDocumentPart main)
    {
        string Map(string id) => GermanIds.GetValueOrDefault(id, id);
        foreach (var style in main.StyleDefinitionsPart!.Styles!.Elements<Style>())
        {
            style.StyleId = Map(style.StyleId!.Value!);
            if (style.BasedOn is { } basedOn) basedOn.Val = Map(basedOn.Val!.Value!);
            if (style.NextParagraphStyle is { } next) next.Val = Map(next.Val!.Value!);
            if (style.LinkedStyle is { } link) link.Val = Map(link.Val!.Value!);
        }
        var parts = new OpenXmlPartRootElement[] { main.Document!, main.FootnotesPart!.Footnotes!, main.StyleDefinitionsPart.Styles! }
            .Concat(main.HeaderParts.Select(h => h.Header!)).Concat(main.FooterParts.Select(f => f.Footer!));
        foreach (var root in parts)
        {
            foreach (var p in root.Descendants<ParagraphStyleId>().Where(p => p.Parent is ParagraphProperties)) p.Val = Map(p.Val!.Value!);
            foreach (var r in root.Descendants<RunStyle>()) r.Val = Map(r.Val!.Value!);
        }
    }

    /// <summary>Each run with one text split at its spaces into runs with the same properties and an rsid of their own.</summary>
    private static void SplitRuns(Paragraph paragraph, ref int rsid)
    {
        foreach (var run in paragraph.Descendants<Run>().ToList())
        {
            run.RsidRunAddition = "00A10000";
            if (run.ChildElements.Count(c => c is not RunProperties) != 1 || run.GetFirstChild<Text>() is not { } text) continue;
            var words = System.Text.RegularExpressions.Regex.Split(text.Text, "(?<= )").Where(w => w.Length > 0).ToList();
            if (words.Count < 2) continue;
            text.Text = words[0];
            text.Space = SpaceProcessingModeValues.Preserve;
            var after = (OpenXmlElement)run;
            foreach (var word in words.Skip(1))
            {
                var piece = new Run { RsidRunAddition = (rsid++).ToString("X8") };
                if (run.RunProperties is { } rPr) piece.Append(rPr.CloneNode(true));
                piece.Append(new Text(word) { Space = SpaceProcessingModeValues.Preserve });
                after.InsertAfterSelf(piece);
                after = piece;
            }
        }
    }
}
