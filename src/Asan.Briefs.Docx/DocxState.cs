using Asan.Briefs.Theming;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>What the Word writer accumulates while it walks the markup: the body, notes, parts and pending spacing.</summary>
internal sealed class DocxState
{
    public List<OpenXmlElement> Body { get; } = [];
    public List<Footnote> Footnotes { get; } = [];
    public Dictionary<OpenXmlPart, Dictionary<string, string>> Links { get; } = new();
    public Dictionary<string, string> Images { get; } = new(StringComparer.Ordinal);
    public int DrawingId { get; set; }
    public bool PageBreakPending { get; set; }
    public double? SpaceBeforePending { get; set; }

    /// <summary>The characters set in each font role, weight and slant, for embedding font subsets.</summary>
    public Dictionary<(string Role, bool Bold, bool Italic), SortedSet<int>> FontUsage { get; } = new();

    /// <summary>Word style ids the document references, for checks and tests.</summary>
    public HashSet<string> UsedStyles { get; } = new(StringComparer.Ordinal);

    public void Use(ParagraphStyle style, bool bold, bool italic, string text)
    {
        var key = (style.FontRole, style.Bold || bold, style.Italic || italic);
        if (!FontUsage.TryGetValue(key, out var set)) FontUsage[key] = set = [];
        foreach (var rune in text.EnumerateRunes()) set.Add(rune.Value);
    }
}
