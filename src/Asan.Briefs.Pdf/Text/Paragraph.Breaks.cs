using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>Break opportunities: the shaped text as boxes, glue and penalties for the line breaker.</summary>
internal sealed partial class Paragraph
{
    // Costs of the break opportunities (TeX's \hyphenpenalty and \exhyphenpenalty are 50).
    private const double DashPenalty = 50;
    private const double HyphenPenalty = 50;
    /// <summary>What a line-end hyphen reads as in extracted text: the soft hyphen, as ISO 32000 (14.8.2.2.3) recommends.</summary>
    public const string AddedHyphen = "\u00AD";
    // A break after a hyphen-minus is a last resort: text extractors (pdftotext, copy and paste) take a
    // line-final "-" for a soft hyphenation and join "Korea-" "Japan" into "KoreaJapan".
    private const double HyphenMinusPenalty = LineBreaker.LastResortPenalty;
    // Addresses break as the Chicago Manual of Style says: after "//", before a single slash (cheapest),
    // before . - _ ? # % ~ and on either side of = and &, so the character that starts the next line
    // shows the address goes on (and no line ends in a "-" that extractors would take for a hyphenation).
    private const double UrlSlashPenalty = 50;
    private const double UrlPunctuationPenalty = 100;
    // Between two letters of an address: dear, taken only when every other way leaves a line looser than
    // about twice its stretch (an address leaves its lines little to stretch).
    private const double UrlLetterPenalty = 500;
    private const double EmergencyPreferredPenalty = 150;
    private const double EmergencyAnywherePenalty = 800;
    private const double ParFill = 100000;
    /// <summary>
    /// KLREQ: justified Korean adds spacing between Hangul syllables after the spaces between 어절 have
    /// stretched, within the caps of the language's justify: in theme.yaml (<see cref="JustificationRules"/>).
    /// </summary>
    private bool SpacesSyllables => _justify.SpacesSyllables && _style.Align == Theming.TextAlign.Justify;

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
            AddWord(i, j, lastWord: j == n || s[j] == '\n');
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
        // 어절 may be spaced narrower than the Hangul face's own space (the theme's word_space).
        if (style.Hangul && _justify.WordSpace is { } wordSpace) width = Math.Min(width, wordSpace * style.Size);
        var frag = AddFrag(shaped, style, i, 1, width);
        // Korean spaces stretch a little before the syllables take their share (KLREQ), so the gaps
        // between 어절 stay near their natural width.
        var j = _justify;
        var (stretch, shrink) = style.Hangul ? (width * j.HangulSpaceStretch, width * j.HangulSpaceShrink) : (width * j.SpaceStretch, width * j.SpaceShrink);
        var glue = Item.Glue(width, stretch, shrink, frag);
        if (SpacesSyllables && j.MaxWordGap is { } maxGap) glue.Stretch2 = Math.Max(0, maxGap * style.Size - width - stretch);
        AddItem(glue);
    }

    private void AddWord(int start, int end, bool lastWord)
    {
        var s = _text;
        var isUrl = TextRules.LooksLikeUrl(s.AsSpan(start, end - start));
        // No hyphenation in addresses, code, nor the last word of a paragraph (TeX's \finalhyphendemerits, made absolute).
        var hyphenate = _hyphenator is not null && !isUrl && !lastWord && !_spans[_spanOf[start]].Code;
        var pieceStart = start;
        for (var k = start; k < end - 1; k++)
        {
            var c = s[k];
            double cost;
            bool flagged;
            if (isUrl)
            {
                if (UrlBreakCost(k, start, end) is not { } urlCost || InNote(k) || InNote(k + 1)) continue;
                (cost, flagged) = (urlCost, false);
            }
            else if (TextRules.IsBreakAfterDash(c) && DashBreakAllowed(k, start, end)) { cost = c == '-' ? HyphenMinusPenalty : DashPenalty; flagged = true; }
            else continue;
            if ((!isUrl && TextRules.IsLineStartProhibited(s[k + 1])) || InNote(k) || InNote(k + 1)) continue;
            AddPiece(pieceStart, k + 1, hyphenate);
            AddItem(Item.MakePenalty(cost, flagged));
            pieceStart = k + 1;
        }
        AddPiece(pieceStart, end, hyphenate);
    }

    /// <summary>
    /// A piece with the hyphenation points of its word as flagged penalties that carry the hyphen's
    /// width and glyph (TeX's discretionary \-): the word itself between any opening and closing
    /// punctuation, when it is all letters and set in one span outside note calls.
    /// </summary>
    private void AddPiece(int start, int end, bool hyphenate)
    {
        if (!hyphenate) { AddPiece(start, end); return; }
        var s = _text;
        int a = start, b = end;
        while (a < b && !char.IsLetter(s[a])) a++;
        while (b > a && !char.IsLetter(s[b - 1])) b--;
        if (b - a < 5 || _spanOf[a] != _spanOf[b - 1] || InNote(a)) { AddPiece(start, end); return; }
        var points = _hyphenator!.Points(s.Substring(a, b - a));
        var pieceStart = start;
        foreach (var point in points)
        {
            var at = a + point;
            AddPiece(pieceStart, at);
            var style = StyleAt(at - 1, _script[at - 1]);
            var shaped = _owner.Shaper.Shape(style.Font, "-", style.Hangul, style.Features);
            var width = shaped.Advance * style.Scale + style.Tracking * shaped.Glyphs.Length;
            var frag = AddFrag(shaped, style, at, 0, width);
            _frags[frag].OwnText = AddedHyphen;
            var penalty = Item.MakePenalty(HyphenPenalty, true, width);
            penalty.FragStart = frag;
            penalty.FragCount = 1;
            AddItem(penalty);
            pieceStart = at;
        }
        AddPiece(pieceStart, end);
    }

    /// <summary>The cost of breaking an address between characters <paramref name="k"/> and k + 1, or null where it may not break.</summary>
    private double? UrlBreakCost(int k, int start, int end)
    {
        var s = _text;
        char a = s[k], b = s[k + 1];
        if (k == start || k + 2 >= end && !char.IsLetterOrDigit(s[end - 1])) return null; // not before trailing punctuation
        if (a == '/' && s[k - 1] == '/') return UrlSlashPenalty; // after https://
        if (b == '/') return a is '/' or ':' || (k + 2 < end && s[k + 2] == '/') ? null : UrlSlashPenalty;
        if (InHostName(k + 1, start)) return null; // www.example.org stays whole
        if (b is '.' or '-' or '_' or '?' or '#' or '%' or '~' && a != b && k + 2 < end && char.IsLetterOrDigit(s[k + 2])) return UrlPunctuationPenalty;
        if ((a is '=' or '&' || b is '=' or '&') && a != '/' && k + 2 < end) return UrlPunctuationPenalty;
        if (char.IsAsciiLetterOrDigit(a) && char.IsAsciiLetterOrDigit(b) && !(char.IsAsciiDigit(a) && char.IsAsciiDigit(b))
            && k + 2 < end && char.IsAsciiLetterOrDigit(s[k + 2]) && k - 1 > start && char.IsAsciiLetterOrDigit(s[k - 1]))
            return UrlLetterPenalty; // never leaving a single letter
        return null;
    }

    /// <summary>True when <paramref name="i"/> lies inside the host name of the address that starts at <paramref name="start"/>.</summary>
    private bool InHostName(int i, int start)
    {
        var token = _text.AsSpan(start, i - start);
        var scheme = token.IndexOf("//", StringComparison.Ordinal);
        var host = scheme >= 0 ? token[(scheme + 2)..] : token;
        return !host.Contains('/');
    }

    private bool InNote(int i) => _spans[_spanOf[i]].Note is not null;

    /// <summary>
    /// Whether justification may add spacing after character <paramref name="i"/> (<see cref="TextRules.TakesLetterSpacing"/>),
    /// the one answer for the breaker's stretch and the line's runs: never beside a note call, nor where the
    /// size changes (a face with a size correction, such as code beside Hangul), since poppler starts a new
    /// word at every size change and reads any gap there as a space.
    /// </summary>
    private bool TakesSyllableSpace(int i) =>
        TextRules.TakesLetterSpacing(_text[i], _text[i + 1]) && !InNote(i) && !InNote(i + 1)
        && StyleAt(i, _script[i]).Size == StyleAt(i + 1, _script[i + 1]).Size;

    private bool DashBreakAllowed(int k, int start, int end)
    {
        var s = _text;
        if (k == start || k + 1 >= end) return false;
        var before = s[k - 1];
        var after = s[k + 1];
        if (TextRules.IsDigit(before) && TextRules.IsDigit(after)) return false; // 3-11, 12.5–14.0: a number range
        if (TextRules.IsBreakAfterDash(after) || TextRules.IsBreakAfterDash(before)) return false; // -- or ---
        // Korean keeps every 어절 whole (keep-all), hyphenated or not, Latin inside it included: 의정서(information-sharing.
        foreach (var ch in s.AsSpan(start, end - start))
            if (TextRules.ScriptOf(ch) == CharScript.Hangul) return false;
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
        var box = Item.Box(width, fragStart, _fragCount - fragStart);
        if (SpacesSyllables)
        {
            var gaps = SyllableGaps(start, end);
            box.Stretch = gaps * _justify.LetterSpacing * _style.Size;
            box.Stretch2 = gaps * (_justify.LetterSpacingLimit - _justify.LetterSpacing) * _style.Size;
            box.Shrink = gaps * _justify.LetterShrink * _style.Size;
        }
        AddItem(box);
    }

    private int SyllableGaps(int start, int end)
    {
        var gaps = 0;
        for (var i = start; i + 1 < end; i++)
            if (TakesSyllableSpace(i)) gaps++;
        return gaps;
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

    private void AddItem(Item item)
    {
        if (ItemCount == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        Items[ItemCount++] = item;
    }
}
