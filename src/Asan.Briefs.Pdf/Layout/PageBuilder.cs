using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>
/// TeX's page builder, simplified: walks the vertical list once, filling each page until the next box
/// (plus the footnotes it cites) would not fit, then ends the page at the last legal break. Notes go
/// to the foot of the page that holds their call; a note that cannot fit whole is split and continues
/// at the foot of the next page.
/// </summary>
internal sealed class PageBuilder
{
    private const double Epsilon = 0.01;
    // Moving back to the last legal break is preferred unless it leaves more than this share of the page empty.
    private const double MinFilledShareBeforeBacktrack = 0.5;

    /// <summary>A figure floats only when at least this much of the page would otherwise stay empty.</summary>
    private const double FloatWhenEmptyAtLeast = 72;

    private readonly List<VItem> _items;
    private readonly Func<PrintNote, NoteLayout> _note;
    private readonly PageGeometry _page;
    private readonly string _ruleColor;
    private readonly HashSet<PrintNote> _notesPlaced = new(ReferenceEqualityComparer.Instance);

    public PageBuilder(IReadOnlyList<VItem> items, Func<PrintNote, NoteLayout> note, PageGeometry page, string ruleColor)
    {
        _items = items.ToList(); // floats move within the list
        _note = note;
        _page = page;
        _ruleColor = ruleColor;
    }

    public sealed record BuiltPage(List<PageItem> Items, List<OutlineEntry> Outline);

    public List<BuiltPage> Build()
    {
        var pages = new List<BuiltPage>();
        var avail = _page.ContentHeight;
        var carry = new List<VItem>();
        var i = 0;
        var n = _items.Count;
        while (true)
        {
            while (i < n && _items[i].Kind != VKind.Box) i++;
            if (i >= n && carry.Count == 0) break;

            var placed = new List<(VItem Item, double Y)>();
            var y = 0.0;
            // Note lines carried from the previous page come first at this page's foot.
            var notes = FootnoteArea.Open(_page, carry, avail);

            if (i < n && _items[i].RepeatHeader is { } header)
            {
                placed.Add((header, y));
                y += header.Height;
            }

            var headerCount = placed.Count;
            var floats = new List<(VItem Figure, VItem? After)>();
            var lastBreak = -1;
            (int Placed, double Y, (int, int, double) Notes) snapshot = default;
            var k = i;
            var next = n;
            for (; k < n; k++)
            {
                var item = _items[k];
                if (item.Kind == VKind.ForcedBreak)
                {
                    next = k + 1;
                    break;
                }
                if (k > i && item.CanBreakBefore && placed.Count > headerCount)
                {
                    lastBreak = k;
                    snapshot = (placed.Count, y, notes.Mark());
                }
                if (item.Kind == VKind.Glue)
                {
                    y += item.Height;
                    continue;
                }

                var newNotes = item.Notes?.Where(x => !_notesPlaced.Contains(x) && !notes.Holds(x)).Distinct().ToList() ?? [];
                var addNotes = notes.Growth(newNotes, _note);
                if (y + item.Height + notes.Height + addNotes <= avail + Epsilon)
                {
                    Place(item);
                    continue;
                }
                if (item.Floats && placed.Count > headerCount && avail - y - notes.Height >= FloatWhenEmptyAtLeast)
                {
                    // Set the text that follows here and the figure at the top of the next page.
                    _items.RemoveAt(k);
                    var after = k < _items.Count && _items[k].Kind == VKind.Glue ? _items[k] : null;
                    if (after is not null) _items.RemoveAt(k);
                    floats.Add((item, after));
                    n = _items.Count;
                    k--;
                    continue;
                }

                // It does not fit. Prefer moving back to the last legal break, unless that leaves the
                // page more than half empty and the notes can be split instead.
                var separator = notes.SeparatorFor(newNotes);
                var firstNoteLines = newNotes.Count == 0 ? 0 : _note(newNotes[0]).Lines.Take(2).Sum(l => l.Height);
                var canSplitNotes = newNotes.Count > 0 && y + item.Height + notes.Height + separator + firstNoteLines <= avail + Epsilon;
                if (lastBreak > i && (snapshot.Y >= avail * MinFilledShareBeforeBacktrack || !canSplitNotes))
                {
                    placed.RemoveRange(snapshot.Placed, placed.Count - snapshot.Placed);
                    notes.Restore(snapshot.Notes);
                    next = lastBreak;
                    break;
                }
                if (canSplitNotes || placed.Count == headerCount)
                {
                    // Place the line and as many note lines as fit; the rest continue on the next page.
                    placed.Add((item, y));
                    y += item.Height;
                    notes.OpenForSplit(newNotes);
                    foreach (var note in newNotes)
                    {
                        _notesPlaced.Add(note);
                        notes.AddSplit(note, _note(note), y, avail, carry, Epsilon);
                    }
                    next = k + 1;
                    break;
                }
                next = k;
                break;
            }
            if (k >= n) next = n;
            // Deferred figures open the next page, each followed by the space that followed it.
            var at = next;
            foreach (var (figure, after) in floats)
            {
                _items.Insert(at++, figure);
                if (at >= _items.Count || _items[at].Kind != VKind.Glue) _items.Insert(at++, after ?? VItem.Glue(0, true));
            }
            n = _items.Count;
            pages.Add(Compose(placed, notes, pages.Count));
            foreach (var note in notes.Notes) _notesPlaced.Add(note);
            i = next;

            void Place(VItem item)
            {
                placed.Add((item, y));
                y += item.Height;
                if (item.Notes is null) return;
                foreach (var note in item.Notes)
                {
                    if (_notesPlaced.Contains(note) || notes.Holds(note)) continue;
                    notes.Add(note, _note(note));
                }
            }
        }
        return pages;
    }

    private BuiltPage Compose(List<(VItem Item, double Y)> placed, FootnoteArea notes, int pageIndex)
    {
        var items = new List<PageItem>();
        var outline = new List<OutlineEntry>();
        var top = _page.MarginTop;
        foreach (var (item, y) in placed)
        {
            foreach (var content in item.Content) items.Add(content.Offset(0, top + y));
            if (item.Outline is { } o) outline.Add(new OutlineEntry(o.Level, o.Title, pageIndex, top + y));
        }
        notes.Draw(items, _ruleColor);
        return new BuiltPage(items, outline);
    }
}
