namespace Asan.Briefs.Theming;

// The shape of templates/theme.yaml as written by a designer; Theme resolves it into points and files.

public sealed class ThemeFile
{
    public PageFile Page { get; set; } = new();
    public Dictionary<string, FontRoleFile> Fonts { get; set; } = new();
    public Dictionary<string, string> Colors { get; set; } = new();
    public Dictionary<string, StyleFile> Styles { get; set; } = new();
    public Dictionary<string, LanguageThemeFile> Languages { get; set; } = new();
    public ContentsFile Contents { get; set; } = new();
    public PdfThemeFile Pdf { get; set; } = new();
    public LimitsFile Limits { get; set; } = new();
    public JustifyFile Justify { get; set; } = new();
}

/// <summary>How deep and how large content may be; beyond these a brief is refused at the line, never cut.</summary>
public sealed class LimitsFile
{
    public int ListDepth { get; set; } = Reading.ContentLimits.Default.ListDepth;
    public int QuoteDepth { get; set; } = Reading.ContentLimits.Default.QuoteDepth;
    public double ImageMegapixels { get; set; } = Reading.ContentLimits.Default.ImagePixels / 1e6;
}

/// <summary>When an edition gets a table of contents.</summary>
public sealed class ContentsFile
{
    /// <summary>A brief with at least this many headings gets one; 0: never.</summary>
    public int MinHeadings { get; set; } = 4;
    /// <summary>What leads from an entry to its page number in the PDF: "dots" (a dotted leader) or "none" (the number alone, right-aligned).</summary>
    public string Leader { get; set; } = "dots";
}

public sealed class PageFile
{
    public string Width { get; set; } = "210mm";
    public string Height { get; set; } = "297mm";
    public string MarginTop { get; set; } = "25mm";
    public string MarginBottom { get; set; } = "25mm";
    public string MarginLeft { get; set; } = "22mm";
    public string MarginRight { get; set; } = "22mm";
    public string HeaderOffset { get; set; } = "12mm";
    public string FooterOffset { get; set; } = "12mm";
    public string NoteGap { get; set; } = "10pt";
    public string NoteRuleWidth { get; set; } = "40mm";
}

/// <summary>One font role (serif, sans) with a face per script.</summary>
public sealed class FontRoleFile
{
    public FontFacesFile Latin { get; set; } = new();
    public FontFacesFile Hangul { get; set; } = new();
}

public sealed class FontFacesFile
{
    public string Family { get; set; } = "";
    /// <summary>The font Word and LibreOffice should use where the family is not installed (Word's altName).</summary>
    public string? Fallback { get; set; }
    public string Regular { get; set; } = "";
    public string? Bold { get; set; }
    public string? Italic { get; set; }
    public string? BoldItalic { get; set; }
    /// <summary>
    /// For a script without italic (Hangul): the font role whose face, upright, sets emphasis in it
    /// instead of a slanted copy of the regular face. Null: emphasis stays upright in this face.
    /// </summary>
    public string? Emphasis { get; set; }
    /// <summary>
    /// A size correction: the face is set at this share of its style's size (e.g. 0.9), so that a face
    /// drawn larger or wider than the one beside it looks the same size. Null: 1.
    /// </summary>
    public double? Scale { get; set; }
}

public sealed class StyleFile
{
    public string? BasedOn { get; set; }
    public string? Font { get; set; }
    public string? Weight { get; set; }
    public bool? Italic { get; set; }
    public string? Size { get; set; }
    public double? Leading { get; set; }
    public string? Color { get; set; }
    public string? Align { get; set; }
    public string? SpaceBefore { get; set; }
    public string? SpaceAfter { get; set; }
    public string? IndentLeft { get; set; }
    public string? IndentFirst { get; set; }
    public bool? KeepWithNext { get; set; }
    public string? RuleBelow { get; set; }
    public string? RuleColor { get; set; }
    public string? Tracking { get; set; }
}

public sealed class LanguageThemeFile
{
    public Dictionary<string, StyleFile> Styles { get; set; } = new();
    /// <summary>How this language's justified lines stretch and shrink, over the top level's justify:.</summary>
    public JustifyFile? Justify { get; set; }
    /// <summary>Faces that replace a role's faces in this language, per script: e.g. a lighter Latin
    /// beside Hangul, whose strokes are thinner than the Latin face set alone.</summary>
    public Dictionary<string, FontRoleLanguageFile> Fonts { get; set; } = new();
}

/// <summary>A language's replacement of one font role's Latin or Hangul faces; an absent script keeps the role's.</summary>
public sealed class FontRoleLanguageFile
{
    public FontFacesFile? Latin { get; set; }
    public FontFacesFile? Hangul { get; set; }
}
