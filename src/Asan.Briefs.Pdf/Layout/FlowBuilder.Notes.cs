using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>Notes: each footnote set once at the text width, to be placed by <see cref="PageBuilder"/>.</summary>
internal sealed partial class FlowBuilder
{
    /// <summary>Sets a footnote at the text width: the mark hangs in the indent, linked back to the call.</summary>
    private NoteLayout SetNote(PrintNote note)
    {
        var style = _doc.Style("note");
        var markWidth = _text.Measure([new PrintText(note.Mark, false, false, null)], style, _lang).Natural;
        var hang = Math.Max(style.Size * 1.5, markWidth + style.Size * 0.5);
        var left = _page.MarginLeft + hang;
        var width = _page.ContentWidth - hang;
        var role = new BoxRole(StructureKind.Note, style.Name, 0, ++_element);
        var items = new List<VItem>();
        for (var p = 0; p < note.Paragraphs.Count; p++)
        {
            var para = note.Paragraphs[p];
            var ps = _doc.StyleOf(para);
            var lines = _text.Set(para.Inlines, ps, _lang, width, 0);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var item = new VItem { Kind = VKind.Box, Height = line.Height, CanBreakBefore = items.Count > 0 };
                var baseline = Baseline(line);
                // The mark comes first in reading order (and in the content stream), as list markers do.
                if (items.Count == 0)
                {
                    var markLines = _text.Set([new PrintText(note.Mark, false, false, null)], ps with { Align = TextAlign.Left, IndentFirst = 0 }, _lang, hang, 0);
                    if (markLines.Count > 0)
                    {
                        var markRole = role with { Kind = StructureKind.NoteMark };
                        item.Content.Add(new DestinationItem(markRole, _page.MarginLeft, 0, ResolvedDocument.NoteAnchor(note)));
                        item.Content.Add(new TextLineItem(markRole, _page.MarginLeft, baseline, markLines[0]));
                        item.Content.Add(new LinkItem(markRole, _page.MarginLeft, baseline - line.Ascent, Math.Max(markWidth, 4), line.Ascent + line.Descent, ResolvedDocument.CallAnchor(note), true));
                    }
                }
                item.Content.Add(new TextLineItem(role, left, baseline, line));
                foreach (var run in line.Runs) AddLink(item, run, left + run.X, baseline - line.Ascent, line, role);
                if (i == lines.Count - 1 && p < note.Paragraphs.Count - 1) item.Height += ps.SpaceAfter;
                items.Add(item);
            }
        }
        if (items.Count > 0) items[^1].Height += style.SpaceAfter;
        return new NoteLayout(note, items);
    }
}
