using Asan.Briefs.Theming;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Script and font resolution: the script of every character and the run style (face, size, colour) of every span.</summary>
internal sealed partial class Paragraph
{
    /// <summary>The script of every character, by the writers' one rule (<see cref="TextRules.ResolveScripts"/>).</summary>
    private void ResolveScripts()
    {
        var n = _text.Length;
        _script = _scratch!.Script.Length >= n ? _scratch.Script : new CharScript[n * 2];
        TextRules.ResolveScripts(_text.AsSpan(), _script.AsSpan(0, n), _korean ? CharScript.Hangul : CharScript.Latin);
        // A note call's mark is set in one face: the script of its first character.
        foreach (var span in _spans)
        {
            if (span.Note is null) continue;
            for (var i = span.Start + 1; i < span.End; i++) _script[i] = _script[span.Start];
        }
    }

    private RunStyle StyleAt(int i, CharScript script)
    {
        var span = _spans[_spanOf[i]];
        return StyleFor(span, script == CharScript.Hangul ? Script.Hangul : Script.Latin);
    }

    private RunStyle StyleFor(in SpanInfo span, Script script)
    {
        foreach (var st in _styles)
        {
            if (st.Hangul == (script == Script.Hangul) && ReferenceEquals(st.Note, span.Note) && st.Href == span.Href && st.Code == span.Code
                && st.RequestedBold == (_style.Bold || span.Bold) && st.RequestedItalic == (_style.Italic ^ span.Italic))
                return st;
        }
        var style = NewStyle(span, script);
        style.Fallback = NewStyle(span, script == Script.Hangul ? Script.Latin : Script.Hangul);
        style.Fallback.Fallback = null;
        _styles.Add(style);
        return style;
    }

    private RunStyle NewStyle(in SpanInfo span, Script script)
    {
        var (face, font) = _owner.FaceFor(span.Code ? _owner.Theme.CodeFontRole : _style.FontRole, script, _style.Bold || span.Bold, _style.Italic ^ span.Italic, _lang);
        var note = span.Note is not null;
        return new RunStyle
        {
            Face = face,
            Font = font,
            Size = note ? _style.Size * TextLayouter.NoteCallScale : _style.Size,
            Shift = note ? _style.Size * TextLayouter.NoteCallRise : 0,
            Color = span.Href is not null && _owner.LinkColor is { } link ? link : _style.Color,
            Href = span.Href,
            Code = span.Code,
            Note = span.Note,
            Hangul = script == Script.Hangul,
            Tracking = _style.Tracking,
            Features = _style.Tracking != 0 ? ShapingFeatures.NoLigatures : ShapingFeatures.Standard,
            RequestedBold = _style.Bold || span.Bold,
            RequestedItalic = _style.Italic ^ span.Italic,
        };
    }
}
