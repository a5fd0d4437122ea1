namespace Asan.Briefs.Pdf.Text;

internal enum ItemKind : byte { Box, Glue, Penalty }

/// <summary>
/// One item of Knuth and Plass's paragraph model. Boxes and glue point at the shaped fragments they
/// draw (<see cref="FragStart"/>, <see cref="FragCount"/>; glue has at most one, its space glyph).
/// </summary>
internal struct Item
{
    public ItemKind Kind;
    public bool Flagged;
    public double Width;
    public double Stretch;
    /// <summary>
    /// Stretch taken only once every item's <see cref="Stretch"/> is used up (Korean: the spaces up to the
    /// widest word gap and the syllables up to their limit); the ratio runs from 1 to 2 over it.
    /// </summary>
    public double Stretch2;
    public double Shrink;
    public double Penalty;
    public int FragStart;
    public int FragCount;

    public static Item Box(double width, int fragStart, int fragCount) =>
        new() { Kind = ItemKind.Box, Width = width, FragStart = fragStart, FragCount = fragCount };

    public static Item Glue(double width, double stretch, double shrink, int frag) =>
        new() { Kind = ItemKind.Glue, Width = width, Stretch = stretch, Shrink = shrink, FragStart = frag, FragCount = frag < 0 ? 0 : 1 };

    public static Item MakePenalty(double penalty, bool flagged, double width = 0) =>
        new() { Kind = ItemKind.Penalty, Width = width, Penalty = penalty, Flagged = flagged, FragStart = -1 };

    public readonly bool IsForcedBreak => Kind == ItemKind.Penalty && Penalty <= -LineBreaker.Infinity;
}

/// <summary>
/// Chooses line breaks over a list of boxes, glue and penalties: Knuth–Plass total fit (with
/// fitness classes, adjacent-fitness and flagged-break demerits, and a looser pass then an
/// emergency pass when no break sequence fits) or greedy first fit.
/// </summary>
internal sealed class LineBreaker
{
    public const double Infinity = 10000;
    public const double LinePenalty = 10;
    /// <summary>TeX's \doublehyphendemerits: two hyphenated (or dash-broken) lines in a row.</summary>
    public const double FlaggedDemerits = 10000;
    /// <summary>No more than this many flagged breaks in a row (TeX has no such limit; typesetters keep one).</summary>
    public const int MaxFlaggedRun = 2;
    public const double FitnessDemerits = 3000;
    /// <summary>
    /// The passes: adjustment-ratio limit, and whether last-resort breaks (penalty at or above
    /// <see cref="LastResortPenalty"/>) may be taken. As TeX tries a paragraph without hyphenation
    /// before it hyphenates, loose spacing is preferred to a last-resort break; the last pass accepts any stretch.
    /// A ratio of 1.8 is the loosest at which a Latin space (stretching by half its width) stays under
    /// half an em (issue #11): a paragraph that can be set so is, before anything looser is tried.
    /// </summary>
    private static readonly (double Tolerance, bool LastResort)[] Passes =
        [(1.5, false), (1.8, false), (2, false), (3, false), (3, true), (double.PositiveInfinity, true)];

    /// <summary>Breaks this costly are taken only when no paragraph without them fits.</summary>
    public const double LastResortPenalty = 999;

    private bool _allowLastResort = true;

    private readonly Item[] _items;
    private readonly int _n;
    private readonly double[] _w, _y, _y2, _z; // prefix sums: items [0, i)
    private readonly double _first, _rest;

    public LineBreaker(Item[] items, int count, double firstWidth, double width)
    {
        _items = items;
        _n = count;
        _first = firstWidth;
        _rest = width;
        var sums = t_sums;
        t_sums = null;
        if (sums is null || sums.W.Length < count + 1)
        {
            var size = Math.Max(256, (count + 1) * 2);
            sums = new Sums(new double[size], new double[size], new double[size], new double[size]);
        }
        (_w, _y, _y2, _z) = (sums.W, sums.Y, sums.Y2, sums.Z);
        _w[0] = _y[0] = _y2[0] = _z[0] = 0;
        for (var i = 0; i < count; i++)
        {
            ref readonly var it = ref items[i];
            _w[i + 1] = _w[i];
            _y[i + 1] = _y[i];
            _y2[i + 1] = _y2[i] + it.Stretch2;
            _z[i + 1] = _z[i];
            if (it.Kind == ItemKind.Box)
            {
                _w[i + 1] += it.Width;
                _y[i + 1] += it.Stretch; // Korean: the spacing its syllables may take, or give up
                _z[i + 1] += it.Shrink;
            }
            else if (it.Kind == ItemKind.Glue)
            {
                _w[i + 1] += it.Width;
                _y[i + 1] += it.Stretch;
                _z[i + 1] += it.Shrink;
            }
        }
    }

    private sealed record Sums(double[] W, double[] Y, double[] Y2, double[] Z);

    [ThreadStatic] private static Sums? t_sums;

    /// <summary>Hands the prefix-sum buffers back to the thread for the next paragraph.</summary>
    public void Release() => t_sums = new Sums(_w, _y, _y2, _z);

    public double LineWidth(int line) => line == 0 ? _first : _rest;

    /// <summary>Natural width, stretch and shrink of the line from item <paramref name="start"/> to the break at <paramref name="end"/>.</summary>
    public (double Width, double Stretch, double Shrink) Measure(int start, int end)
    {
        var w = _w[end] - _w[start];
        if (end < _n && _items[end].Kind == ItemKind.Penalty) w += _items[end].Width;
        return (w, _y[end] - _y[start], _z[end] - _z[start]);
    }

    /// <summary>The second-tier stretch of the line from <paramref name="start"/> to <paramref name="end"/> (<see cref="Item.Stretch2"/>).</summary>
    public double Stretch2(int start, int end) => _y2[end] - _y2[start];

    /// <summary>First item of the line that follows a break at <paramref name="b"/>: glue and penalties after a break are discarded.</summary>
    public int AfterBreak(int b)
    {
        var i = b + 1;
        while (i < _n && (_items[i].Kind == ItemKind.Glue || (_items[i].Kind == ItemKind.Penalty && !_items[i].IsForcedBreak))) i++;
        return i;
    }

    private bool IsLegal(int b)
    {
        ref readonly var it = ref _items[b];
        return it.Kind switch
        {
            ItemKind.Glue => b > 0 && _items[b - 1].Kind == ItemKind.Box,
            ItemKind.Penalty => it.Penalty < Infinity && (_allowLastResort || it.Penalty < LastResortPenalty),
            _ => false,
        };
    }

    /// <summary>
    /// The adjustment ratio a line needs: &lt;0 shrinks, &gt;0 stretches; ±∞ when it cannot. Past 1 it
    /// runs over the second-tier stretch when the line has one, reaching 2 when that is used up.
    /// </summary>
    public double Ratio(int start, int end, int line)
    {
        var (w, y, z) = Measure(start, end);
        var lw = LineWidth(line);
        if (w < lw)
        {
            var y2 = Stretch2(start, end);
            if (y2 > 0 && lw - w > y) return 1 + (lw - w - y) / y2;
            if (y > 0) return (lw - w) / y;
            return end < _n && _items[end].IsForcedBreak ? 0 : double.PositiveInfinity;
        }
        if (w > lw) return z > 0 ? (lw - w) / z : double.NegativeInfinity;
        return 0;
    }

    /// <summary>Break positions (item indices) by total fit; null when even the emergency pass finds none (an overlong box).</summary>
    public List<int>? TotalFit()
    {
        try
        {
            foreach (var (tolerance, lastResort) in Passes)
            {
                _allowLastResort = lastResort;
                var breaks = TotalFit(tolerance);
                if (breaks is not null) return breaks;
            }
            return null;
        }
        finally
        {
            _allowLastResort = true;
        }
    }

    private sealed class Node
    {
        public int Position;   // the break item, -1 for the paragraph start
        public int Start;      // first item of the line after the break
        public int Line;       // lines set before this break
        public int Fitness;
        public int FlaggedRun; // consecutive lines ending at a flagged break, this one included
        public double Demerits;
        public Node? Previous;
    }

    private List<int>? TotalFit(double tolerance)
    {
        var active = new List<Node>(32) { new() { Position = -1, Start = 0, Line = 0, Fitness = 1 } };
        Span<double> bestDemerits = stackalloc double[4];
        var bestNode = new Node?[4];

        for (var b = 0; b < _n; b++)
        {
            if (!IsLegal(b)) continue;
            ref readonly var item = ref _items[b];
            var penalty = item.Kind == ItemKind.Penalty ? item.Penalty : 0;
            var forced = penalty <= -Infinity;
            bestDemerits.Fill(double.PositiveInfinity);
            Array.Clear(bestNode);
            var any = false;

            for (var ai = 0; ai < active.Count; ai++)
            {
                var a = active[ai];
                if (a.Start > b) continue; // the break's own discarded glue
                var r = Ratio(a.Start, b, a.Line);
                if (r < -1 || forced)
                {
                    active.RemoveAt(ai);
                    ai--;
                }
                if (r < -1 || r > tolerance) continue;
                if (item.Flagged && a.FlaggedRun >= MaxFlaggedRun) continue;

                var badness = double.IsPositiveInfinity(r) ? 1e7 : 100 * r * r * Math.Abs(r);
                var d = LinePenalty + badness;
                d *= d;
                if (penalty > 0) d += penalty * penalty;
                else if (penalty > -Infinity) d -= penalty * penalty;
                if (item.Flagged && a.Position >= 0 && _items[a.Position].Flagged) d += FlaggedDemerits;
                var fitness = r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
                if (Math.Abs(fitness - a.Fitness) > 1) d += FitnessDemerits;
                d += a.Demerits;
                if (d < bestDemerits[fitness])
                {
                    bestDemerits[fitness] = d;
                    bestNode[fitness] = a;
                    any = true;
                }
            }

            if (any)
            {
                var min = double.PositiveInfinity;
                foreach (var d in bestDemerits) min = Math.Min(min, d);
                var bestStart = AfterBreak(b);
                for (var f = 0; f < 4; f++)
                {
                    if (bestNode[f] is not { } from || bestDemerits[f] > min + FitnessDemerits) continue;
                    active.Add(new Node
                    {
                        Position = b, Start = bestStart, Line = from.Line + 1, Fitness = f, Demerits = bestDemerits[f], Previous = from,
                        FlaggedRun = item.Flagged ? from.FlaggedRun + 1 : 0,
                    });
                }
            }
            if (active.Count == 0) return null;
        }

        Node? best = null;
        foreach (var a in active)
            if (a.Position == _n - 1 && (best is null || a.Demerits < best.Demerits)) best = a;
        if (best is null) return null;
        var breaks = new List<int>(best.Line);
        for (var node = best; node is not null && node.Position >= 0; node = node.Previous) breaks.Add(node.Position);
        breaks.Reverse();
        return breaks;
    }

    /// <summary>Break positions by first fit: each line takes as much as fits at natural width.</summary>
    public List<int> Greedy()
    {
        var breaks = new List<int>();
        int start = 0, lastLegal = -1, b = 0;
        while (b < _n)
        {
            if (!IsLegal(b)) { b++; continue; }
            var (w, _, _) = Measure(start, b);
            var fits = w <= LineWidth(breaks.Count) + 1e-6;
            if (!fits && lastLegal >= 0)
            {
                Commit(lastLegal);
                continue;
            }
            if (!fits || _items[b].IsForcedBreak)
            {
                Commit(b);
                continue;
            }
            lastLegal = b;
            b++;
        }
        return breaks;

        void Commit(int at)
        {
            breaks.Add(at);
            start = AfterBreak(at);
            b = start;
            lastLegal = -1;
        }
    }
}
