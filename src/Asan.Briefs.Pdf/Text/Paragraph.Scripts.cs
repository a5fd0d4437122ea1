using Asan.Briefs.Theming;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Script and font resolution: the script of every character and the run style (face, size, colour) of every span.</summary>
internal sealed partial class Paragraph
{
    /// <summary>The script of every character: that of the sequence-text character it comes from, resolved by the
    /// writers' one rule (<see cref="SequenceText.Scripts"/>).</summary>
    private void ResolveScripts()
    {
        var n = _text.Length;
        _script = _scratch!.Script.Length >= n ? _scratch.Script : new CharScript[n * 2];
        var scripts = _sequence.Scripts(_korean ? CharScript.Hangul : CharScript.Latin);
        for (var i = 0; i < n; i++) _script[i] = scripts[_source[i]];
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
            // The theme's size correction of the face (e.g. code's Latin beside Hangul), on top of a note call's.
            Size = (note ? _style.Size * TextLayouter.NoteCallScale : _style.Size) * face.Scale,
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
