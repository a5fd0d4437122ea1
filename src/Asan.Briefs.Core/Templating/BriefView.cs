using System.Globalization;
using Asan.Briefs.Model;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Templating;

// The brief as one language's templates see it: plain values, every text in that language. Templates
// reach members in snake_case (ShortTitle → short_title). templates/README.md lists them.

public sealed record BriefView(
    string Id,
    string Lang,
    bool Example,
    string Series,
    string Number,
    string Date,
    string DateText,
    string Title,
    string ShortTitle,
    string Subtitle,
    string Summary,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<AuthorView> Authors,
    string AuthorNames,
    string Disclaimer,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<EditionView> Editions)
{
    // brief.yaml's plain strings where a page sets them as text, projected like the body's sequences, so a
    // quote pair in them takes its face by the same rule (the strings above stay for attributes and metadata).
    public IReadOnlyList<InlineView> TitleInlines { get; init; } = [];
    public IReadOnlyList<InlineView> SubtitleInlines { get; init; } = [];
    public IReadOnlyList<InlineView> SummaryInlines { get; init; } = [];
    public IReadOnlyList<InlineView> DisclaimerInlines { get; init; } = [];
}

public sealed record AuthorView(string Name, string Role, string Affiliation, string Bio)
{
    /// <summary>The author's note as an inline sequence (<see cref="BriefView.TitleInlines"/>).</summary>
    public IReadOnlyList<InlineView> BioInlines { get; init; } = [];
}

public sealed record SectionView(string Id, int Level, IReadOnlyList<InlineView> Heading, string HeadingText, IReadOnlyList<BlockView> Blocks);

/// <summary>The same brief in another language, for links between editions.</summary>
public sealed record EditionView(string Lang, string LanguageName, string Html, string Pdf, string Docx, bool Current);

/// <summary>A block; <see cref="Kind"/> is paragraph, list, quote, figure or table, and only that kind's members are set.</summary>
public sealed record BlockView(string Kind, string Id)
{
    public IReadOnlyList<InlineView> Inlines { get; init; } = [];
    /// <summary>A paragraph that introduces the next block (<see cref="Model.Blocks.IntroducesNext"/>): print keeps them on one page.</summary>
    public bool KeepWithNext { get; init; }
    public bool Ordered { get; init; }
    public int Start { get; init; } = 1;
    public IReadOnlyList<ListItemView> Items { get; init; } = [];
    public IReadOnlyList<BlockView> Blocks { get; init; } = [];
    public string Src { get; init; } = "";
    public string File { get; init; } = "";
    public string Alt { get; init; } = "";
    public IReadOnlyList<InlineView> Caption { get; init; } = [];
    /// <summary>A figure's or table's number (<see cref="Numbering"/>); a table's caption is <see cref="Caption"/>, set when it has one.</summary>
    public int Number { get; init; }
    /// <summary>Whether the figure or table has an id that references name (then <see cref="Id"/> is its anchor, fig-trade).</summary>
    public bool Labelled { get; init; }
    public bool HasCaption { get; init; }
    public string Credit { get; init; } = "";
    public IReadOnlyList<string> Columns { get; init; } = [];
    public IReadOnlyList<RowView> Rows { get; init; } = [];
}

public sealed record ListItemView(string Id, int Number, IReadOnlyList<BlockView> Blocks);

public sealed record RowView(bool Header, IReadOnlyList<CellView> Cells);

public sealed record CellView(string Align, IReadOnlyList<InlineView> Inlines);

/// <summary>An inline; <see cref="Kind"/> is text, em, strong, code, link, ref (a cross-reference: its number word as
/// <see cref="Text"/>, "#anchor" of its figure or table as <see cref="Url"/>), note or break.</summary>
public sealed record InlineView(string Kind)
{
    public string Text { get; init; } = "";
    /// <summary>For text: its pieces, each in the face its script gives it (<see cref="TextPiece"/>).</summary>
    public IReadOnlyList<TextPiece> Pieces { get; init; } = [];
    public string Url { get; init; } = "";
    public IReadOnlyList<InlineView> Children { get; init; } = [];
    /// <summary>For a note call: the note it cites, and whether this is its first citation.</summary>
    public NoteView? Note { get; init; }
    public bool First { get; init; }
}

/// <summary>
/// A piece of text; <see cref="Hangul"/> when it is a quote or bracket that the writers' one rule
/// (<see cref="TextRules.ResolveScripts"/>) sets in the Hangul face because of the Hangul it
/// encloses, though the Latin face first in a page's font stack has it.
/// </summary>
/// <see cref="Trim"/> is "start" or "end" for a full-width bracket beside a space, which loses its half-width
/// blank on that side (KLREQ, JLREQ: <see cref="TextRules.LosesLeadingBlank"/>), else "".
/// <see cref="KeepOpen"/> and <see cref="KeepClose"/> mark the first and last piece of a Korean word unit that
/// the page keeps on one line (<see cref="WordUnits"/>).
public sealed record TextPiece(string Text, bool Hangul, string Trim = "")
{
    public bool KeepOpen { get; init; }
    public bool KeepClose { get; init; }
}

/// <summary>A footnote: <see cref="Id"/> is an anchor-safe id, <see cref="Number"/> its mark.</summary>
public sealed record NoteView(string Id, string Label, int Number, IReadOnlyList<IReadOnlyList<InlineView>> Paragraphs)
{
    public string CallId => "call-" + Id;
}

/// <summary>Projects the canonical brief into one language's <see cref="BriefView"/>.</summary>
public sealed class BriefViewBuilder
{
    private readonly Brief _brief;
    private readonly string _lang;
    private readonly Dictionary<string, NoteView> _notes;
    private readonly HashSet<string> _cited = [];
    private readonly I18n _i18n;
    private readonly Numbering _numbering;

    private BriefViewBuilder(Brief brief, string lang, I18n i18n)
    {
        _brief = brief;
        _lang = lang;
        _i18n = i18n;
        _numbering = Numbering.Of(brief);
        _notes = brief.Footnotes.ToDictionary(f => f.Label, f => new NoteView(
            "note-" + AnchorId(f.Label), f.Label, f.Number,
            f.Paragraphs[lang].Select(p => (IReadOnlyList<InlineView>)Sequence(p)).ToList()));
    }

    public static BriefView Build(Brief brief, string lang, I18n i18n, IReadOnlyList<EditionView> editions)
    {
        var builder = new BriefViewBuilder(brief, lang, i18n);
        var m = brief.Metadata;
        var authors = m.Authors.Select(a => new AuthorView(a.Name[lang], a.Role[lang], a.Affiliation[lang], a.Bio[lang]) { BioInlines = builder.Plain(a.Bio[lang]) }).ToList();
        var sections = brief.Sections.Select(builder.Section).ToList();
        return new BriefView(
            brief.Id, lang, m.Example,
            i18n.SeriesLabel(m.Series, Path.Combine(brief.Directory, "brief.yaml")),
            m.Number,
            m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.Date.ToString(i18n.DateFormat, i18n.DateNames),
            m.Title[lang], m.ShortTitle[lang], m.Subtitle[lang], m.Summary[lang],
            m.Keywords[lang], authors,
            string.Join(", ", authors.Select(a => a.Name)),
            m.Disclaimer[lang],
            sections,
            builder._notes.Values.OrderBy(n => n.Number).ToList(),
            editions)
        {
            TitleInlines = builder.Plain(m.Title[lang]),
            SubtitleInlines = builder.Plain(m.Subtitle[lang]),
            SummaryInlines = builder.Plain(m.Summary[lang]),
            DisclaimerInlines = builder.Plain(m.Disclaimer[lang]),
        };
    }

    /// <summary>A plain string of brief.yaml as a sequence of one text inline.</summary>
    private List<InlineView> Plain(string text) => text.Length == 0 ? [] : Sequence([new TextInline(text)]);

    /// <summary>Anchor-safe form of a label: letters, digits and hyphens, so it is a valid HTML id and XML ID.</summary>
    public static string AnchorId(string label) =>
        string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));

    private SectionView Section(Section section)
    {
        var heading = section.Heading is null ? [] : Sequence(section.Heading[_lang]);
        return new SectionView(AnchorId(section.Id), section.Level, heading,
            section.Heading is null ? "" : Inlines.PlainText(section.Heading[_lang]), section.Blocks.Select(Block).ToList());
    }

    private BlockView Block(Block block) => block switch
    {
        ParagraphBlock p => new BlockView("paragraph", AnchorId(p.Id)) { Inlines = Sequence(p.Text[_lang]), KeepWithNext = Blocks.IntroducesNext(p.Text[_lang]) },
        ListBlock l => new BlockView("list", AnchorId(l.Id))
        {
            Ordered = l.Ordered,
            Start = l.Start,
            Items = l.Items.Select((item, i) => new ListItemView(AnchorId(item.Id), l.Start + i, item.Blocks.Select(Block).ToList())).ToList(),
        },
        QuoteBlock q => new BlockView("quote", AnchorId(q.Id)) { Blocks = q.Blocks.Select(Block).ToList() },
        FigureBlock f => new BlockView("figure", f.Label is { } figureLabel ? Numbering.Anchor(figureLabel) : AnchorId(f.Id))
        {
            Number = _numbering.NumberOf(f),
            Labelled = f.Label is not null,
            HasCaption = true,
            Src = f.ImageFor(_lang),
            File = Path.GetFileName(f.ImageFor(_lang)),
            Alt = f.Alt[_lang],
            Caption = Sequence(f.Caption[_lang]),
            Credit = f.Credit[_lang],
        },
        TableBlock t => new BlockView("table", t.Label is { } tableLabel ? Numbering.Anchor(tableLabel) : AnchorId(t.Id))
        {
            Number = _numbering.NumberOf(t),
            Labelled = t.Label is not null,
            HasCaption = t.Caption is not null,
            Caption = t.Caption is null ? [] : Sequence(t.Caption[_lang]),
            Columns = t.Columns.Select(c => c.ToString().ToLowerInvariant()).ToList(),
            Rows = t.Rows.Select(r => new RowView(r.IsHeader, r.Cells.Select((c, i) => new CellView(
                i < t.Columns.Count ? t.Columns[i].ToString().ToLowerInvariant() : "default",
                Sequence(c[_lang]))).ToList())).ToList(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name),
    };

    private InlineView Inline(Inline inline)
    {
        // Every leaf is a piece of the sequence (SequenceText), in reading order.
        var piece = inline is EmphasisInline or StrongInline or LinkInline ? -1 : _piece++;
        return inline switch
        {
            TextInline t => new InlineView("text") { Text = t.Text, Pieces = KeepWhole(t.Text, Pieces(piece)) },
            CodeInline c => new InlineView("code") { Text = c.Text, Pieces = Pieces(piece) },
            EmphasisInline e => new InlineView("em") { Children = e.Children.Select(Inline).ToList() },
            StrongInline s => new InlineView("strong") { Children = s.Children.Select(Inline).ToList() },
            LinkInline l => new InlineView("link") { Url = l.Url, Children = l.Children.Select(Inline).ToList() },
            ReferenceInline r => new InlineView("ref")
            {
                Text = _i18n.ReferenceText(_numbering, r),
                Url = "#" + Numbering.Anchor(r.Target),
            },
            NoteReferenceInline n => new InlineView("note") { Note = _notes[n.Label], First = _cited.Add(n.Label) },
            LineBreakInline => new InlineView("break"),
            _ => throw new ArgumentOutOfRangeException(nameof(inline), inline.GetType().Name),
        };
    }

    // The sequence being projected, its scripts, and the next of its pieces.
    private SequenceText _sequence = null!;
    private CharScript[] _scripts = [];
    private int _piece;

    /// <summary>A sequence of inlines (a paragraph, heading, caption, cell or note paragraph), with the script of
    /// each character resolved over the whole sequence (<see cref="SequenceText"/>), as the PDF and DOCX resolve it.</summary>
    private List<InlineView> Sequence(IReadOnlyList<Inline> inlines)
    {
        _sequence = SequenceText.Of(inlines, r => _i18n.ReferenceText(_numbering, r), NoteMark);
        _scripts = _sequence.Scripts(SequenceText.LanguageScript(_lang));
        _piece = 0;
        return inlines.Select(Inline).ToList();
    }

    private string NoteMark(NoteReferenceInline call) =>
        _brief.Footnote(call.Label).Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text of one piece of the sequence, cut where a quote or bracket takes the Hangul face or loses a blank.</summary>
    private List<TextPiece> Pieces(int piece)
    {
        var sequence = _sequence.Text;
        var start = _sequence.Start(piece);
        var text = sequence[start.._sequence.End(piece)];
        List<TextPiece>? pieces = null;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var at = start + i;
            var hangul = _scripts[at] == CharScript.Hangul && TextRules.IsPairPunctuation(text[i]);
            var trim = TextRules.LosesLeadingBlank(sequence, at) ? "start" : TextRules.LosesTrailingBlank(sequence, at) ? "end" : "";
            if (!hangul && trim.Length == 0) continue;
            pieces ??= [];
            if (i > from) pieces.Add(new TextPiece(text[from..i], false));
            pieces.Add(new TextPiece(text[i].ToString(), hangul, trim));
            from = i + 1;
        }
        if (pieces is null) return [new TextPiece(text, false)];
        if (from < text.Length) pieces.Add(new TextPiece(text[from..], false));
        return pieces;
    }

    /// <summary>The pieces cut again at the ends of each word unit kept whole, its first and last piece marked.</summary>
    private static List<TextPiece> KeepWhole(string text, List<TextPiece> pieces)
    {
        var ranges = WordUnits.KeptRanges(text);
        if (ranges.Count == 0) return pieces;
        var cuts = new SortedSet<int>(ranges.SelectMany(r => new[] { r.Start, r.End }));
        var cut = new List<TextPiece>();
        var at = 0;
        void Add(TextPiece piece, int start, int end) => cut.Add(piece with
        {
            Text = piece.Text[(start - at)..(end - at)],
            KeepOpen = ranges.Exists(r => r.Start == start),
            KeepClose = ranges.Exists(r => r.End == end),
        });
        foreach (var piece in pieces)
        {
            var from = at;
            var end = at + piece.Text.Length;
            if (piece.Text.Length > 1)
                foreach (var c in cuts.GetViewBetween(at + 1, end - 1))
                {
                    Add(piece, from, c);
                    from = c;
                }
            Add(piece, from, end);
            at = end;
        }
        return cut;
    }
}
