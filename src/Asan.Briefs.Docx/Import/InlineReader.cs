using Asan.Briefs.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// Reads the runs of one paragraph into inlines. Runs are flattened to pieces of text with their
/// marks (emphasis, strong, link), then nested again, the longest span outermost, as the Markdown
/// reader would nest them; wrappers Word and LibreOffice add (smart tags, content controls, fields)
/// are read through. Tracked changes are accepted as they are read and recorded by <see cref="Changes"/>.
/// </summary>
internal sealed class InlineReader
{
    private readonly OpenXmlPart _part;
    private readonly DraftChanges _changes;
    private readonly Func<long, string> _noteLabel;
    private readonly Func<string, string?> _anchor;

    public InlineReader(OpenXmlPart part, DraftChanges changes, Func<long, string> noteLabel, Func<string, string?> anchor)
    {
        _part = part;
        _changes = changes;
        _noteLabel = noteLabel;
        _anchor = anchor;
    }

    private sealed record Piece(Inline Atom, bool Strong, bool Emphasis, string? Href);

    /// <summary>The paragraph's inlines, trimmed as a Markdown paragraph is.</summary>
    public List<Inline> Read(OpenXmlElement paragraph)
    {
        var pieces = new List<Piece>();
        Collect(paragraph, pieces, null);
        return Trim(Nest(pieces, 0, pieces.Count));
    }

    private void Collect(OpenXmlElement container, List<Piece> pieces, string? href)
    {
        foreach (var element in container.ChildElements)
        {
            var child = Typed(element);
            switch (child)
            {
                case Run run:
                    Run(run, pieces, href);
                    break;
                case Hyperlink link:
                    Collect(link, pieces, Href(link) ?? href);
                    break;
                case InsertedRun or MoveToRun:
                    _changes.Add(child, child is InsertedRun ? "insertion" : "move", child.InnerText);
                    Collect(child, pieces, href);
                    break;
                case DeletedRun or MoveFromRun:
                    _changes.Add(child, child is DeletedRun ? "deletion" : "move", string.Concat(child.Descendants<DeletedText>().Select(t => t.Text)));
                    break;
                case ParagraphProperties or BookmarkStart or BookmarkEnd or ProofError or CommentRangeStart or CommentRangeEnd:
                    break;
                default:
                    // Smart tags, content controls, simple fields, custom XML: their runs are the text.
                    if (child.HasChildren) Collect(child, pieces, href);
                    break;
            }
        }
    }

    /// <summary>
    /// An element the SDK does not know (w:smartTag, which it has dropped) holds its children untyped:
    /// runs, links and changes inside it are read again as what they are.
    /// </summary>
    private static OpenXmlElement Typed(OpenXmlElement element)
    {
        if (element is not OpenXmlUnknownElement unknown || unknown.NamespaceUri != Namespace) return element;
        OpenXmlElement? typed = unknown.LocalName switch
        {
            "r" => new Run(),
            "hyperlink" => new Hyperlink(),
            "ins" => new InsertedRun(),
            "del" => new DeletedRun(),
            _ => null,
        };
        if (typed is null) return element;
        typed.InnerXml = unknown.InnerXml;
        foreach (var attribute in unknown.GetAttributes()) typed.SetAttribute(attribute);
        return typed;
    }

    private const string Namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private void Run(Run run, List<Piece> pieces, string? href)
    {
        var rPr = run.RunProperties;
        if (rPr?.RunPropertiesChange is { } change) _changes.Add(change, "formatting", run.InnerText);
        var style = rPr?.RunStyle?.Val?.Value ?? "";
        var strong = On(rPr?.Bold) || style.Equals("Strong", StringComparison.OrdinalIgnoreCase);
        // Emphasis by its character style too: Hangul in it is upright (w:i off), as Korean has no italic.
        var emphasis = On(rPr?.Italic) || IsStyle(style, EmphasisStyleKeys);
        var code = IsStyle(style, CodeStyleKeys);
        foreach (var child in run.ChildElements)
        {
            Inline? atom = child switch
            {
                Text t => code ? new CodeInline(t.Text) : new TextInline(t.Text),
                TabChar => new TextInline("\t"),
                NoBreakHyphen => new TextInline("\u2011"),
                Break br when IsLineBreak(br) => new LineBreakInline(),
                CarriageReturn => new LineBreakInline(),
                FootnoteReference note when note.Id?.Value is { } id => new NoteReferenceInline(_noteLabel(id)),
                _ => null,
            };
            if (atom is not null) pieces.Add(new Piece(atom, strong, emphasis, href));
        }
    }

    /// <summary>True when the character style <paramref name="id"/> is one of <paramref name="keys"/>, by its id or by the name the draft gives it.</summary>
    private bool IsStyle(string id, HashSet<string> keys)
    {
        if (id.Length == 0) return false;
        var name = Styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == id)?.StyleName?.Val?.Value;
        return keys.Contains(Key(id)) || (name is not null && keys.Contains(Key(name)));
    }

    /// <summary>Inline code's character style: ours (Word's built-in "HTML Code"), pandoc's "Verbatim Char" and LibreOffice's "Source Text".</summary>
    private static readonly HashSet<string> CodeStyleKeys = [Key(WordStyles.CodeId), Key(WordStyles.CodeName), "verbatimchar", "sourcetext"];

    /// <summary>Emphasis's character style: Word's built-in "Emphasis" (ours), which LibreOffice also names so.</summary>
    private static readonly HashSet<string> EmphasisStyleKeys = [Key(WordStyles.EmphasisId), Key(WordStyles.EmphasisName)];

    private static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private Styles? Styles => (_part.OpenXmlPackage as WordprocessingDocument)?.MainDocumentPart?.StyleDefinitionsPart?.Styles;

    private static bool IsLineBreak(Break br) => br.Type?.InnerText is null or "" or "textWrapping";

    private static bool On(OnOffType? flag) => flag is not null && DraftBlockReader.IsOn(flag.Val?.InnerText);

    private string? Href(Hyperlink link)
    {
        if (link.Id?.Value is { } id)
        {
            var rel = _part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id);
            return rel?.Uri.OriginalString;
        }
        return link.Anchor?.Value is { } anchor ? "#" + (_anchor(anchor) ?? anchor) : null;
    }

    /// <summary>Pieces [from, to) as inlines: the mark whose run from here is longest wraps it, and is read again inside.</summary>
    private static List<Inline> Nest(List<Piece> pieces, int from, int to)
    {
        var result = new List<Inline>();
        var i = from;
        while (i < to)
        {
            var p = pieces[i];
            int Span(Func<Piece, bool> has) { var j = i; while (j < to && has(pieces[j])) j++; return j; }
            var emEnd = p.Emphasis ? Span(x => x.Emphasis) : i;
            var strongEnd = p.Strong ? Span(x => x.Strong) : i;
            var linkEnd = p.Href is { } href ? Span(x => x.Href == href) : i;
            var end = Math.Max(emEnd, Math.Max(strongEnd, linkEnd));
            if (end == i)
            {
                Add(result, p.Atom);
                i++;
                continue;
            }
            var inner = pieces.GetRange(i, end - i);
            if (emEnd == end)
                Wrap(result, Nest(inner.Select(x => x with { Emphasis = false }).ToList(), 0, inner.Count), c => new EmphasisInline(c));
            else if (strongEnd == end)
                Wrap(result, Nest(inner.Select(x => x with { Strong = false }).ToList(), 0, inner.Count), c => new StrongInline(c));
            // A link to a figure's or table's anchor is a cross-reference: its text is the number the writer made.
            else if (p.Href!.StartsWith('#') && Model.Numbering.LabelOfAnchor(p.Href[1..]) is { } label)
                result.Add(new ReferenceInline(label));
            else
                result.Add(new LinkInline(p.Href!, Nest(inner.Select(x => x with { Href = null }).ToList(), 0, inner.Count)));
            i = end;
        }
        return result;
    }

    /// <summary>Emphasis cannot start or end with a space in Markdown: the spaces go outside it.</summary>
    private static void Wrap(List<Inline> result, List<Inline> children, Func<IReadOnlyList<Inline>, Inline> make)
    {
        string lead = "", trail = "";
        if (children.Count > 0 && children[0] is TextInline first)
        {
            var trimmed = first.Text.TrimStart();
            lead = first.Text[..(first.Text.Length - trimmed.Length)];
            if (trimmed.Length == 0) children.RemoveAt(0); else children[0] = new TextInline(trimmed);
        }
        if (children.Count > 0 && children[^1] is TextInline last)
        {
            var trimmed = last.Text.TrimEnd();
            trail = last.Text[trimmed.Length..];
            if (trimmed.Length == 0) children.RemoveAt(children.Count - 1); else children[^1] = new TextInline(trimmed);
        }
        if (lead.Length > 0) Add(result, new TextInline(lead));
        if (children.Count > 0) result.Add(make(children));
        if (trail.Length > 0) Add(result, new TextInline(trail));
    }

    private static void Add(List<Inline> inlines, Inline inline)
    {
        if (inline is TextInline t && inlines.Count > 0 && inlines[^1] is TextInline previous)
            inlines[^1] = new TextInline(previous.Text + t.Text);
        // Word splits runs anywhere; two code spans side by side are one in Markdown anyway.
        else if (inline is CodeInline c && inlines.Count > 0 && inlines[^1] is CodeInline before)
            inlines[^1] = new CodeInline(before.Text + c.Text);
        else
            inlines.Add(inline);
    }

    /// <summary>No leading or trailing white space, as a Markdown paragraph has none.</summary>
    internal static List<Inline> Trim(List<Inline> inlines)
    {
        while (inlines.Count > 0 && inlines[0] is TextInline t && t.Text.TrimStart().Length == 0) inlines.RemoveAt(0);
        while (inlines.Count > 0 && inlines[^1] is TextInline t && t.Text.TrimEnd().Length == 0) inlines.RemoveAt(inlines.Count - 1);
        if (inlines.Count > 0 && inlines[0] is TextInline head) inlines[0] = new TextInline(head.Text.TrimStart());
        if (inlines.Count > 0 && inlines[^1] is TextInline tail) inlines[^1] = new TextInline(tail.Text.TrimEnd());
        return inlines;
    }
}
