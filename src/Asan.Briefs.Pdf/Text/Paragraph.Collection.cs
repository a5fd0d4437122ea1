using System.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>
/// Collection: the inlines' sequence text (<see cref="SequenceText"/>, whose scripts the writers share) folded
/// into the string the paragraph sets, with collapsed spaces, and the spans that style it; each character
/// remembers where in the sequence text it comes from.
/// </summary>
internal sealed partial class Paragraph
{
    private void Flatten(IReadOnlyList<PrintInline> inlines)
    {
        _sequence = SequenceText.Of(inlines);
        var sequence = _sequence.Text;
        var sb = _scratch!.Text.Clear();
        _source = _scratch.Source.Length >= sequence.Length ? _scratch.Source : new int[sequence.Length * 2];
        void Append(char c, int from)
        {
            _source[sb.Length] = from;
            sb.Append(c);
        }
        for (var p = 0; p < inlines.Count; p++)
        {
            var from = _sequence.Start(p);
            switch (inlines[p])
            {
                case PrintText t:
                {
                    var start = sb.Length;
                    for (var k = 0; k < t.Text.Length; k++)
                    {
                        var c = t.Text[k];
                        if (c is '\u00AD' or '\u200B' or '\uFEFF') continue; // soft hyphen, zero-width space, BOM
                        if (TextRules.IsCollapsibleSpace(c))
                        {
                            if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n') Append(' ', from + k);
                        }
                        else Append(c, from + k);
                    }
                    // A collapsed space may have been absorbed by the previous span: keep spans contiguous.
                    if (sb.Length > start) AddSpan(start, sb.Length, new SpanInfo { Bold = t.Bold, Italic = t.Italic, Code = t.Code, Href = t.Href });
                    break;
                }
                case PrintNoteCall call when call.Note.Mark.Length > 0:
                {
                    TrimTrailingSpace(sb);
                    var start = sb.Length;
                    for (var k = 0; k < call.Note.Mark.Length; k++) Append(call.Note.Mark[k], from + k);
                    AddSpan(start, sb.Length, new SpanInfo { Note = call.Note });
                    break;
                }
                case PrintLineBreak:
                {
                    TrimTrailingSpace(sb);
                    var start = sb.Length;
                    Append('\n', from);
                    AddSpan(start, sb.Length, new SpanInfo { Break = true });
                    break;
                }
                // PrintField: the page engine substitutes running-head fields before setting them.
            }
        }
        TrimTrailingSpace(sb);
        _text = sb.ToString();
        _spanOf = _scratch.SpanOf.Length >= _text.Length ? _scratch.SpanOf : new int[_text.Length * 2];
        for (var s = 0; s < _spans.Count; s++)
            for (var i = _spans[s].Start; i < _spans[s].End; i++) _spanOf[i] = s;
    }

    private void AddSpan(int start, int end, SpanInfo info)
    {
        info.Start = start;
        info.End = end;
        _spans.Add(info);
    }

    private void TrimTrailingSpace(StringBuilder sb)
    {
        if (sb.Length == 0 || sb[^1] != ' ') return;
        sb.Length--;
        for (var s = _spans.Count - 1; s >= 0; s--)
        {
            var span = _spans[s];
            if (span.End <= sb.Length) break;
            span.End = sb.Length;
            if (span.End <= span.Start) _spans.RemoveAt(s);
            else _spans[s] = span;
        }
    }
}
