using System.Text;
using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Typography;

/// <summary>
/// The text of one inline sequence (a paragraph, heading, caption, table cell or note paragraph) as every writer
/// resolves its scripts: the pieces' text joined in reading order, a note call as its mark and a line break as
/// '\n', with where each piece starts. A piece is one leaf inline: each <see cref="PrintInline"/> of a print
/// sequence, each text, code, note call, reference and line break of a model sequence (emphasis, strong and
/// links are not pieces; their leaves are). The text is the pieces' own, uncollapsed: the PDF folds spaces for
/// layout after resolving, which cannot change a script, as spaces are neutral.
/// </summary>
public sealed class SequenceText
{
    private readonly int[] _starts; // piece i is [_starts[i], _starts[i + 1])
    private readonly bool[] _marks; // pieces set in one face: note calls' marks

    private SequenceText(string text, int[] starts, bool[] marks)
    {
        Text = text;
        _starts = starts;
        _marks = marks;
    }

    public string Text { get; }

    public int Count => _marks.Length;

    /// <summary>Where piece <paramref name="piece"/> starts in <see cref="Text"/>.</summary>
    public int Start(int piece) => _starts[piece];

    /// <summary>Where piece <paramref name="piece"/> ends in <see cref="Text"/>.</summary>
    public int End(int piece) => _starts[piece + 1];

    public bool HasHangul => Text.Any(c => TextRules.ScriptOf(c) == CharScript.Hangul);

    /// <summary>The script of an edition's language, which text with no letter takes.</summary>
    public static CharScript LanguageScript(string lang) =>
        lang.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? CharScript.Hangul : CharScript.Latin;

    /// <summary>
    /// The face of every character (<see cref="TextRules.ResolveScripts"/> over the whole sequence), and a note
    /// call's mark in one face, that of its first character. <paramref name="fallback"/>: the edition's
    /// language (<see cref="LanguageScript"/>).
    /// </summary>
    public CharScript[] Scripts(CharScript fallback)
    {
        var scripts = new CharScript[Text.Length];
        TextRules.ResolveScripts(Text, scripts, fallback);
        for (var p = 0; p < Count; p++)
        {
            if (!_marks[p]) continue;
            for (var i = Start(p) + 1; i < End(p); i++) scripts[i] = scripts[Start(p)];
        }
        return scripts;
    }

    /// <summary>The sequence of a print block's inlines, one piece per inline (a page field is empty).</summary>
    public static SequenceText Of(IReadOnlyList<PrintInline> inlines)
    {
        var builder = new Builder(inlines.Count);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case PrintText t: builder.Add(t.Text); break;
                case PrintNoteCall call: builder.Add(call.Note.Mark, mark: true); break;
                case PrintLineBreak: builder.Add("\n"); break;
                default: builder.Add(""); break;
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// The sequence of model inlines as one edition words them: a cross-reference as <paramref name="reference"/>
    /// words it ("Table 1"), a note call as <paramref name="mark"/> marks it.
    /// </summary>
    public static SequenceText Of(IReadOnlyList<Inline> inlines, Func<ReferenceInline, string> reference, Func<NoteReferenceInline, string> mark)
    {
        var builder = new Builder(inlines.Count);
        void Add(Inline inline)
        {
            switch (inline)
            {
                case TextInline t: builder.Add(t.Text); break;
                case CodeInline c: builder.Add(c.Text); break;
                case ReferenceInline r: builder.Add(reference(r)); break;
                case NoteReferenceInline n: builder.Add(mark(n), mark: true); break;
                case LineBreakInline: builder.Add("\n"); break;
                case EmphasisInline e: foreach (var child in e.Children) Add(child); break;
                case StrongInline s: foreach (var child in s.Children) Add(child); break;
                case LinkInline l: foreach (var child in l.Children) Add(child); break;
                default: throw new ArgumentOutOfRangeException(nameof(inlines), inline.GetType().Name);
            }
        }
        foreach (var inline in inlines) Add(inline);
        return builder.Build();
    }

    private sealed class Builder(int capacity)
    {
        private readonly StringBuilder _text = new();
        private readonly List<int> _starts = new(capacity + 1);
        private readonly List<bool> _marks = new(capacity);

        public void Add(string text, bool mark = false)
        {
            _starts.Add(_text.Length);
            _marks.Add(mark);
            _text.Append(text);
        }

        public SequenceText Build()
        {
            _starts.Add(_text.Length);
            return new SequenceText(_text.ToString(), _starts.ToArray(), _marks.ToArray());
        }
    }
}
