using Asan.Briefs.PrintMarkup;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Docx;

public sealed class DocxWriterTests
{
    private static readonly Lazy<PrintDocument> English = new(() => DocxSamples.Load("sample.en.xml"));
    private static readonly Lazy<PrintDocument> Korean = new(() => DocxSamples.Load("sample.ko.xml"));
    private static readonly Lazy<byte[]> EnglishBytes = new(() => DocxSamples.Write(English.Value));
    private static readonly Lazy<byte[]> KoreanBytes = new(() => DocxSamples.Write(Korean.Value));

    public static TheoryData<string> Samples => new() { "sample.en.xml", "sample.ko.xml" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_passes_the_Open_XML_validator(string sample)
    {
        var bytes = DocxSamples.Write(DocxSamples.Load(sample));
        AssertValid(bytes);
    }

    [Theory]
    [InlineData("feature-tour", "en")]
    [InlineData("feature-tour", "ko")]
    [InlineData("korea-japan-diplomatic-tasks", "en")]
    [InlineData("korea-japan-diplomatic-tasks", "ko")]
    public void Real_brief_is_valid_and_keeps_every_paragraph_and_note(string id, string lang)
    {
        var document = DocxSamples.Brief(id, lang);
        var bytes = DocxSamples.Write(document);
        AssertValid(bytes);
        using var docx = DocxSamples.Open(bytes);
        Assert.Equal(DocxSamples.ExpectedParagraphs(document.Blocks), BodyParagraphs(docx));
        Assert.Equal(document.Notes().Select(n => string.Join(" ", n.Paragraphs.Select(p => PrintWalker.PlainText(p.Inlines)))), NoteTexts(docx));
    }

    [Fact]
    public void Paragraphs_come_in_the_order_of_the_blocks()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        Assert.Equal(DocxSamples.ExpectedParagraphs(English.Value.Blocks), BodyParagraphs(docx));
    }

    [Fact]
    public void Notes_are_native_footnotes_with_their_text()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var footnotes = docx.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>().ToList();
        Assert.Contains(footnotes, f => f.Type?.Value == FootnoteEndnoteValues.Separator);
        Assert.Contains(footnotes, f => f.Type?.Value == FootnoteEndnoteValues.ContinuationSeparator);
        Assert.Equal(["A note with a link in it.", "Second note, first paragraph. Second note, second paragraph."], NoteTexts(docx));
        var references = docx.MainDocumentPart.Document!.Body!.Descendants<FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Equal([1L, 2L], references);
        var notes = footnotes.Where(f => f.Type is null).ToList();
        Assert.All(notes.SelectMany(n => n.Elements<Paragraph>()), p => Assert.Equal("FootnoteText", p.ParagraphProperties?.ParagraphStyleId?.Val?.Value));
        Assert.All(notes, n => Assert.NotNull(n.Descendants<FootnoteReferenceMark>().FirstOrDefault()));
    }

    [Fact]
    public void Styles_come_from_the_theme_with_Word_built_in_names()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var styles = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        foreach (var (id, name) in new[]
                 {
                     ("Normal", "Normal"), ("BodyText", "Body Text"), ("Title", "Title"), ("Subtitle", "Subtitle"),
                     ("Heading1", "heading 1"), ("Heading2", "heading 2"), ("Heading3", "heading 3"),
                     ("ListParagraph", "List Paragraph"), ("Quote", "Quote"), ("Caption", "caption"),
                     ("FootnoteText", "footnote text"), ("FootnoteReference", "footnote reference"),
                     ("Header", "header"), ("Footer", "footer"), ("Hyperlink", "Hyperlink"), ("HTMLCode", "HTML Code"), ("Emphasis", "Emphasis"),
                     ("Series", "Series Label"), ("TableHeader", "Table Heading"), ("EndmatterHeading", "End Matter Heading"),
                 })
        {
            Assert.True(styles.ContainsKey(id), $"style {id} missing");
            Assert.Equal(name, styles[id].StyleName!.Val!.Value);
        }
        for (var level = 1; level <= 3; level++)
            Assert.Equal(level - 1, styles[$"Heading{level}"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);

        // Every theme style is there, and every style the document uses is defined.
        Assert.Equal(DocxSamples.Theme.StyleNames.Count() + 9, styles.Count);
        var used = UsedStyleIds(docx).ToHashSet();
        Assert.Subset(styles.Keys.ToHashSet(), used);
        Assert.Superset(new HashSet<string> { "BodyText", "Title", "Heading1", "Heading2", "ListParagraph", "Quote", "Caption", "FootnoteText", "Hyperlink", "FootnoteReference", "Header", "Footer" }, used);

        // The body style: serif faces per script, 10pt, justified, exact leading 10 × 1.55 = 15.5pt.
        var normal = styles["Normal"];
        var fonts = normal.StyleRunProperties!.RunFonts!;
        Assert.Equal("Noto Serif", fonts.Ascii!.Value);
        Assert.Equal("Noto Serif", fonts.HighAnsi!.Value);
        Assert.Equal("NanumMyeongjo", fonts.EastAsia!.Value);
        Assert.Equal("20", normal.StyleRunProperties.FontSize!.Val!.Value);
        Assert.Equal(JustificationValues.Both, normal.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("310", normal.StyleParagraphProperties.SpacingBetweenLines!.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, normal.StyleParagraphProperties.SpacingBetweenLines.LineRule!.Value);
        Assert.Equal("NanumGothic", styles["Heading1"].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.NotNull(styles["Heading1"].StyleParagraphProperties!.KeepNext);
        Assert.Equal("0B4F8A", styles["Heading1"].StyleRunProperties!.Color!.Val!.Value);
        Assert.Equal(BorderValues.Single, styles["Meta"].StyleParagraphProperties!.ParagraphBorders!.BottomBorder!.Val!.Value);

        // No direct formatting beyond character styles, bold, and the face and language of each script's run
        // (with Hangul kept upright) in paragraphs that have Hangul.
        var runProperties = docx.MainDocumentPart.Document!.Body!.Descendants<RunProperties>().SelectMany(r => r.ChildElements).Select(e => e.LocalName).Distinct();
        Assert.Subset(new HashSet<string> { "rStyle", "b", "i", "rFonts", "lang" }, runProperties.ToHashSet());
    }

    [Fact]
    public void English_document_is_tagged_en_US_with_Korean_for_East_Asian_text()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var lang = DefaultLanguage(docx);
        Assert.Equal("en-US", lang.Val!.Value);
        Assert.Equal("ko-KR", lang.EastAsia!.Value);
        var themeLang = docx.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<ThemeFontLanguages>()!;
        Assert.Equal("en-US", themeLang.Val!.Value);
    }

    [Fact]
    public void Korean_document_is_tagged_ko_KR_and_breaks_lines_between_words()
    {
        using var docx = DocxSamples.Open(KoreanBytes.Value);
        var lang = DefaultLanguage(docx);
        Assert.Equal("ko-KR", lang.Val!.Value);
        Assert.Equal("ko-KR", lang.EastAsia!.Value);
        var settings = docx.MainDocumentPart!.DocumentSettingsPart!.Settings!;
        var themeLang = settings.GetFirstChild<ThemeFontLanguages>()!;
        Assert.Equal("ko-KR", themeLang.Val!.Value);
        Assert.Equal("ko-KR", themeLang.EastAsia!.Value);
        Assert.Equal("ko-KR", settings.GetFirstChild<NoLineBreaksBeforeKinsoku>()!.Language!.Value);
        var normal = docx.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Normal");
        Assert.True(normal.StyleParagraphProperties!.WordWrap!.Val!.Value);
        // Korean leading from the theme's language override: 10pt × 1.75.
        Assert.Equal("350", normal.StyleParagraphProperties.SpacingBetweenLines!.Line!.Value);
        Assert.Equal(DocxSamples.ExpectedParagraphs(Korean.Value.Blocks), BodyParagraphs(docx));

        // Words in Latin letters inside Korean text are tagged English; Hangul runs keep the Korean defaults.
        var runs = docx.MainDocumentPart.Document!.Body!.Descendants<Run>().Where(r => r.GetFirstChild<Text>() is not null).ToList();
        Assert.Equal("en-US", runs.Single(r => DocxSamples.Text(r) == "Kim Dae-jung–Obuchi").RunProperties!.Languages!.Val!.Value);
        // "지소미아(GSOMIA)": both brackets take the face of the Latin they enclose (TextRules, as in the PDF).
        var pair = runs.Single(r => DocxSamples.Text(r) == "(GSOMIA)");
        Assert.Equal("en-US", pair.RunProperties!.Languages!.Val!.Value);
        Assert.Equal(DocxSamples.Theme.Face("serif", Asan.Briefs.Theming.Script.Latin, false, false, "ko").Family, pair.RunProperties.RunFonts!.Ascii!.Value);
        Assert.Null(runs.Single(r => DocxSamples.Text(r) == "수출규제와 지소미아").RunProperties?.Languages);
        Assert.Null(runs.Single(r => DocxSamples.Text(r).Contains("공동선언을", StringComparison.Ordinal)).RunProperties?.Languages);
    }

    [Fact]
    public void Hyperlinks_point_at_their_targets()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var main = docx.MainDocumentPart!;
        var links = main.Document!.Body!.Descendants<Hyperlink>().ToList();
        var external = links.Where(l => l.Id is not null).Select(l => main.HyperlinkRelationships.Single(r => r.Id == l.Id!.Value).Uri.OriginalString).ToList();
        Assert.Equal(["https://www.asaninst.org/"], external);
        var anchor = links.Single(l => l.Anchor is not null).Anchor!.Value;
        Assert.Contains(main.Document.Body.Descendants<BookmarkStart>(), b => b.Name == anchor);
        Assert.All(links.SelectMany(l => l.Descendants<RunStyle>()), s => Assert.Equal("Hyperlink", s.Val!.Value));

        // The link inside a note belongs to the footnotes part, with its query string intact.
        var notes = main.FootnotesPart!;
        var noteLink = notes.Footnotes!.Descendants<Hyperlink>().Single();
        Assert.Equal("https://www.asaninst.org/?a=1&b=2", notes.HyperlinkRelationships.Single(r => r.Id == noteLink.Id!.Value).Uri.OriginalString);
    }

    [Fact]
    public void Headings_with_ids_carry_bookmarks_and_outline_levels()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var body = docx.MainDocumentPart!.Document!.Body!;
        var heading = body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1");
        Assert.Equal("one_source", heading.Elements<BookmarkStart>().Single().Name!.Value);
        // A heading outside the outline keeps its style but leaves Word's navigation.
        var about = body.Elements<Paragraph>().Single(p => DocxSamples.Text(p) == "About the author");
        Assert.Equal("EndmatterHeading", about.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal(9, about.ParagraphProperties.OutlineLevel!.Val!.Value);
        Assert.NotNull(about.ParagraphProperties.PageBreakBefore);
    }

    [Fact]
    public void Lists_use_numbering_and_each_ordered_list_restarts()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var numbering = docx.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var abstracts = numbering.Elements<AbstractNum>().ToList();
        Assert.Equal(2, abstracts.Count);
        var decimalLevel = abstracts.SelectMany(a => a.Elements<Level>()).First(l => l.NumberingFormat!.Val!.Value == NumberFormatValues.Decimal);
        Assert.Equal("%1.", decimalLevel.LevelText!.Val!.Value);
        Assert.Contains(abstracts.SelectMany(a => a.Elements<Level>()), l => l.NumberingFormat!.Val!.Value == NumberFormatValues.Bullet && l.LevelText!.Val == "•");

        var numbered = docx.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .Select(p => (Text: DocxSamples.Text(p), Num: p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value, Level: p.ParagraphProperties.NumberingProperties.NumberingLevelReference!.Val!.Value))
            .ToList();
        Assert.Equal(6, numbered.Count);
        var first = numbered.Single(n => n.Text == "First ordered item.");
        var nested = numbered.Single(n => n.Text == "Nested bullet.");
        var restart = numbered.Single(n => n.Text == "A second list starts again at one.");
        Assert.Equal(1, nested.Level);
        Assert.NotEqual(first.Num, restart.Num);
        Assert.All(new[] { first.Num, restart.Num }, num =>
            Assert.Equal(1, numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == num).GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value));
        // The second paragraph of an item is indented with the item, without a number of its own.
        var continuation = docx.MainDocumentPart.Document.Body.Elements<Paragraph>().Single(p => DocxSamples.Text(p) == "A second paragraph in the third item.");
        Assert.Null(continuation.ParagraphProperties!.NumberingProperties);
        Assert.NotNull(continuation.ParagraphProperties.Indentation);
    }

    [Fact]
    public void Running_head_and_foot_have_page_fields_and_a_clean_first_page()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var main = docx.MainDocumentPart!;
        var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var defaultHeader = (HeaderPart)main.GetPartById(section.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!.Value!);
        var firstHeader = (HeaderPart)main.GetPartById(section.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.First).Id!.Value!);
        Assert.Equal("Asan Institute Issue Brief\t\tSample & Test", DocxSamples.Text(defaultHeader.Header!));
        Assert.Equal("", DocxSamples.Text(firstHeader.Header!));
        var footer = (FooterPart)main.GetPartById(section.Elements<FooterReference>().Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!.Value!);
        var codes = footer.Footer!.Descendants<FieldCode>().Select(c => c.Text.Trim()).ToList();
        Assert.Equal(["PAGE", "NUMPAGES"], codes);
        // The first page keeps its footer (only the header skips it).
        var firstFooter = (FooterPart)main.GetPartById(section.Elements<FooterReference>().Single(r => r.Type!.Value == HeaderFooterValues.First).Id!.Value!);
        Assert.Equal(["PAGE", "NUMPAGES"], firstFooter.Footer!.Descendants<FieldCode>().Select(c => c.Text.Trim()));

        // A4 with the markup's margins (24mm = 1361 twips).
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
        Assert.Equal(1361, section.GetFirstChild<PageMargin>()!.Top!.Value);
        Assert.Equal(1361u, section.GetFirstChild<PageMargin>()!.Left!.Value);
    }

    [Fact]
    public void Tables_repeat_their_header_row_and_figures_are_inline_pictures()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var body = docx.MainDocumentPart!.Document!.Body!;
        var table = body.Elements<Table>().Single();
        Assert.Equal("TableGrid", table.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value);
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(rows[1].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal("TableHeader", rows[0].Descendants<ParagraphStyleId>().First().Val!.Value);

        var drawing = body.Descendants<Drawing>().Single();
        var inline = drawing.Inline!;
        Assert.Equal("Trade between Korea and Japan, 2015–2021", inline.DocProperties!.Description!.Value);
        // 80% of the 162mm measure, 1600 × 900 pixels.
        var width = 0.8 * (210 - 48) / 25.4 * 72 * 12700;
        Assert.InRange(inline.Extent!.Cx!.Value, (long)width - 2, (long)width + 2);
        Assert.InRange(inline.Extent.Cy!.Value, (long)(width * 900 / 1600) - 2, (long)(width * 900 / 1600) + 2);
        var picture = docx.MainDocumentPart.ImageParts.Single();
        Assert.Equal("image/png", picture.ContentType);
        var caption = drawing.Ancestors<Paragraph>().Single().NextSibling<Paragraph>()!;
        Assert.Equal("Caption", caption.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal("Credit", caption.NextSibling<Paragraph>()!.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void Markup_characters_come_through_as_text()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var texts = BodyParagraphs(docx);
        Assert.Contains(texts, t => t.StartsWith("The sentence \"R&D spending < 5% of GDP\" must reach the reader exactly, and so must 'A > B'.", StringComparison.Ordinal));
        Assert.Equal("Test & Sample: <Brief> \"one\" 'two'", docx.PackageProperties.Title);
    }

    [Fact]
    public void Properties_come_from_the_document_info_not_the_clock()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var properties = docx.PackageProperties;
        Assert.Equal("Choi Eunmi", properties.Creator);
        Assert.Equal("A sample for the Word writer", properties.Subject);
        Assert.Equal("Korea, Japan", properties.Keywords);
        Assert.Equal(new DateTime(2022, 4, 29, 0, 0, 0, DateTimeKind.Utc), properties.Created!.Value.ToUniversalTime());
        Assert.Equal(new DateTime(2022, 4, 30, 9, 30, 0, DateTimeKind.Utc), properties.Modified!.Value.ToUniversalTime());
        Assert.Equal("The Asan Institute for Policy Studies", docx.ExtendedFilePropertiesPart!.Properties!.Application!.Text);
    }

    [Fact]
    public void Document_is_editable_in_Word_2013_mode_without_tracked_changes()
    {
        using var docx = DocxSamples.Open(EnglishBytes.Value);
        var settings = docx.MainDocumentPart!.DocumentSettingsPart!.Settings!;
        var mode = settings.GetFirstChild<Compatibility>()!.Elements<CompatibilitySetting>().Single(s => s.Name!.Value == CompatSettingNameValues.CompatibilityMode);
        Assert.Equal("15", mode.Val!.Value);
        Assert.Null(settings.GetFirstChild<TrackRevisions>());
        Assert.Null(settings.GetFirstChild<DocumentProtection>());
        var body = docx.MainDocumentPart.Document!.Body!;
        Assert.DoesNotContain(body.Descendants(), e => e.LocalName is "txbxContent" or "framePr" or "ins" or "del");
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var first = DocxSamples.Write(English.Value);
        var second = DocxSamples.Write(DocxSamples.Load("sample.en.xml"));
        Assert.Equal(first, second);
        var korean = DocxSamples.Write(Korean.Value);
        Assert.Equal(korean, DocxSamples.Write(DocxSamples.Load("sample.ko.xml")));
    }

    [Fact]
    public void Zip_entries_have_a_fixed_order_and_time()
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(EnglishBytes.Value));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.Equal("_rels/.rels", zip.Entries[1].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2022, 4, 30, 9, 30, 0), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Fonts_are_embedded_as_obfuscated_subsets_covering_the_text()
    {
        using var docx = DocxSamples.Open(KoreanBytes.Value);
        var fontTable = docx.MainDocumentPart!.FontTablePart!;
        var fonts = fontTable.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        // Korean sets its Latin in lighter faces (theme.yaml languages.ko.fonts): Noto Serif Light, Noto Sans Light, Noto Sans Mono Light.
        Assert.Equal(["NanumGothic", "NanumMyeongjo", "Noto Sans Light", "Noto Sans Mono Light", "Noto Serif Light"], fonts.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(docx.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EmbedTrueTypeFonts>());

        // Body text in NanumMyeongjo: every Hangul syllable of the body is in the embedded subset.
        var embed = fonts["NanumMyeongjo"].GetFirstChild<EmbedRegularFont>()!;
        Assert.True(embed.Subsetted!.Value);
        var part = (FontPart)fontTable.GetPartById(embed.Id!.Value!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.obfuscatedFont", part.ContentType);
        var font = Deobfuscate(part, embed.FontKey!.Value!);
        Assert.Equal([0x00, 0x01, 0x00, 0x00], font[..4]);
        var path = Path.Combine(Path.GetTempPath(), $"docx-embed-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(path, font);
        try
        {
            var face = new Asan.Briefs.Fonts.FontLibrary().Get(path);
            var body = Korean.Value.Blocks.OfType<PrintParagraph>().First(p => p.Style == "body");
            foreach (var rune in PrintWalker.PlainText(body.Inlines).EnumerateRunes().Where(r => r.Value is >= 0xAC00 and <= 0xD7A3))
                Assert.True(face.HasGlyph(rune.Value), $"U+{rune.Value:X4} missing from the embedded subset");
            Assert.False(face.HasGlyph('뷁'), "the subset holds only what the document uses");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Embedded_fonts_keep_a_real_brief_small_and_can_be_left_out()
    {
        var document = DocxSamples.Brief("korea-japan-diplomatic-tasks", "ko");
        var embedded = new Asan.Briefs.Docx.DocxWriter(embedFonts: true).Write(document, DocxSamples.Theme);
        var plain = new Asan.Briefs.Docx.DocxWriter().Write(document, DocxSamples.Theme);
        Assert.InRange(embedded.Length, plain.Length, 1_500_000);
        using var docx = DocxSamples.Open(plain);
        Assert.Empty(docx.MainDocumentPart!.FontTablePart!.FontParts);
        Assert.Null(docx.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EmbedTrueTypeFonts>());
        AssertValid(plain);
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] Deobfuscate(FontPart part, string fontKey)
    {
        using var stream = part.GetStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var data = buffer.ToArray();
        var hex = fontKey.Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        for (var i = 0; i < 32; i++) data[i] ^= Convert.ToByte(hex.Substring(30 - 2 * (i % 16), 2), 16);
        return data;
    }

    private static void AssertValid(byte[] bytes)
    {
        using var docx = DocxSamples.Open(bytes);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static List<string> BodyParagraphs(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(DocxSamples.Text).Where(t => t.Length > 0).ToList();

    private static List<string> NoteTexts(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>()
            .Where(f => f.Type is null)
            .Select(f => string.Join(" ", f.Elements<Paragraph>().Select(DocxSamples.Text)).Trim())
            .ToList();

    private static IEnumerable<string> UsedStyleIds(WordprocessingDocument docx)
    {
        var main = docx.MainDocumentPart!;
        var roots = new OpenXmlElement[] { main.Document!, main.FootnotesPart!.Footnotes! }
            .Concat(main.HeaderParts.Select(h => (OpenXmlElement)h.Header!))
            .Concat(main.FooterParts.Select(f => (OpenXmlElement)f.Footer!));
        return roots.SelectMany(r => r.Descendants())
            .Select(e => e switch
            {
                ParagraphStyleId p => p.Val?.Value,
                RunStyle r => r.Val?.Value,
                TableStyle t => t.Val?.Value,
                _ => null,
            })
            .OfType<string>()
            .Distinct();
    }

    private static Languages DefaultLanguage(WordprocessingDocument docx) =>
        docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!;
}
