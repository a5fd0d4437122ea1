using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// Which theme style a paragraph of a draft is in. A style is recognised by its id or by its name,
/// as the writer set them or as Word and LibreOffice rename them on saving ("BodyText" may come back
/// as "TextBody" named "Body Text", "caption" as "Caption1"), and a style an editor based on one of
/// ours counts as ours.
/// </summary>
internal sealed class StyleRoles
{
    /// <summary>The theme styles the print templates give paragraphs.</summary>
    private static readonly string[] ThemeStyles =
    [
        "body", "title", "subtitle", "list", "quote", "caption", "note", "header", "footer",
        "heading1", "heading2", "heading3", "heading4", "heading5", "heading6",
        "series", "meta", "author", "affiliation", "figure", "credit", "table-cell", "table-header",
        "endmatter-heading", "endmatter", "contents-heading", "toc1", "toc2", "toc3",
    ];

    private static readonly Dictionary<string, string> Known = BuildKnown();

    private readonly Dictionary<string, string?> _byId = new(StringComparer.Ordinal);

    public StyleRoles(MainDocumentPart main)
    {
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>().ToList() ?? [];
        var byId = styles.Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First());
        foreach (var (id, style) in byId)
        {
            string? role = null;
            var seen = new HashSet<string>();
            for (var s = style; s is not null && role is null && seen.Add(s.StyleId!.Value!);)
            {
                role = Lookup(s.StyleId!.Value!) ?? Lookup(s.StyleName?.Val?.Value);
                s = s.BasedOn?.Val?.Value is { } parent && byId.TryGetValue(parent, out var p) ? p : null;
            }
            _byId[id] = role;
        }
    }

    /// <summary>The theme style of a paragraph, "body" when it names none (Word's Normal) and null for a style that is not ours.</summary>
    public string? Of(Paragraph paragraph)
    {
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (id is null) return "body";
        if (_byId.TryGetValue(id, out var role)) return role ?? (Key(id) == "normal" ? "body" : null);
        return Lookup(id);
    }

    private static string? Lookup(string? idOrName) =>
        idOrName is not null && Known.TryGetValue(Key(idOrName), out var role) ? role : null;

    private static Dictionary<string, string> BuildKnown()
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var theme in ThemeStyles)
        {
            var word = WordStyles.For(theme);
            known.TryAdd(Key(word.Id), theme);
            known.TryAdd(Key(word.Name), theme);
            known.TryAdd(Key(theme), theme);
        }
        // The names LibreOffice gives Word's built-in styles it has its own counterparts for.
        known.TryAdd("textbody", "body");
        known.TryAdd("footnote", "note");
        known.TryAdd("quotations", "quote");
        known.TryAdd("normal", "body");
        known.TryAdd("contentsheading", "contents-heading");
        for (var level = 1; level <= 9; level++) known.TryAdd($"contents{level}", $"toc{level}");
        return known;
    }

    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
