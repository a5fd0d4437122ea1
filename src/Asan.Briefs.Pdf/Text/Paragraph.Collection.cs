using System.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Collection: the inlines flattened into one string with collapsed spaces and the spans that style it.</summary>
internal sealed partial class Paragraph
{
    private void Flatten(IReadOnlyList<PrintInline> inlines)
    {
        var sb = _scratch!.Text.Clear();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case PrintText t:
                {
                    var start = sb.Length;
                    foreach (var c in t.Text)
                    {
                        if (c is '\u00AD' or '\u200B' or '\uFEFF') continue; // soft hyphen, zero-width space, BOM
                        if (TextRules.IsCollapsibleSpace(c))
                        {
                            if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n') sb.Append(' ');
                        }
                        else sb.Append(c);
                    }
                    // A collapsed space may have been absorbed by the previous span: keep spans contiguous.
                    if (sb.Length > start) AddSpan(start, sb.Length, new SpanInfo { Bold = t.Bold, Italic = t.Italic, Code = t.Code, Href = t.Href });
                    break;
                }
                case PrintNoteCall call when call.Note.Mark.Length > 0:
                {
                    TrimTrailingSpace(sb);
                    var start = sb.Length;
                    sb.Append(call.Note.Mark);
                    AddSpan(start, sb.Length, new SpanInfo { Note = call.Note });
                    break;
                }
                case PrintLineBreak:
                {
                    TrimTrailingSpace(sb);
                    var start = sb.Length;
                    sb.Append('\n');
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
