namespace Asan.Briefs.Model;

/// <summary>
/// The one rule that numbers figures and tables: each kind counts 1, 2, 3… in reading order through the
/// whole body (lists and quotes included), the same in every language. Captions and cross-references in
/// every output take their numbers from here, so "Table 2" in the text is the table captioned "Table 2".
/// </summary>
public sealed class Numbering
{
    public const string FigurePrefix = "fig:";
    public const string TablePrefix = "tbl:";

    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Block> _labelled = new(StringComparer.Ordinal);

    private Numbering(Brief brief)
    {
        int figures = 0, tables = 0;
        foreach (var block in brief.AllBlocks)
        {
            switch (block)
            {
                case FigureBlock f:
                    _numbers[f.Id] = ++figures;
                    if (f.Label is { } figureLabel) _labelled[figureLabel] = f;
                    break;
                case TableBlock t:
                    _numbers[t.Id] = ++tables;
                    if (t.Label is { } tableLabel) _labelled[tableLabel] = t;
                    break;
            }
        }
    }

    public static Numbering Of(Brief brief) => new(brief);

    /// <summary>The number of a figure or table.</summary>
    public int NumberOf(Block block) => _numbers[block.Id];

    /// <summary>The figure or table a reference names; the reader has checked that it exists and is of the kind its prefix says.</summary>
    public Block Target(string label) => _labelled[label];

    /// <summary>Whether an id has the form figures and tables take: fig: or tbl:, then lower-case letters, digits and single hyphens.</summary>
    public static bool IsLabel(string id) =>
        KindOf(id) is not null && id[4..] is { Length: > 0 } name && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>"figure" for fig:…, "table" for tbl:…, else null.</summary>
    public static string? KindOf(string id) =>
        id.StartsWith(FigurePrefix, StringComparison.Ordinal) ? "figure" : id.StartsWith(TablePrefix, StringComparison.Ordinal) ? "table" : null;

    /// <summary>fig:trade → fig-trade: the anchor of a labelled block in every output (HTML id, PDF destination, Word bookmark).</summary>
    public static string Anchor(string label) => label.Replace(':', '-');

    /// <summary>fig-trade → fig:trade, for an anchor read back from Word; null when the anchor is no figure's or table's.</summary>
    public static string? LabelOfAnchor(string anchor)
    {
        if (anchor.Length < 5 || anchor[3] != '-') return null;
        var label = anchor[..3] + ":" + anchor[4..];
        return IsLabel(label) ? label : null;
    }
}
