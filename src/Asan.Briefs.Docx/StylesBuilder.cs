using System.Globalization;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// Builds styles.xml from the theme: one Word style per theme style (Word's built-in id and name where
/// there is one), each holding only what differs from the style it is based on, so an editor who
/// changes Normal's font changes the whole document as Word users expect.
/// </summary>
internal sealed class StylesBuilder
{
    // A style nothing equals: comparing against it writes every property (used for Normal).
    private static readonly ParagraphStyle Unset = new(
        "", "", false, false, -1, -1, "", (TextAlign)(-1), -1, -1, 0, 0, false, 0, "", 0);

    private readonly Theme _theme;
    private readonly string _lang;
    private readonly LanguageTags _languages;
    private readonly double _contentWidth;

    public StylesBuilder(Theme theme, string lang, double contentWidth)
    {
        _theme = theme;
        _lang = lang;
        _languages = LanguageTags.For(lang);
        _contentWidth = contentWidth;
    }

    public Styles Build()
    {
        var body = _theme.Style("body", _lang);
        var styles = new Styles(DocDefaults(body));

        // Normal carries the body style; every other paragraph style is based on it.
        var normal = ParagraphStyleElement(WordStyles.NormalId, "Normal", null, body, Unset);
        normal.Default = true;
        normal.PrimaryStyle = new PrimaryStyle();
        var normalPPr = normal.StyleParagraphProperties ??= new StyleParagraphProperties();
        normalPPr.WidowControl = new WidowControl();
        // Korean: break lines between words (어절), never inside one — Word's wordWrap on keeps a
        // Hangul word whole (MS-OI29500 §2.1.67: Word applies it to Korean text).
        normalPPr.WordWrap = new WordWrap { Val = OnOffValue.FromBoolean(true) };
        // No extra space between Hangul and Latin letters or digits: the PDF and HTML editions add none.
        normalPPr.AutoSpaceDE = new AutoSpaceDE { Val = OnOffValue.FromBoolean(false) };
        normalPPr.AutoSpaceDN = new AutoSpaceDN { Val = OnOffValue.FromBoolean(false) };
        styles.Append(normal);

        styles.Append(Fixed("""
            <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
            """));
        styles.Append(Fixed("""
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            """));
        styles.Append(Fixed("""
            <w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
            """));

        foreach (var name in _theme.StyleNames)
        {
            var word = WordStyles.For(name);
            var style = _theme.Style(name, _lang);
            var parentName = _theme.File.Styles[name].BasedOn;
            var parent = parentName is null ? body : _theme.Style(parentName, _lang);
            var basedOn = parentName is null || parentName == "body" ? WordStyles.NormalId : WordStyles.For(parentName).Id;
            var element = ParagraphStyleElement(word.Id, word.Name, basedOn, style, parent);
            if (WordStyles.HeadingLevel(name) is { } level)
            {
                (element.StyleParagraphProperties ??= new StyleParagraphProperties()).OutlineLevel = new OutlineLevel { Val = level - 1 };
            }
            else if (parentName is not null && WordStyles.HeadingLevel(parentName) is not null)
            {
                // Looks like a heading but is none (the contents' own heading): body text in the outline, so no TOC lists it.
                (element.StyleParagraphProperties ??= new StyleParagraphProperties()).OutlineLevel = new OutlineLevel { Val = 9 };
            }
            if (name is "header" or "footer")
            {
                // Tab stops that place the running head's centre and right slots.
                (element.StyleParagraphProperties ??= new StyleParagraphProperties()).Tabs = RunningTabs(_contentWidth);
            }
            element.PrimaryStyle = name is "body" or "title" or "subtitle" or "quote" or "caption" or "list" || WordStyles.HeadingLevel(name) is not null
                ? new PrimaryStyle() : null;
            element.UIPriority = word.BuiltIn ? null : new UIPriority { Val = 20 };
            if (name == "note" || name is "header" or "footer") element.UnhideWhenUsed = new UnhideWhenUsed();
            styles.Append(element);
        }

        var link = _theme.Colors.TryGetValue("link", out var linkColor) ? linkColor : body.Color;
        styles.Append(Fixed($"""
            <w:style w:type="character" w:styleId="{WordStyles.HyperlinkId}"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="{Hex(link)}"/><w:u w:val="single"/></w:rPr></w:style>
            """));
        styles.Append(Fixed($"""
            <w:style w:type="character" w:styleId="{WordStyles.FootnoteReferenceId}"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
            """));

        var codeLatin = System.Security.SecurityElement.Escape(_theme.Face(_theme.CodeFontRole, Script.Latin, false, false, _lang).Family);
        var codeHangul = System.Security.SecurityElement.Escape(_theme.Face(_theme.CodeFontRole, Script.Hangul, false, false, _lang).Family);
        styles.Append(Fixed($"""
            <w:style w:type="character" w:styleId="{WordStyles.CodeId}"><w:name w:val="{WordStyles.CodeName}"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:rFonts w:ascii="{codeLatin}" w:hAnsi="{codeLatin}" w:eastAsia="{codeHangul}" w:cs="{codeLatin}"/></w:rPr></w:style>
            """));

        // Word's own definition of its Emphasis style; inside an italic paragraph style it toggles to upright.
        styles.Append(Fixed($"""
            <w:style w:type="character" w:styleId="{WordStyles.EmphasisId}"><w:name w:val="{WordStyles.EmphasisName}"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="20"/><w:qFormat/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
            """));

        // A light grid for tables: thin rules in the theme's rule colour, the header row shaded.
        var rule = Hex(_theme.Colors.TryGetValue("rule", out var r) ? r : "#9aa3ad");
        var shade = _theme.Colors.TryGetValue("shade", out var s) ? $"""<w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{Hex(s)}"/></w:tcPr></w:tblStylePr>""" : "";
        styles.Append(Fixed($"""
            <w:style w:type="table" w:styleId="{WordStyles.TableGridId}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:left w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:right w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="{rule}"/></w:tblBorders><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>{shade}</w:style>
            """));
        return styles;
    }

    public static Tabs RunningTabs(double contentWidth) => new(
        new TabStop { Val = TabStopValues.Center, Position = Length.ToTwips(contentWidth / 2) },
        new TabStop { Val = TabStopValues.Right, Position = Length.ToTwips(contentWidth) });

    private DocDefaults DocDefaults(ParagraphStyle body)
    {
        var latin = _theme.Face(body.FontRole, Script.Latin, false, false, _lang).Family;
        var hangul = _theme.Face(body.FontRole, Script.Hangul, false, false, _lang).Family;
        return new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = latin, HighAnsi = latin, EastAsia = hangul, ComplexScript = latin },
                new FontSize { Val = HalfPoints(body.Size) },
                new FontSizeComplexScript { Val = HalfPoints(body.Size) },
                new Languages { Val = _languages.Val, EastAsia = _languages.EastAsia, Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
    }

    private Style ParagraphStyleElement(string id, string name, string? basedOn, ParagraphStyle style, ParagraphStyle parent)
    {
        var element = new Style { Type = StyleValues.Paragraph, StyleId = id };
        element.StyleName = new StyleName { Val = name };
        if (basedOn is not null) element.BasedOn = new BasedOn { Val = basedOn };
        if (id is not "Normal") element.NextParagraphStyle = new NextParagraphStyle { Val = id.StartsWith("Heading", StringComparison.Ordinal) || id is "Title" or "Subtitle" or "Caption" ? "BodyText" : id };
        var pPr = ParagraphProperties(style, parent);
        if (pPr.HasChildren) element.StyleParagraphProperties = pPr;
        var rPr = RunProperties(style, parent);
        if (rPr.HasChildren) element.StyleRunProperties = rPr;
        return element;
    }

    private StyleParagraphProperties ParagraphProperties(ParagraphStyle s, ParagraphStyle p)
    {
        var pPr = new StyleParagraphProperties();
        if (s.KeepWithNext != p.KeepWithNext || (ReferenceEquals(p, Unset) && s.KeepWithNext))
            pPr.KeepNext = s.KeepWithNext ? new KeepNext() : new KeepNext { Val = false };
        if (s.RuleBelow != p.RuleBelow || s.RuleColor != p.RuleColor)
        {
            if (s.RuleBelow > 0)
                pPr.ParagraphBorders = new ParagraphBorders(new BottomBorder
                {
                    Val = BorderValues.Single, Size = Eighths(s.RuleBelow), Space = 4, Color = Hex(s.RuleColor),
                });
            else if (p.RuleBelow > 0)
                pPr.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.None, Size = 0, Space = 0 });
        }
        if (s.SpaceBefore != p.SpaceBefore || s.SpaceAfter != p.SpaceAfter || s.LineHeight != p.LineHeight)
            pPr.SpacingBetweenLines = Spacing(s);
        if (s.IndentLeft != p.IndentLeft || s.IndentFirst != p.IndentFirst)
            pPr.Indentation = Indentation(s.IndentLeft, s.IndentFirst);
        // Hyphenation serves justified text only, as in the PDF: headings, captions and credits stay whole.
        var hyphenated = s.Align == TextAlign.Justify;
        if (hyphenated != (p.Align == TextAlign.Justify) || ReferenceEquals(p, Unset))
            pPr.SuppressAutoHyphens = hyphenated ? new SuppressAutoHyphens { Val = false } : new SuppressAutoHyphens();
        if (s.Align != p.Align)
            pPr.Justification = new Justification { Val = Justify(s.Align) };
        return pPr;
    }

    private StyleRunProperties RunProperties(ParagraphStyle s, ParagraphStyle p)
    {
        var rPr = new StyleRunProperties();
        if (s.FontRole != p.FontRole)
        {
            var latin = _theme.Face(s.FontRole, Script.Latin, false, false, _lang).Family;
            var hangul = _theme.Face(s.FontRole, Script.Hangul, false, false, _lang).Family;
            rPr.RunFonts = new RunFonts { Ascii = latin, HighAnsi = latin, EastAsia = hangul, ComplexScript = latin };
        }
        if (s.Bold != p.Bold) rPr.Bold = s.Bold ? new Bold() : new Bold { Val = false };
        if (s.Italic != p.Italic) rPr.Italic = s.Italic ? new Italic() : new Italic { Val = false };
        if (s.Color != p.Color) rPr.Color = new Color { Val = Hex(s.Color) };
        if (s.Tracking != p.Tracking) rPr.Spacing = new Spacing { Val = Length.ToTwips(s.Tracking) };
        if (s.Size != p.Size)
        {
            rPr.FontSize = new FontSize { Val = HalfPoints(s.Size) };
            rPr.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(s.Size) };
        }
        return rPr;
    }

    /// <summary>Space before and after; the line pitch is exact, as in the PDF edition, so both editions keep the theme's leading.</summary>
    public static SpacingBetweenLines Spacing(ParagraphStyle s) => new()
    {
        Before = Length.ToTwips(s.SpaceBefore).ToString(CultureInfo.InvariantCulture),
        After = Length.ToTwips(s.SpaceAfter).ToString(CultureInfo.InvariantCulture),
        Line = Length.ToTwips(s.LineHeight).ToString(CultureInfo.InvariantCulture),
        LineRule = LineSpacingRuleValues.Exact,
    };

    public static Indentation Indentation(double left, double first)
    {
        var ind = new Indentation { Left = Length.ToTwips(left).ToString(CultureInfo.InvariantCulture) };
        if (first > 0) ind.FirstLine = Length.ToTwips(first).ToString(CultureInfo.InvariantCulture);
        else if (first < 0) ind.Hanging = Length.ToTwips(-first).ToString(CultureInfo.InvariantCulture);
        else ind.FirstLine = "0";
        return ind;
    }

    public static JustificationValues Justify(TextAlign align) => align switch
    {
        TextAlign.Justify => JustificationValues.Both,
        TextAlign.Center => JustificationValues.Center,
        TextAlign.Right => JustificationValues.Right,
        _ => JustificationValues.Left,
    };

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Border widths are in eighths of a point, from 2 to 96.</summary>
    public static uint Eighths(double points) => (uint)Math.Clamp(Math.Round(points * 8), 2, 96);

    public static string Hex(string color) => color.TrimStart('#').ToUpperInvariant();

    private static Style Fixed(string xml) =>
        new(xml.Trim().Replace("<w:style ", "<w:style xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ", StringComparison.Ordinal));
}
