using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Text;

/// <summary>
/// What the page engine needs from the text engine: set inlines into lines at a width, and measure
/// their natural (one line) and minimum (longest unbreakable piece) widths for table columns.
/// </summary>
public interface ITextSetter
{
    IReadOnlyList<LineBox> Set(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang, double width, double firstLineIndent);

    /// <summary>Natural width of the inlines on one line, and the width of their widest unbreakable piece.</summary>
    (double Natural, double Minimum) Measure(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang);
}

/// <summary>Remembers set paragraphs per (inlines, style, width, indent) so a paragraph is set once per width.</summary>
public sealed class CachingTextSetter(ITextSetter inner) : ITextSetter
{
    private readonly Dictionary<(IReadOnlyList<PrintInline>, ParagraphStyle, string, double, double), IReadOnlyList<LineBox>> _lines =
        new(new KeyComparer());
    private readonly Dictionary<(IReadOnlyList<PrintInline>, ParagraphStyle, string), (double, double)> _measures =
        new(new MeasureKeyComparer());

    public IReadOnlyList<LineBox> Set(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang, double width, double firstLineIndent)
    {
        var key = (inlines, style, lang, width, firstLineIndent);
        if (_lines.TryGetValue(key, out var lines)) return lines;
        lines = inner.Set(inlines, style, lang, width, firstLineIndent);
        _lines[key] = lines;
        return lines;
    }

    public (double Natural, double Minimum) Measure(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang)
    {
        var key = (inlines, style, lang);
        if (_measures.TryGetValue(key, out var m)) return m;
        m = inner.Measure(inlines, style, lang);
        _measures[key] = m;
        return m;
    }

    // Inline lists are compared by reference: the same markup node is the same paragraph.
    private sealed class KeyComparer : IEqualityComparer<(IReadOnlyList<PrintInline>, ParagraphStyle, string, double, double)>
    {
        public bool Equals((IReadOnlyList<PrintInline>, ParagraphStyle, string, double, double) a, (IReadOnlyList<PrintInline>, ParagraphStyle, string, double, double) b) =>
            ReferenceEquals(a.Item1, b.Item1) && a.Item2.Equals(b.Item2) && a.Item3 == b.Item3 && a.Item4 == b.Item4 && a.Item5 == b.Item5;

        public int GetHashCode((IReadOnlyList<PrintInline>, ParagraphStyle, string, double, double) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Item1), k.Item2.Name, k.Item3, k.Item4, k.Item5);
    }

    private sealed class MeasureKeyComparer : IEqualityComparer<(IReadOnlyList<PrintInline>, ParagraphStyle, string)>
    {
        public bool Equals((IReadOnlyList<PrintInline>, ParagraphStyle, string) a, (IReadOnlyList<PrintInline>, ParagraphStyle, string) b) =>
            ReferenceEquals(a.Item1, b.Item1) && a.Item2.Equals(b.Item2) && a.Item3 == b.Item3;

        public int GetHashCode((IReadOnlyList<PrintInline>, ParagraphStyle, string) k) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(k.Item1), k.Item2.Name, k.Item3);
    }
}
