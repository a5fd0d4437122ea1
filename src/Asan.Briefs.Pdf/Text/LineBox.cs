using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Text;

// The contract between text layout (shaping, line breaking, justification) and page layout
// (pagination, drawing). Text produces lines of positioned glyph runs; pages stack them.

/// <summary>
/// Shaped glyphs in one face, size and colour, placed on a line. <see cref="X"/> is the run's start
/// from the line's left edge in points; <see cref="Positions"/> are glyph origins from the run start.
/// <see cref="Text"/> and <see cref="Clusters"/> map glyphs back to characters for text extraction.
/// Positions hold one x per glyph (the run is horizontal; HarfBuzz's x offsets are folded in);
/// <see cref="Clusters"/> are UTF-16 offsets into <see cref="Text"/>; <see cref="Width"/> is the
/// run's advance including any stretched spaces; <see cref="BaselineShift"/> is in points, positive
/// raises the run (note calls).
/// </summary>
public sealed record GlyphRun(
    FontFace Face,
    double Size,
    string Color,
    ushort[] Glyphs,
    float[] Positions,
    string Text,
    uint[] Clusters,
    double X,
    double Width,
    double BaselineShift,
    string? Href,
    PrintNote? NoteCall);

/// <summary>
/// One set line: runs already justified, with the vertical metrics pagination needs.
/// <see cref="Width"/> is the right edge of the set text from the line's left edge (first-line
/// indent and alignment included; equal to the measure for a justified line); <see cref="Ascent"/>
/// and <see cref="Descent"/> are both positive, from the fonts' metrics at their sizes (raised note
/// calls included); <see cref="Height"/> is the style's line height.
/// </summary>
public sealed record LineBox(
    IReadOnlyList<GlyphRun> Runs,
    double Width,
    double Ascent,
    double Descent,
    double Height,
    bool EndsParagraph)
{
    /// <summary>Notes whose calls sit on this line: they go to the foot of the page the line lands on.</summary>
    public IEnumerable<PrintNote> NoteCalls => Runs.Select(r => r.NoteCall).OfType<PrintNote>().Distinct();
}

public enum LineBreaking
{
    /// <summary>Knuth–Plass: choose all breaks of the paragraph together to keep spacing even.</summary>
    TotalFit,
    /// <summary>First fit, line by line: for comparison and for text that is not justified.</summary>
    Greedy,
}
