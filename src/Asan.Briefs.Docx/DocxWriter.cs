using System.Globalization;
using System.Xml.Linq;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;

namespace Asan.Briefs.Docx;

/// <summary>
/// Writes the Word edition of a brief from the same paged layout markup the PDF engine reads: an
/// editable document whose paragraphs reference named styles generated from the theme, with native
/// numbering, footnotes, running head and foot, tables, pictures and hyperlinks. The same input always
/// gives the same bytes.
/// </summary>
public sealed class DocxWriter
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly bool _embedFonts;

    /// <param name="embedFonts">
    /// Embed subsets of the theme's fonts (obfuscated, as Word does), so the document shows its own
    /// typefaces on machines without them. Off by default: LibreOffice registers embedded fonts by
    /// family name for a whole session, so a subset embedded in one draft leaves glyphs missing in
    /// another draft opened beside it.
    /// </param>
    public DocxWriter(bool embedFonts = false)
    {
        _embedFonts = embedFonts;
    }

    /// <summary>Writes the document; figure sources are absolute paths of PNG files.</summary>
    public byte[] Write(PrintDocument document, Theme theme)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(theme);
        return Write(ResolvedDocument.Resolve(document, theme));
    }

    /// <summary>Writes a document already resolved against its theme.</summary>
    public byte[] Write(ResolvedDocument resolved)
    {
        var document = resolved.Markup;
        var theme = resolved.Theme;
        using var raw = new MemoryStream();
        using (var package = WordprocessingDocument.Create(raw, WordprocessingDocumentType.Document, autoSave: true))
        {
            Build(package, resolved);
        }
        return PackageNormalizer.Normalize(raw.ToArray(), PackageNormalizer.EntryTime(document.Info.Modified));
    }

    private void Build(WordprocessingDocument package, ResolvedDocument resolved)
    {
        var document = resolved.Markup;
        var theme = resolved.Theme;
        var languages = LanguageTags.For(document.Lang);
        // Every part gets an explicit relationship id: generated ids would differ from run to run.
        var main = package.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");
        var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
        var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
        var fontTable = main.AddNewPart<FontTablePart>("rIdFontTable");
        var footnotes = main.AddNewPart<FootnotesPart>("rIdFootnotes");

        var builder = new BodyBuilder(resolved, main);

        // Running head and foot; a clean first page when the markup skips it.
        var titlePage = document.Header.SkipFirstPage || document.Footer.SkipFirstPage;
        var references = new List<OpenXmlElement>();
        AddRunning(main, builder, document.Header, isHeader: true, titlePage, references);
        AddRunning(main, builder, document.Footer, isHeader: false, titlePage, references);

        var section = Section(resolved, references, titlePage);
        main.Document = new Document(builder.BuildBody(section));

        footnotes.Footnotes = Footnotes(document.Page, builder.Footnotes);
        if (builder.HasNumbering)
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = builder.BuildNumbering();
        styles.Styles = new StylesBuilder(theme, document.Lang, document.Page.ContentWidth).Build();
        var embeds = _embedFonts ? FontEmbedder.Embed(fontTable, theme, document.Lang, builder.FontUsage) : [];
        settings.Settings = Settings(languages, embeds.Count > 0, builder.HasContents);
        fontTable.Fonts = FontTable(theme, document.Lang, embeds);

        CoreProperties(package, document, languages);
        var app = package.AddNewPart<ExtendedFilePropertiesPart>("rIdAppProperties");
        app.Properties = new Ap.Properties(
            new Ap.Application(string.IsNullOrWhiteSpace(document.Info.Creator) ? "Asan Briefs" : document.Info.Creator),
            new Ap.DocumentSecurity("0"),
            new Ap.ScaleCrop("false"),
            new Ap.LinksUpToDate("false"),
            new Ap.SharedDocument("false"),
            new Ap.HyperlinksChanged("false"));
    }

    private static void AddRunning(MainDocumentPart main, BodyBuilder builder, RunningContent running, bool isHeader, bool titlePage, List<OpenXmlElement> references)
    {
        var kind = isHeader ? "Header" : "Footer";
        if (running.Slots.Count == 0 && !titlePage) return;
        var defaultId = $"rId{kind}Default";
        if (isHeader)
        {
            var part = main.AddNewPart<HeaderPart>(defaultId);
            part.Header = new Header(running.Slots.Count > 0 ? builder.Running(running, part, true) : builder.EmptyRunning(true));
            references.Add(new HeaderReference { Type = HeaderFooterValues.Default, Id = defaultId });
        }
        else
        {
            var part = main.AddNewPart<FooterPart>(defaultId);
            part.Footer = new Footer(running.Slots.Count > 0 ? builder.Running(running, part, false) : builder.EmptyRunning(false));
            references.Add(new FooterReference { Type = HeaderFooterValues.Default, Id = defaultId });
        }
        if (!titlePage) return;
        // With a distinct first page, the first page shows the running content unless this one skips it.
        var firstId = $"rId{kind}First";
        if (isHeader)
        {
            var part = main.AddNewPart<HeaderPart>(firstId);
            part.Header = new Header(running.SkipFirstPage || running.Slots.Count == 0 ? builder.EmptyRunning(true) : builder.Running(running, part, true));
            references.Add(new HeaderReference { Type = HeaderFooterValues.First, Id = firstId });
        }
        else
        {
            var part = main.AddNewPart<FooterPart>(firstId);
            part.Footer = new Footer(running.SkipFirstPage || running.Slots.Count == 0 ? builder.EmptyRunning(false) : builder.Running(running, part, false));
            references.Add(new FooterReference { Type = HeaderFooterValues.First, Id = firstId });
        }
    }

    private static SectionProperties Section(ResolvedDocument resolved, List<OpenXmlElement> references, bool titlePage)
    {
        var page = resolved.Page;
        var header = resolved.Style("header");
        var footer = resolved.Style("footer");
        // The markup gives the running head's and foot's baselines; Word measures to the top of the
        // header's line and the bottom of the footer's.
        var headerDistance = Math.Max(0, page.HeaderOffset - header.LineHeight * 0.8);
        var footerDistance = Math.Max(0, page.FooterOffset - footer.LineHeight * 0.25);
        var section = new SectionProperties();
        section.Append(references);
        section.Append(
            new FootnoteProperties(new NumberingFormat { Val = NumberFormatValues.Decimal }, new NumberingRestart { Val = RestartNumberValues.Continuous }),
            new PageSize { Width = (uint)Length.ToTwips(page.Width), Height = (uint)Length.ToTwips(page.Height) },
            new PageMargin
            {
                Top = Length.ToTwips(page.MarginTop), Bottom = Length.ToTwips(page.MarginBottom),
                Left = (uint)Length.ToTwips(page.MarginLeft), Right = (uint)Length.ToTwips(page.MarginRight),
                Header = (uint)Length.ToTwips(headerDistance), Footer = (uint)Length.ToTwips(footerDistance), Gutter = 0,
            },
            new Columns { Space = "720" });
        if (titlePage) section.Append(new TitlePage());
        section.Append(new DocGrid { LinePitch = 360 });
        return section;
    }

    private static Footnotes Footnotes(PageGeometry page, IReadOnlyList<Footnote> notes)
    {
        var gap = Length.ToTwips(page.NoteGap).ToString(CultureInfo.InvariantCulture);
        var footnotes = new Footnotes(
            SeparatorNote($"""<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:before="{gap}" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"""),
            SeparatorNote("""<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"""));
        footnotes.Append(notes);
        return footnotes;
    }

    // KLREQ, from the text rules the PDF engine breaks lines by. Word applies these lists to Korean text.
    internal const string NoBreakBefore = TextRules.LineStartProhibited;
    internal const string NoBreakAfter = TextRules.LineEndProhibited;

    private static Settings Settings(LanguageTags languages, bool embedFonts, bool updateFields)
    {
        // The contents field's cache has no page numbers: Word fills them in when it updates fields on opening.
        var update = updateFields ? """<w:updateFields w:val="true"/>""" : "";
        var embed = embedFonts ? "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>" : "";
        // As the PDF: hyphenated English, at most two hyphenated lines in a row, acronyms whole;
        // Korean keeps every 어절 whole. Word's zone (0.25 in) stands in for the total-fit breaker.
        var hyphenation = languages.IsKorean ? "" : """<w:autoHyphenation/><w:consecutiveHyphenLimit w:val="2"/><w:hyphenationZone w:val="360"/><w:doNotHyphenateCaps/>""";
        var xml = $"""
            <w:settings xmlns:w="{WordNs}">
              <w:zoom w:percent="100"/>
              {embed}
              <w:defaultTabStop w:val="720"/>
              {hyphenation}
              <w:characterSpacingControl w:val="doNotCompress"/>
              <w:noLineBreaksAfter w:lang="ko-KR" w:val="{Escape(NoBreakAfter)}"/>
              <w:noLineBreaksBefore w:lang="ko-KR" w:val="{Escape(NoBreakBefore)}"/>
              {update}
              <w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>
              <w:compat>
                <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
                <w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
                <w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
                <w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
                <w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
              </w:compat>
              <w:themeFontLang w:val="{languages.Val}" w:eastAsia="{languages.EastAsia}"/>
              <w:decimalSymbol w:val="."/>
              <w:listSeparator w:val=","/>
            </w:settings>
            """;
        return new Settings(System.Text.RegularExpressions.Regex.Replace(xml.Trim(), @">\s+<", "><"));
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Fonts FontTable(Theme theme, string lang, Dictionary<string, List<OpenXmlElement>> embeds)
    {
        var fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in theme.FontRoles)
        {
            foreach (var script in new[] { Script.Latin, Script.Hangul })
            {
                var face = theme.Face(role, script, false, false, lang);
                var family = face.Family;
                if (!seen.Add(family)) continue;
                var font = FontTableEntry.For(family, face.Path, theme.Fallback(role, script, lang), script, role);
                if (embeds.TryGetValue(family, out var embedded)) font.Append(embedded);
                fonts.Append(font);
            }
        }
        return fonts;
    }

    private static void CoreProperties(WordprocessingDocument package, PrintDocument document, LanguageTags languages)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var info = document.Info;
        static string Date(DateTimeOffset d) => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var root = new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp),
            new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XAttribute(XNamespace.Xmlns + "dcterms", dcterms),
            new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XElement(dc + "title", BodyBuilder.Clean(info.Title)),
            new XElement(dc + "subject", BodyBuilder.Clean(info.Subject)),
            new XElement(dc + "creator", BodyBuilder.Clean(info.Author)),
            new XElement(cp + "keywords", BodyBuilder.Clean(info.Keywords)),
            new XElement(dc + "language", languages.Val),
            new XElement(cp + "lastModifiedBy", BodyBuilder.Clean(info.Author)),
            new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"), Date(info.Created)),
            new XElement(dcterms + "modified", new XAttribute(xsi + "type", "dcterms:W3CDTF"), Date(info.Modified)));
        var part = package.AddNewPart<CoreFilePropertiesPart>("rIdCoreProperties");
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        new XDocument(new XDeclaration("1.0", "utf-8", "yes"), root).Save(stream, SaveOptions.DisableFormatting);
    }

    private static Footnote SeparatorNote(string xml) =>
        new(xml.Replace("<w:footnote ", $"<w:footnote xmlns:w=\"{WordNs}\" ", StringComparison.Ordinal));

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
