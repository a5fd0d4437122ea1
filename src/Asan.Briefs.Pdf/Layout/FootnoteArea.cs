using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Layout;

/// <summary>
/// The foot of one page: the note lines set there (lines carried from the page before first), the
/// notes whose text starts there, their height with the separator rule above them, and the drawing.
/// </summary>
internal sealed class FootnoteArea
{
    private const double RuleThickness = 0.5;
    private const double RuleGapBelow = 4;
    // Lines carried from the page before take at most this share of the page, so the text still has room.
    private const double CarriedShareOfPage = 0.8;

    private readonly PageGeometry _page;
    private readonly List<VItem> _lines = [];
    private readonly List<PrintNote> _notes = [];

    private FootnoteArea(PageGeometry page) => _page = page;

    /// <summary>Height of the gap and rule above the first note line.</summary>
    public double Separator => _page.NoteGap + RuleThickness + RuleGapBelow;

    /// <summary>Height of the area, separator included; 0 while it holds nothing.</summary>
    public double Height { get; private set; }

    public IReadOnlyList<PrintNote> Notes => _notes;

    /// <summary>A new page's area, opening with as many of the <paramref name="carry"/> lines as fit; those are removed from it.</summary>
    public static FootnoteArea Open(PageGeometry page, List<VItem> carry, double available)
    {
        var area = new FootnoteArea(page);
        var count = 0;
        var height = 0.0;
        while (count < carry.Count && (count == 0 || area.Separator + height + carry[count].Height <= available * CarriedShareOfPage))
            height += carry[count++].Height;
        area._lines.AddRange(carry.Take(count));
        carry.RemoveRange(0, count);
        area.Height = area._lines.Count > 0 ? area.Separator + height : 0;
        return area;
    }

    public bool Holds(PrintNote note) => _notes.Contains(note);

    /// <summary>What placing these notes whole would add to the height.</summary>
    public double Growth(IReadOnlyList<PrintNote> notes, Func<PrintNote, NoteLayout> layout) =>
        notes.Sum(x => layout(x).Height) + (notes.Count > 0 && Height == 0 ? Separator : 0);

    /// <summary>Separator the first note would add.</summary>
    public double SeparatorFor(IReadOnlyList<PrintNote> notes) => Height == 0 && notes.Count > 0 ? Separator : 0;

    /// <summary>Places a note whole.</summary>
    public void Add(PrintNote note, NoteLayout layout)
    {
        if (Height == 0) Height = Separator;
        _notes.Add(note);
        foreach (var line in layout.Lines)
        {
            _lines.Add(line);
            Height += line.Height;
        }
    }

    /// <summary>Places what fits under <paramref name="textHeight"/> on the page; the remaining lines go to <paramref name="carry"/>.</summary>
    public void AddSplit(PrintNote note, NoteLayout layout, double textHeight, double available, List<VItem> carry, double epsilon)
    {
        _notes.Add(note);
        foreach (var line in layout.Lines)
        {
            if (carry.Count == 0 && textHeight + Height + line.Height <= available + epsilon)
            {
                _lines.Add(line);
                Height += line.Height;
            }
            else carry.Add(line);
        }
    }

    /// <summary>Starts the split placement: the separator is set once, before the first split note.</summary>
    public void OpenForSplit(IReadOnlyList<PrintNote> notes)
    {
        if (notes.Count > 0 && Height == 0) Height = Separator;
    }

    public (int Lines, int Notes, double Height) Mark() => (_lines.Count, _notes.Count, Height);

    public void Restore((int Lines, int Notes, double Height) mark)
    {
        _lines.RemoveRange(mark.Lines, _lines.Count - mark.Lines);
        _notes.RemoveRange(mark.Notes, _notes.Count - mark.Notes);
        Height = mark.Height;
    }

    /// <summary>Draws the area at the foot of the text area, under a short rule.</summary>
    public void Draw(List<PageItem> items, string ruleColor)
    {
        if (_lines.Count == 0) return;
        var noteTop = _page.Height - _page.MarginBottom - Height;
        var ruleY = noteTop + _page.NoteGap + RuleThickness / 2;
        items.Add(new RuleItem(BoxRole.Furniture, _page.MarginLeft, ruleY, _page.MarginLeft + _page.NoteRuleWidth, ruleY, RuleThickness, ruleColor));
        var y = noteTop + Separator;
        foreach (var line in _lines)
        {
            foreach (var content in line.Content) items.Add(content.Offset(0, y));
            y += line.Height;
        }
    }
}
