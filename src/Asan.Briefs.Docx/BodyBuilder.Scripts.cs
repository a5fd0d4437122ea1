using Asan.Briefs.Fonts;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// Runs per face, by the writers' one script rule (<see cref="TextRules.ResolveScripts"/>, as the PDF sets
/// them): each run names its face in every slot, so that neither Word's nor LibreOffice's own guess decides
/// the face of quotes, brackets, dashes and ASCII symbols, and Hangul is never slanted (Korean has no italic):
/// it takes the theme's upright emphasis face, while the Emphasis character style keeps it emphasis.
/// </summary>
internal sealed partial class BodyBuilder
{
    /// <summary>The script of every character of the paragraph's sequence text (<see cref="SequenceText"/>, as the PDF and
    /// the web page resolve it); null when text stays one run per inline (a document in Latin script with no Hangul in the paragraph).</summary>
    private CharScript[]? ParagraphScripts(SequenceText sequence)
    {
        var korean = _ctx.LatinLanguage is not null;
        if (!korean && !sequence.HasHangul) return null;
        return sequence.Scripts(korean ? CharScript.Hangul : CharScript.Latin);
    }

    /// <summary>
    /// KLREQ, JLREQ: a full-width bracket beside a space gives up its half-width blank (<see cref="TextRules.LosesLeadingBlank"/>,
    /// <see cref="TextRules.LosesTrailingBlank"/>), as in the PDF and the web page. Word's character spacing is taken off after
    /// each character of a run (ECMA-376 17.3.2.35), so a closer is condensed by its blank, and an opener by condensing the space
    /// before it. The blank is the Hangul face's own (<see cref="HalfWidthBrackets"/>: none for a proportional bracket), in em,
    /// per character of the sequence (<see cref="Trims.After"/>) and for a space before it (<paramref name="afterSpace"/>);
    /// null when no character gives one up.
    /// </summary>
    private Trims? BracketTrims(SequenceText sequence, CharScript[]? scripts, ParagraphStyle style, bool afterSpace)
    {
        if (scripts is null) return null;
        var shift = afterSpace ? 1 : 0;
        var text = afterSpace ? " " + sequence.Text : sequence.Text;
        double[]? after = null;
        double? space = null;
        for (var i = shift; i < text.Length; i++)
        {
            var leading = TextRules.LosesLeadingBlank(text, i);
            if (!leading && !TextRules.LosesTrailingBlank(text, i) || scripts[i - shift] != CharScript.Hangul) continue;
            var font = FontLibrary.Shared.Get(_ctx.Theme.Face(style.FontRole, Script.Hangul, style.Bold, false, _ctx.Resolved.Lang).Path);
            var glyph = font.GlyphFor(text[i]);
            if (HalfWidthBrackets.For(font, text[i], glyph) is not { } half) continue;
            var trim = (HalfWidthBrackets.Advance(font, glyph) - HalfWidthBrackets.Advance(font, half)) / (double)font.UnitsPerEm;
            var at = (leading ? i - 1 : i) - shift;
            if (at < 0) space = trim;
            else (after ??= new double[sequence.Text.Length])[at] = trim;
        }
        return after is null && space is null ? null : new Trims(after, space);
    }

    /// <summary>What <see cref="BracketTrims(SequenceText, CharScript[], ParagraphStyle, bool)"/> found: em taken off after each character, and off a space before them.</summary>
    private sealed record Trims(double[]? After, double? Space);

    /// <summary>Word's character spacing that takes <paramref name="trim"/> em off, in twentieths of a point.</summary>
    private static Spacing Condensed(double trim, ParagraphStyle style) => new() { Val = -(int)Math.Round(trim * style.Size * 20) };

    /// <summary>
    /// The pieces of one text run that take one face, a character condensed by <paramref name="trims"/> (em) a piece of its own;
    /// the whole text, script unknown, without <paramref name="scripts"/>.
    /// </summary>
    private static IEnumerable<(string Text, CharScript? Script, double Trim)> Segments(string text, CharScript[]? scripts, double[]? trims, int offset)
    {
        if (scripts is null || text.Length == 0)
        {
            yield return (text, null, 0);
            yield break;
        }
        double Trim(int k) => trims is null ? 0 : trims[offset + k];
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && scripts[offset + i] == scripts[offset + start] && Trim(i) == 0 && Trim(start) == 0) continue;
            yield return (text[start..i], scripts[offset + start], Trim(start));
            start = i;
        }
    }

    /// <summary>
    /// A run's one character style: code's own, else Word's Emphasis (which the importer reads back as
    /// emphasis whatever the run's slant), else Hyperlink inside a link. A link run in another style
    /// takes the link's look directly; the importer reads links from w:hyperlink, not from the style.
    /// </summary>
    private static string? RunStyleOf(PrintText text, bool inLink) =>
        text.Code ? WordStyles.CodeId : text.Italic ? WordStyles.EmphasisId : inLink ? WordStyles.HyperlinkId : null;

    private RunProperties SegmentProperties(PrintText text, string? runStyle, bool inLink, ParagraphStyle style, CharScript? script, double trim)
    {
        var rPr = new RunProperties();
        if (runStyle is not null) rPr.RunStyle = new RunStyle { Val = runStyle };
        var hangul = script == CharScript.Hangul;
        // Emphasis toggles the style's slant, as Word's Emphasis style toggles a Quote's italic; Hangul
        // takes the theme's upright emphasis face (Theme.Face), never Word's slant. Text of no known script
        // (a paragraph without Hangul) is Latin.
        var role = text.Code ? _ctx.Theme.CodeFontRole : style.FontRole;
        var face = _ctx.Theme.Face(role, hangul ? Script.Hangul : Script.Latin, style.Bold || text.Bold, style.Italic ^ text.Italic, _ctx.Resolved.Lang);
        if (script is not null)
        {
            rPr.RunFonts = new RunFonts { Ascii = face.Family, HighAnsi = face.Family, EastAsia = face.Family, ComplexScript = face.Family };
            if (hangul) rPr.RunFonts.Hint = FontTypeHintValues.EastAsia;
        }
        // The theme's size correction of the face, in the half points Word sizes text in.
        if (face.Scale != 1)
        {
            var size = StylesBuilder.HalfPoints(style.Size * face.Scale);
            (rPr.FontSize, rPr.FontSizeComplexScript) = (new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        }
        if (text.Bold) rPr.Bold = new Bold();
        if (hangul && (text.Italic || style.Italic)) rPr.Italic = new Italic { Val = false };
        if (trim > 0) rPr.Spacing = Condensed(trim, style);
        if (inLink && runStyle != WordStyles.HyperlinkId)
        {
            rPr.Color = new Color { Val = StylesBuilder.Hex(_ctx.Theme.Colors.TryGetValue("link", out var link) ? link : style.Color) };
            rPr.Underline = new Underline { Val = UnderlineValues.Single };
        }
        if (script == CharScript.Latin && _ctx.LatinLanguage is not null) rPr.Languages = new Languages { Val = _ctx.LatinLanguage };
        return rPr;
    }
}
