using System.Collections.Concurrent;
using System.Text;
using Asan.Briefs.Fonts;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Pdf.Text;

/// <summary>
/// The text engine of the PDF edition: turns inline runs into set lines. Splits text into Latin and
/// Hangul runs (font fallback per character), shapes them with HarfBuzz (kerning, ligatures; cached),
/// finds break opportunities (English: spaces, after hyphens and dashes, after '/' in URLs; Korean:
/// KLREQ keep-all with line-start and line-end prohibitions; never inside a number; overlong tokens
/// broken rather than overflowing) and breaks by Knuth–Plass total fit or greedily, then justifies
/// or aligns each line. Thread-safe; share one per theme.
/// </summary>
public sealed class TextLayouter : ITextSetter
{
    /// <summary>Note calls are set at this fraction of the text size…</summary>
    public const double NoteCallScale = 0.65;
    /// <summary>…with their baseline raised by this fraction of the text size.</summary>
    public const double NoteCallRise = 0.35;

    private readonly Theme _theme;
    private readonly FontLibrary _fonts;
    private readonly TextShaper _shaper;
    private readonly ConcurrentDictionary<(string Role, Script Script, bool Bold, bool Italic, string Lang), (FontFace Face, FontData Font)> _faces = new();
    private readonly string? _linkColor;
    private readonly Func<string, Hyphenator?> _hyphenation;

    /// <param name="hyphenation">The hyphenation of each language (from its i18n); none when null.</param>
    public TextLayouter(Theme theme, FontLibrary? fonts = null, TextShaper? shaper = null, Func<string, Hyphenator?>? hyphenation = null)
    {
        _hyphenation = hyphenation ?? (_ => null);
        _theme = theme ?? throw new ArgumentNullException(nameof(theme));
        _fonts = fonts ?? FontLibrary.Shared;
        _shaper = shaper ?? TextShaper.Shared;
        _linkColor = theme.Colors.TryGetValue("link", out _) ? theme.Color("link") : null;
    }

    public Theme Theme => _theme;

    /// <summary>
    /// Sets <paramref name="inlines"/> into lines of <paramref name="width"/> points; the first line is
    /// indented by <paramref name="firstLineIndent"/> (negative for a hanging first line) and so is that
    /// much shorter. <paramref name="mode"/> defaults to total fit for justified styles and greedy
    /// otherwise. Returns no lines for empty text.
    /// </summary>
    public IReadOnlyList<LineBox> Layout(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang, double width,
        double firstLineIndent = 0, LineBreaking? mode = null)
    {
        ArgumentNullException.ThrowIfNull(inlines);
        ArgumentNullException.ThrowIfNull(style);
        var firstWidth = width - firstLineIndent;
        var p = new Paragraph(this, style, lang, Math.Min(firstWidth, width));
        try
        {
            if (!p.Build(inlines)) return [];
            var breaker = new LineBreaker(p.Items, p.ItemCount, firstWidth, width);
            try
            {
                var how = mode ?? (style.Align == TextAlign.Justify ? LineBreaking.TotalFit : LineBreaking.Greedy);
                var breaks = how == LineBreaking.TotalFit ? breaker.TotalFit() ?? breaker.Greedy() : breaker.Greedy();
                return p.SetLines(breaker, breaks, firstLineIndent);
            }
            finally
            {
                breaker.Release();
            }
        }
        finally
        {
            p.Release();
        }
    }

    IReadOnlyList<LineBox> ITextSetter.Set(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang, double width, double firstLineIndent) =>
        Layout(inlines, style, lang, width, firstLineIndent);

    /// <summary>
    /// Natural width of the inlines set on one line (the widest line when they hold forced breaks), and
    /// the width of their widest piece that cannot break (before any emergency breaking of overlong tokens).
    /// </summary>
    public (double Natural, double Minimum) Measure(IReadOnlyList<PrintInline> inlines, ParagraphStyle style, string lang)
    {
        ArgumentNullException.ThrowIfNull(inlines);
        var p = new Paragraph(this, style, lang, double.PositiveInfinity);
        try
        {
            return p.Build(inlines) ? NaturalAndMinimum(p) : (0, 0);
        }
        finally
        {
            p.Release();
        }
    }

    private static (double Natural, double Minimum) NaturalAndMinimum(Paragraph p)
    {
        double natural = 0, line = 0, minimum = 0, piece = 0;
        for (var i = 0; i < p.ItemCount; i++)
        {
            ref readonly var it = ref p.Items[i];
            switch (it.Kind)
            {
                case ItemKind.Box:
                    line += it.Width;
                    piece += it.Width;
                    break;
                case ItemKind.Glue:
                    if (i > 0 && p.Items[i - 1].Kind == ItemKind.Box) piece = 0; // a legal break
                    else piece += it.Width;
                    line += it.Width;
                    break;
                case ItemKind.Penalty:
                    if (it.Penalty < LineBreaker.Infinity) piece = 0;
                    if (it.IsForcedBreak) { natural = Math.Max(natural, line); line = 0; }
                    break;
            }
            minimum = Math.Max(minimum, piece);
        }
        return (Math.Max(natural, line), minimum);
    }

    /// <summary>Natural width of a plain string in a style (markers, table rules, running heads).</summary>
    public double MeasureString(string text, ParagraphStyle style, string lang, bool bold = false, bool italic = false) =>
        Measure([new PrintText(text, bold, italic, null)], style, lang).Natural;

    /// <summary>A plain string set on one unbreakable line at its natural width (list markers, page numbers).</summary>
    public LineBox SetLine(string text, ParagraphStyle style, string lang, bool bold = false, bool italic = false)
    {
        var inlines = new PrintInline[] { new PrintText(text, bold, italic, null) };
        var lines = Layout(inlines, style with { Align = TextAlign.Left }, lang, double.MaxValue / 4, 0, LineBreaking.Greedy);
        return lines.Count > 0 ? lines[0] : EmptyLine(style, lang);
    }

    private LineBox EmptyLine(ParagraphStyle style, string lang)
    {
        var (_, font) = FaceFor(style.FontRole, SequenceText.LanguageScript(lang) == CharScript.Hangul ? Script.Hangul : Script.Latin, style.Bold, style.Italic, lang);
        var scale = font.Scale(style.Size);
        return new LineBox([], 0, font.Ascender * scale, -font.Descender * scale, style.LineHeight, true);
    }

    internal (FontFace Face, FontData Font) FaceFor(string role, Script script, bool bold, bool italic, string lang)
    {
        var key = (role, script, bold, italic, lang);
        if (_faces.TryGetValue(key, out var found)) return found;
        var face = _theme.Face(role, script, bold, italic, lang);
        found = (face, _fonts.Get(face.Path));
        _faces.TryAdd(key, found);
        return found;
    }

    internal TextShaper Shaper => _shaper;
    internal Hyphenator? HyphenatorFor(string lang) => _hyphenation(lang);
    internal string? LinkColor => _linkColor;
}
