using System.Text;
using Asan.Briefs.Fonts;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;

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
    public bool Code;
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
    /// <summary>Text of a glyph that is not in the paragraph text: U+00AD for a hyphen added at a line break.</summary>
    public string? OwnText;
}

internal struct SpanInfo
{
    public int Start, End;
    public bool Bold, Italic, Code, Break;
    public string? Href;
    public PrintNote? Note;
}

/// <summary>
/// One paragraph on its way to lines: the flattened text, its spans and scripts, the shaped
/// fragments and the box/glue/penalty items the breakers work on. Lives for one Layout call.
/// The stages live one per file, as in Typst's inline layout: collection (<c>Paragraph.Collection.cs</c>),
/// script and font resolution (<c>Paragraph.Scripts.cs</c>), shaping (<c>Paragraph.Shaping.cs</c>), break
/// opportunities (<c>Paragraph.Breaks.cs</c>), the optimiser (<see cref="LineBreaker"/>) and line assembly
/// (<c>Paragraph.Lines.cs</c>).
/// </summary>
internal sealed partial class Paragraph
{
    private readonly TextLayouter _owner;
    private readonly ParagraphStyle _style;
    private readonly bool _korean;
    private readonly string _lang;
    private readonly JustificationRules _justify;
    private readonly double _maxPiece;
    // Hyphenation serves justification: ragged styles (headings, captions, credits) are not hyphenated.
    private readonly Hyphenator? _hyphenator;
    /// <summary>Working buffers kept per thread between paragraphs: setting a document allocates little besides its lines.</summary>
    private sealed class Scratch
    {
        public readonly List<SpanInfo> Spans = new(16);
        public readonly StringBuilder Text = new(1024);
        public Item[] Items = new Item[256];
        public Frag[] Frags = new Frag[256];
        public int[] SpanOf = new int[1024];
        public CharScript[] Script = new CharScript[1024];
        public int[] Source = new int[1024];
    }

    [ThreadStatic] private static Scratch? t_scratch;
    private Scratch? _scratch;

    private readonly List<SpanInfo> _spans;
    private readonly List<RunStyle> _styles = new(8);
    private string _text = "";
    private SequenceText _sequence = null!;
    private int[] _source = []; // for each character of _text, where it comes from in _sequence.Text
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
        _korean = SequenceText.LanguageScript(lang) == CharScript.Hangul;
        _lang = lang;
        _justify = owner.Theme.Justification(lang);
        _maxPiece = maxPiece;
        _hyphenator = style.Align == TextAlign.Justify ? owner.HyphenatorFor(lang) : null;
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
        scratch.Source = _source.Length > scratch.Source.Length ? _source : scratch.Source;
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
}
