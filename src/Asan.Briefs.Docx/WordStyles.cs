using System.Text;

namespace Asan.Briefs.Docx;

/// <summary>A Word style: the id paragraphs reference and the name Word shows.</summary>
internal sealed record WordStyle(string Id, string Name, bool BuiltIn);

/// <summary>
/// Maps theme style names to Word styles. Theme styles that have a Word built-in counterpart take its
/// id and name (so Word's navigation pane, outline view, table of contents and captions recognise
/// them); the others get a readable name ("Series Label") and an id from their theme name ("Series"),
/// which stays stable for the importer and for editors' macros.
/// </summary>
internal static class WordStyles
{
    public const string NormalId = "Normal";
    public const string HyperlinkId = "Hyperlink";
    /// <summary>Word's built-in character style for inline code ("HTML Code"), which pandoc's reader also knows.</summary>
    public const string CodeId = "HTMLCode";
    public const string CodeName = "HTML Code";
    /// <summary>
    /// Word's built-in character style for emphasis (italic): emphasis is read back from it, since Hangul
    /// in it is set upright (Korean has no italic) and a slant cannot say it is emphasis.
    /// </summary>
    public const string EmphasisId = "Emphasis";
    public const string EmphasisName = "Emphasis";
    public const string FootnoteReferenceId = "FootnoteReference";
    public const string TableGridId = "TableGrid";

    // Ids of the styles the writer adds beside the theme's; theme-named styles never take them.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        NormalId, "DefaultParagraphFont", "TableNormal", "NoList", HyperlinkId, FootnoteReferenceId, TableGridId, CodeId, EmphasisId,
        "BodyText", "Title", "Subtitle", "ListParagraph", "Quote", "Caption", "FootnoteText", "Header", "Footer",
        "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Heading7", "Heading8", "Heading9",
        "TOCHeading", "TOC1", "TOC2", "TOC3", "TOC4", "TOC5", "TOC6", "TOC7", "TOC8", "TOC9",
    };

    public static WordStyle For(string themeStyle) => themeStyle switch
    {
        "body" => new("BodyText", "Body Text", true),
        "title" => new("Title", "Title", true),
        "subtitle" => new("Subtitle", "Subtitle", true),
        "list" => new("ListParagraph", "List Paragraph", true),
        "quote" => new("Quote", "Quote", true),
        "caption" => new("Caption", "caption", true),
        "note" => new("FootnoteText", "footnote text", true),
        "header" => new("Header", "header", true),
        "footer" => new("Footer", "footer", true),
        "contents-heading" => new("TOCHeading", "TOC Heading", true),
        _ when HeadingLevel(themeStyle) is { } level => new($"Heading{level}", $"heading {level}", true),
        _ when ContentsLevel(themeStyle) is { } level => new($"TOC{level}", $"toc {level}", true),
        _ => new(CustomId(themeStyle), ReadableName(themeStyle), false),
    };

    // Names an editor reads in Word's style gallery; the ids (from the theme's names) stay as they were.
    private static readonly Dictionary<string, string> Readable = new(StringComparer.Ordinal)
    {
        ["series"] = "Series Label",
        ["meta"] = "Brief Metadata",
        ["author"] = "Author Name",
        ["affiliation"] = "Author Affiliation",
        ["figure"] = "Figure Image",
        ["credit"] = "Figure Source",
        ["table-cell"] = "Table Text",
        ["table-header"] = "Table Heading",
        ["endmatter-heading"] = "End Matter Heading",
        ["endmatter"] = "End Matter Text",
    };

    /// <summary>"series" → "Series Label"; a theme style not in the table gets its words capitalised ("pull-quote" → "Pull Quote").</summary>
    private static string ReadableName(string themeStyle) =>
        Readable.TryGetValue(themeStyle, out var name)
            ? name
            : string.Join(' ', themeStyle.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>1–9 for the theme styles heading1 … heading9, otherwise null.</summary>
    public static int? HeadingLevel(string themeStyle) =>
        themeStyle.Length == 8 && themeStyle.StartsWith("heading", StringComparison.Ordinal) && themeStyle[7] is >= '1' and <= '9'
            ? themeStyle[7] - '0'
            : null;

    /// <summary>1–9 for the theme styles toc1 … toc9 (contents entries), otherwise null.</summary>
    public static int? ContentsLevel(string themeStyle) =>
        themeStyle.Length == 4 && themeStyle.StartsWith("toc", StringComparison.Ordinal) && themeStyle[3] is >= '1' and <= '9'
            ? themeStyle[3] - '0'
            : null;

    /// <summary>"table-header" → "TableHeader"; never one of the ids the writer reserves.</summary>
    private static string CustomId(string name)
    {
        var id = new StringBuilder();
        var upper = true;
        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch)) { upper = true; continue; }
            id.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }
        if (id.Length == 0 || !char.IsAsciiLetter(id[0])) id.Insert(0, "Style");
        var result = id.ToString();
        return Reserved.Contains(result) ? result + "Theme" : result;
    }
}
