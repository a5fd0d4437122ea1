using System.Text;
using Asan.Briefs.Fonts;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Everything that decides how a fragment of text looks: face, size, colour, link, note call, rise.</summary>
internal sealed class RunStyle
{
    public required FontFace Face;
    public required FontData Font;
    public required double Size;
    public required string Color;
    public required bool Hangul;
    public string? Href;
    public PrintNote? Note;
    public double Shift;
    public double Tracking;
    public ShapingFeatures Features;
    public double Scale => Font.Scale(Size);
    public RunStyle? Fallback; // the same style in the other script's face
    public bool RequestedBold, RequestedItalic;
}

/// <summary>A shaped piece of the paragraph text in one style.</summary>
internal struct Frag
{
    public ShapedText Shape;
    public RunStyle Style;
    public int TextStart;
    public int TextLength;
    public double Width;
}

internal struct SpanInfo
{
    public int Start, End;
    public bool Bold, Italic, Break;
    public string? Href;
    public PrintNote? Note;
}

/// <summary>
/// One paragraph on its way to lines: the flattened text, its spans and scripts, the shaped
/// fragments and the box/glue/penalty items the breakers work on. Lives for one Layout call.
/// </summary>
internal sealed class Paragraph
{
    // Costs of the break opportunities (TeX's \hyphenpenalty and \exhyphenpenalty are 50).
    private const double DashPenalty = 50;
    // A break after a hyphen-minus is a last resort: text extractors (pdftotext, copy and paste) take a
    // line-final "-" for a soft hyphenation and join "Korea-" "Japan" into "KoreaJapan".
    private const double HyphenMinusPenalty = LineBreaker.LastResortPenalty;
    private const double UrlSlashPenalty = 50;
    private const double EmergencyPreferredPenalty = 150;
    private const double EmergencyAnywherePenalty = 800;
    private const double ParFill = 100000;

    private readonly TextLayouter _owner;
    private readonly ParagraphStyle _style;
    private readonly bool _korean;
    private readonly double _maxPiece;
    /// <summary>Working buffers kept per thread between paragraphs: setting a document allocates little besides its lines.</summary>
    private sealed class Scratch
    {
        public readonly List<SpanInfo> Spans = new(16);
        public readonly StringBuilder Text = new(1024);
        public Item[] Items = new Item[256];
        public Frag[] Frags = new Frag[256];
        public int[] SpanOf = new int[1024];
        public CharScript[] Script = new CharScript[1024];
    }

    [ThreadStatic] private static Scratch? t_scratch;
    private Scratch? _scratch;

    private readonly List<SpanInfo> _spans;
    private readonly List<RunStyle> _styles = new(8);
    private string _text = "";
    private int[] _spanOf = [];
    private CharScript[] _script = [];
    private Frag[] _frags;
    private int _fragCount;

    public Item[] Items;
    public int ItemCount;

    public Paragraph(TextLayouter owner, ParagraphStyle style, string lang, double maxPiece)
    {
        _owner = owner;
        _style = style;
        _korean = lang.StartsWith("ko", StringComparison.OrdinalIgnoreCase);
        _maxPiece = maxPiece;
        _scratch = t_scratch ?? new Scratch();
        t_scratch = null; // owned by this paragraph until Release
        _spans = _scratch.Spans;
        _spans.Clear();
        _frags = _scratch.Frags;
        Items = _scratch.Items;
    }

    /// <summary>Hands the working buffers back to the thread; the paragraph is unusable afterwards.</summary>
    public void Release()
    {
        if (_scratch is not { } scratch) return;
        Array.Clear(_frags, 0, _fragCount); // drop references to shaped text and styles
        scratch.Frags = _frags;
        scratch.Items = Items;
        scratch.SpanOf = _spanOf.Length > scratch.SpanOf.Length ? _spanOf : scratch.SpanOf;
        scratch.Script = _script.Length > scratch.Script.Length ? _script : scratch.Script;
        _spans.Clear();
        _scratch = null;
        t_scratch = scratch;
    }

    public string Text => _text;

    // ---- building ------------------------------------------------------------------------------

    /// <summary>Flattens, shapes and itemizes the inlines; false when there is no text at all.</summary>
    public bool Build(IReadOnlyList<PrintInline> inlines)
    {
        Flatten(inlines);
        if (_text.Length == 0) return false;
        ResolveScripts();
        Itemize();
        return true;
    }

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
                    if (sb.Length > start) AddSpan(start, sb.Length, new SpanInfo { Bold = t.Bold, Italic = t.Italic, Href = t.Href });
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

    /// <summary>Strong characters choose their script; neutral ones (spaces, digits, punctuation) join the text before them.</summary>
    private void ResolveScripts()
    {
        var n = _text.Length;
        _script = _scratch!.Script.Length >= n ? _scratch.Script : new CharScript[n * 2];
        var first = CharScript.Neutral;
        for (var i = 0; i < n; i++)
        {
            var c = _text[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(_text[i + 1])) cp = char.ConvertToUtf32(c, _text[i + 1]);
            var s = TextRules.ScriptOf(cp);
            _script[i] = s;
            if (cp > 0xFFFF) _script[++i] = s;
            if (first == CharScript.Neutral) first = s;
        }
        if (first == CharScript.Neutral) first = _korean ? CharScript.Hangul : CharScript.Latin;
        var last = first;
        for (var i = 0; i < n; i++)
        {
            if (_script[i] == CharScript.Neutral) _script[i] = last;
            else last = _script[i];
        }
        // A note call's mark is set in one face: the script of its first character.
        foreach (var span in _spans)
        {
            if (span.Note is null) continue;
            for (var i = span.Start + 1; i < span.End; i++) _script[i] = _script[span.Start];
        }
    }

    private void Itemize()
    {
        var s = _text;
        var n = s.Length;
        var i = 0;
        while (i < n)
        {
            var c = s[i];
            if (c == '\n')
            {
                AddParagraphEnd();
                i++;
                continue;
            }
            if (c == ' ')
            {
                AddSpace(i);
                i++;
                continue;
            }
            var j = i + 1;
            while (j < n && s[j] != ' ' && s[j] != '\n') j++;
            AddWord(i, j);
            i = j;
        }
        AddParagraphEnd();
    }

    private void AddParagraphEnd()
    {
        // TeX's \penalty10000 \parfillskip \penalty-10000: the last line is set at natural width.
        AddItem(Item.MakePenalty(LineBreaker.Infinity, false));
        AddItem(Item.Glue(0, ParFill, 0, -1));
        AddItem(Item.MakePenalty(-LineBreaker.Infinity, false));
    }

    private void AddSpace(int i)
    {
        var s = _text;
        var prev = i > 0 ? s[i - 1] : ' ';
        var next = i + 1 < s.Length ? s[i + 1] : ' ';
        var breakable = !TextRules.IsLineStartProhibited(next) && !TextRules.IsLineEndProhibited(prev)
            && (i + 1 >= s.Length || _spans[_spanOf[i + 1]].Note is null);
        if (!breakable) AddItem(Item.MakePenalty(LineBreaker.Infinity, false));

        var style = StyleAt(i, _script[i]);
        var shaped = _owner.Shaper.Shape(style.Font, " ", style.Hangul, style.Features);
        if (shaped.HasNotdef && style.Fallback is { } fb) { style = fb; shaped = _owner.Shaper.Shape(style.Font, " ", style.Hangul, style.Features); }
        var width = shaped.Advance * style.Scale + style.Tracking * shaped.Glyphs.Length;
        var frag = AddFrag(shaped, style, i, 1, width);
        // Korean justifies on the spaces between 어절 only, and they are fewer than in English: let them stretch more.
        var (stretch, shrink) = style.Hangul ? (width * 0.75, width * 0.25) : (width * 0.5, width / 3);
        AddItem(Item.Glue(width, stretch, shrink, frag));
    }

    private void AddWord(int start, int end)
    {
        var s = _text;
        var isUrl = TextRules.LooksLikeUrl(s.AsSpan(start, end - start));
        var pieceStart = start;
        for (var k = start; k < end - 1; k++)
        {
            var c = s[k];
            double cost;
            bool flagged;
            if (TextRules.IsBreakAfterDash(c) && DashBreakAllowed(k, start, end)) { cost = c == '-' ? HyphenMinusPenalty : DashPenalty; flagged = true; }
            else if (isUrl && c == '/' && s[k + 1] != '/' && k > start && !(k >= 2 && s[k - 1] == '/' && s[k - 2] == ':')) { cost = UrlSlashPenalty; flagged = false; }
            else continue;
            if (TextRules.IsLineStartProhibited(s[k + 1]) || InNote(k) || InNote(k + 1)) continue;
            AddPiece(pieceStart, k + 1);
            AddItem(Item.MakePenalty(cost, flagged));
            pieceStart = k + 1;
        }
        AddPiece(pieceStart, end);
    }

    private bool InNote(int i) => _spans[_spanOf[i]].Note is not null;

    private bool DashBreakAllowed(int k, int start, int end)
    {
        var s = _text;
        if (k == start || k + 1 >= end) return false;
        var before = s[k - 1];
        var after = s[k + 1];
        if (TextRules.IsDigit(before) && TextRules.IsDigit(after)) return false; // 3-11, 12.5–14.0: a number range
        if (TextRules.IsBreakAfterDash(after) || TextRules.IsBreakAfterDash(before)) return false; // -- or ---
        // Korean keeps every 어절 whole (keep-all), hyphenated or not.
        if (TextRules.ScriptOf(before) == CharScript.Hangul || TextRules.ScriptOf(after) == CharScript.Hangul) return false;
        var okBefore = char.IsLetterOrDigit(before) || TextRules.IsLineStartProhibited(before);
        var okAfter = char.IsLetterOrDigit(after) || TextRules.IsLineEndProhibited(after);
        return okBefore && okAfter;
    }

    /// <summary>A piece of a word between break opportunities: one box, or several when it is too wide to fit any line.</summary>
    private void AddPiece(int start, int end)
    {
        if (end <= start) return;
        var fragStart = _fragCount;
        var width = AddFragments(start, end);
        if (width > _maxPiece + 0.01 && end - start > 1)
        {
            _fragCount = fragStart;
            AddOverlongPiece(start, end);
            return;
        }
        AddItem(Item.Box(width, fragStart, _fragCount - fragStart));
    }

    /// <summary>Shapes [start, end) as fragments of one style and script each; returns their width.</summary>
    private double AddFragments(int start, int end)
    {
        double width = 0;
        var k = start;
        while (k < end)
        {
            var m = k + 1;
            while (m < end && _spanOf[m] == _spanOf[k] && _script[m] == _script[k]) m++;
            width += AddShaped(k, m, StyleAt(k, _script[k]));
            k = m;
        }
        return width;
    }

    private double AddShaped(int start, int end, RunStyle style)
    {
        var shaper = _owner.Shaper;
        var shaped = shaper.Shape(style.Font, _text.AsSpan(start, end - start), style.Hangul, style.Features);
        if (!shaped.HasNotdef || style.Fallback is not { } other)
            return AddFragWidth(shaped, style, start, end - start);

        // Font fallback: characters the face lacks go to the other script's face when it has them.
        double width = 0;
        var k = start;
        while (k < end)
        {
            var useOther = NeedsOther(k, style.Font, other.Font, out var len);
            var m = k + len;
            while (m < end && NeedsOther(m, style.Font, other.Font, out var l2) == useOther) m += l2;
            var st = useOther ? other : style;
            var piece = shaper.Shape(st.Font, _text.AsSpan(k, m - k), st.Hangul, st.Features);
            width += AddFragWidth(piece, st, k, m - k);
            k = m;
        }
        return width;
    }

    private bool NeedsOther(int i, FontData primary, FontData other, out int length)
    {
        var c = _text[i];
        int cp = c;
        length = 1;
        if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
        {
            cp = char.ConvertToUtf32(c, _text[i + 1]);
            length = 2;
        }
        return !primary.HasGlyph(cp) && other.HasGlyph(cp);
    }

    private double AddFragWidth(ShapedText shaped, RunStyle style, int start, int length)
    {
        var width = shaped.Advance * style.Scale + style.Tracking * shaped.Glyphs.Length;
        AddFrag(shaped, style, start, length, width);
        return width;
    }

    /// <summary>
    /// A token wider than the measure (a long URL): it may break after / . ? &amp; = - and similar
    /// (cheaply) and, where a stretch between those is still too wide, between any two characters
    /// (dearly, never between two digits) — so it never overflows.
    /// </summary>
    private void AddOverlongPiece(int start, int end)
    {
        var s = _text;
        var n = end - start;
        // Advance of every character, from shaping the whole token once; cluster starts are the cut points.
        var advance = new double[n];
        var boundary = new bool[n + 1];
        boundary[0] = boundary[n] = true;
        var k = start;
        while (k < end)
        {
            var m = k + 1;
            while (m < end && _spanOf[m] == _spanOf[k] && _script[m] == _script[k]) m++;
            var style = StyleAt(k, _script[k]);
            var shaped = _owner.Shaper.Shape(style.Font, s.AsSpan(k, m - k), style.Hangul, style.Features);
            var scale = style.Scale;
            for (var g = 0; g < shaped.Glyphs.Length; g++)
            {
                var ci = k - start + (int)shaped.Clusters[g];
                advance[ci] += shaped.Advances[g] * scale + style.Tracking;
                boundary[ci] = true;
            }
            k = m;
        }
        for (var i = 1; i < n; i++)
        {
            if (char.IsLowSurrogate(s[start + i]) || InNote(start + i)) boundary[i] = false;
        }

        var cuts = new List<(int At, double Cost)>();
        var chunkStart = 0;
        var lastAny = -1;
        double width = 0;
        for (var i = 0; i < n; i++)
        {
            // Position i is the cut before character i.
            var cuttable = i > chunkStart && boundary[i] && !InsideNumber(start + i, start, end)
                && !TextRules.IsLineStartProhibited(s[start + i]) && !TextRules.IsLineEndProhibited(s[start + i - 1]);
            if (cuttable)
            {
                var before = s[start + i - 1];
                if (TextRules.IsPreferredEmergencyBreakAfter(before) && s[start + i] != before)
                {
                    cuts.Add((i, EmergencyPreferredPenalty));
                    chunkStart = i;
                    width = 0;
                    lastAny = -1;
                }
                else lastAny = i;
            }
            if (width + advance[i] > _maxPiece - 0.5 && i > chunkStart)
            {
                var at = lastAny > chunkStart ? lastAny : cuttable ? i : -1;
                if (at > 0)
                {
                    cuts.Add((at, EmergencyAnywherePenalty));
                    chunkStart = at;
                    width = 0;
                    for (var j = at; j < i; j++) width += advance[j];
                    lastAny = -1;
                }
            }
            width += advance[i];
        }

        var pieceStart = start;
        foreach (var (at, cost) in cuts)
        {
            var fragStart = _fragCount;
            var w = AddFragments(pieceStart, start + at);
            AddItem(Item.Box(w, fragStart, _fragCount - fragStart));
            AddItem(Item.MakePenalty(cost, false));
            pieceStart = start + at;
        }
        var lastFrag = _fragCount;
        var lw = AddFragments(pieceStart, end);
        AddItem(Item.Box(lw, lastFrag, _fragCount - lastFrag));
    }

    /// <summary>True when a cut before <paramref name="i"/> would split a number (3.5%, 2,500억, 12.5–14.0).</summary>
    private bool InsideNumber(int i, int start, int end)
    {
        var s = _text;
        var left = s[i - 1];
        var right = s[i];
        var leftNumber = TextRules.IsDigit(left) || (IsNumberPunctuation(left) && i - 2 >= start && TextRules.IsDigit(s[i - 2]));
        var rightNumber = TextRules.IsDigit(right) || right is '%' or '％'
            || (IsNumberPunctuation(right) && i + 1 < end && TextRules.IsDigit(s[i + 1]));
        return leftNumber && rightNumber;

        static bool IsNumberPunctuation(char c) => c is '.' or ',' or '-' or '–' or '/' or ':' or '\u2010';
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
            if (st.Hangul == (script == Script.Hangul) && ReferenceEquals(st.Note, span.Note) && st.Href == span.Href
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
        var (face, font) = _owner.FaceFor(_style.FontRole, script, _style.Bold || span.Bold, _style.Italic ^ span.Italic);
        var note = span.Note is not null;
        return new RunStyle
        {
            Face = face,
            Font = font,
            Size = note ? _style.Size * TextLayouter.NoteCallScale : _style.Size,
            Shift = note ? _style.Size * TextLayouter.NoteCallRise : 0,
            Color = span.Href is not null && _owner.LinkColor is { } link ? link : _style.Color,
            Href = span.Href,
            Note = span.Note,
            Hangul = script == Script.Hangul,
            Tracking = _style.Tracking,
            Features = _style.Tracking != 0 ? ShapingFeatures.NoLigatures : ShapingFeatures.Standard,
            RequestedBold = _style.Bold || span.Bold,
            RequestedItalic = _style.Italic ^ span.Italic,
        };
    }

    private int AddFrag(ShapedText shaped, RunStyle style, int start, int length, double width)
    {
        if (_fragCount == _frags.Length) Array.Resize(ref _frags, _frags.Length * 2);
        _frags[_fragCount] = new Frag { Shape = shaped, Style = style, TextStart = start, TextLength = length, Width = width };
        return _fragCount++;
    }

    private void AddItem(Item item)
    {
        if (ItemCount == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        Items[ItemCount++] = item;
    }

    // ---- setting lines -------------------------------------------------------------------------

    public IReadOnlyList<LineBox> SetLines(LineBreaker breaker, List<int> breaks, double firstLineIndent)
    {
        var lines = new List<LineBox>(breaks.Count);
        var builder = new RunBuilder(_text);
        var start = 0;
        for (var li = 0; li < breaks.Count; li++)
        {
            var end = breaks[li];
            var endsParagraph = li == breaks.Count - 1;
            var forced = Items[end].IsForcedBreak;
            var lineWidth = breaker.LineWidth(li);
            var (natural, stretch, shrink) = breaker.Measure(start, end);

            double ratio = 0;
            if (natural > lineWidth + 1e-9 && shrink > 0) ratio = Math.Max(-1, (lineWidth - natural) / shrink);
            else if (natural < lineWidth && _style.Align == TextAlign.Justify && !forced && stretch > 0) ratio = (lineWidth - natural) / stretch;
            var setWidth = natural + (ratio < 0 ? ratio * shrink : ratio * stretch);

            var x = li == 0 ? firstLineIndent : 0;
            var slack = Math.Max(0, lineWidth - setWidth);
            x += _style.Align switch
            {
                TextAlign.Center => slack / 2,
                TextAlign.Right => slack,
                _ => 0,
            };

            builder.Begin(x);
            for (var i = start; i < end; i++)
            {
                ref readonly var it = ref Items[i];
                switch (it.Kind)
                {
                    case ItemKind.Box:
                        for (var f = it.FragStart; f < it.FragStart + it.FragCount; f++) builder.Add(in _frags[f], -1);
                        break;
                    case ItemKind.Glue:
                        var gw = it.Width + (ratio < 0 ? ratio * it.Shrink : ratio * it.Stretch);
                        if (it.FragCount > 0) builder.Add(in _frags[it.FragStart], gw);
                        else builder.Skip(gw);
                        break;
                }
            }
            var runs = builder.Finish();
            lines.Add(MakeLine(runs, builder.X, builder.Ascent, builder.Descent, endsParagraph));
            start = breaker.AfterBreak(end);
        }
        return lines;
    }

    private LineBox MakeLine(List<GlyphRun> runs, double right, double ascent, double descent, bool endsParagraph)
    {
        if (runs.Count == 0)
        {
            var st = StyleFor(new SpanInfo(), _korean ? Script.Hangul : Script.Latin);
            ascent = st.Font.Ascender * st.Scale;
            descent = -st.Font.Descender * st.Scale;
        }
        return new LineBox(runs, right, ascent, descent, _style.LineHeight, endsParagraph);
    }

    /// <summary>Joins consecutive fragments of one style into glyph runs with absolute glyph positions.</summary>
    private sealed class RunBuilder(string text)
    {
        private readonly List<ushort> _glyphs = new(64);
        private readonly List<float> _positions = new(64);
        private readonly List<uint> _clusters = new(64);
        private List<GlyphRun> _runs = new();
        private RunStyle? _style;
        private int _textStart, _textEnd;
        private double _runX;

        /// <summary>The pen position: where the next glyph goes, from the line's left edge.</summary>
        public double X { get; private set; }

        /// <summary>Largest ascent and descent (both positive, in points) of the runs set since <see cref="Begin"/>.</summary>
        public double Ascent { get; private set; }
        public double Descent { get; private set; }

        public void Begin(double x)
        {
            _runs = new List<GlyphRun>(4);
            _style = null;
            X = x;
            Ascent = Descent = 0;
        }

        /// <summary>Appends a fragment; <paramref name="setWidth"/> ≥ 0 replaces its advance (stretched space).</summary>
        public void Add(in Frag frag, double setWidth)
        {
            var style = frag.Style;
            if (_style is not null && (!ReferenceEquals(style, _style) || frag.TextStart != _textEnd)) Flush();
            if (_style is null)
            {
                _style = style;
                _runX = X;
                _textStart = frag.TextStart;
            }
            _textEnd = frag.TextStart + frag.TextLength;
            var shaped = frag.Shape;
            var scale = style.Scale;
            var clusterBase = (uint)(frag.TextStart - _textStart);
            var pen = X - _runX;
            for (var g = 0; g < shaped.Glyphs.Length; g++)
            {
                _glyphs.Add(shaped.Glyphs[g]);
                _positions.Add((float)(pen + shaped.XOffsets[g] * scale));
                _clusters.Add(clusterBase + shaped.Clusters[g]);
                pen += shaped.Advances[g] * scale + style.Tracking;
            }
            X = setWidth >= 0 ? X + setWidth : _runX + pen;
        }

        public void Skip(double width) => X += width;

        public List<GlyphRun> Finish()
        {
            Flush();
            return _runs;
        }

        private void Flush()
        {
            if (_style is null) return;
            var st = _style;
            var scale = st.Scale;
            Ascent = Math.Max(Ascent, st.Font.Ascender * scale + st.Shift);
            Descent = Math.Max(Descent, -st.Font.Descender * scale - st.Shift);
            _runs.Add(new GlyphRun(st.Face, st.Size, st.Color, [.. _glyphs], [.. _positions],
                text.Substring(_textStart, _textEnd - _textStart), [.. _clusters], _runX, X - _runX, st.Shift, st.Href, st.Note));
            _glyphs.Clear();
            _positions.Clear();
            _clusters.Clear();
            _style = null;
        }
    }
}
