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

    /// <summary>The pieces of one text run that take one face; the whole text, script unknown, without <paramref name="scripts"/>.</summary>
    private static IEnumerable<(string Text, CharScript? Script)> Segments(string text, CharScript[]? scripts, int offset)
    {
        if (scripts is null || text.Length == 0)
        {
            yield return (text, null);
            yield break;
        }
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && scripts[offset + i] == scripts[offset + start]) continue;
            yield return (text[start..i], scripts[offset + start]);
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

    private RunProperties SegmentProperties(PrintText text, string? runStyle, bool inLink, ParagraphStyle style, CharScript? script)
    {
        var rPr = new RunProperties();
        if (runStyle is not null) rPr.RunStyle = new RunStyle { Val = runStyle };
        var hangul = script == CharScript.Hangul;
        if (script is not null)
        {
            // Emphasis toggles the style's slant, as Word's Emphasis style toggles a Quote's italic; Hangul
            // takes the theme's upright emphasis face (Theme.Face), never Word's slant.
            var role = text.Code ? _ctx.Theme.CodeFontRole : style.FontRole;
            var face = _ctx.Theme.Face(role, hangul ? Script.Hangul : Script.Latin, style.Bold || text.Bold, style.Italic ^ text.Italic, _ctx.Resolved.Lang);
            rPr.RunFonts = new RunFonts { Ascii = face.Family, HighAnsi = face.Family, EastAsia = face.Family, ComplexScript = face.Family };
            if (hangul) rPr.RunFonts.Hint = FontTypeHintValues.EastAsia;
        }
        if (text.Bold) rPr.Bold = new Bold();
        if (hangul && (text.Italic || style.Italic)) rPr.Italic = new Italic { Val = false };
        if (inLink && runStyle != WordStyles.HyperlinkId)
        {
            rPr.Color = new Color { Val = StylesBuilder.Hex(_ctx.Theme.Colors.TryGetValue("link", out var link) ? link : style.Color) };
            rPr.Underline = new Underline { Val = UnderlineValues.Single };
        }
        if (script == CharScript.Latin && _ctx.LatinLanguage is not null) rPr.Languages = new Languages { Val = _ctx.LatinLanguage };
        return rPr;
    }
}
