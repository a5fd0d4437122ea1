using System.Text.RegularExpressions;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Markdig.Renderers.Html;
using MdInlines = Markdig.Syntax.Inlines;

namespace Asan.Briefs.Reading;

/// <summary>
/// The syntax of numbered captions and cross-references, as pandoc-crossref writes it: an id after a
/// figure's image (<c>![alt](chart.png){#fig:trade}</c>), a table's caption in the paragraph right
/// before it (<c>Table: Exports by category {#tbl:exports}</c>), and a reference in running text
/// (<c>[@fig:trade]</c>). Whether a reference names an id that exists is checked once all blocks are
/// read (<see cref="CrossReferences"/>).
/// </summary>
public sealed partial class MarkdownBodyReader
{
    /// <summary>What opens a table's caption, in every language (pandoc's syntax).</summary>
    public const string TableCaptionMarker = "Table: ";

    private readonly List<(string Target, SourceSpot Spot)> _references = [];

    /// <summary>A paragraph, or a table's caption when it opens with <see cref="TableCaptionMarker"/> as typed (not escaped).</summary>
    private DraftBlock ReadParagraph(Markdig.Syntax.ParagraphBlock paragraph)
    {
        var id = paragraph.TryGetAttributes()?.Id;
        var isCaption = paragraph.Inline?.FirstChild is MdInlines.LiteralInline { IsFirstCharacterEscaped: false } first
            && first.Content.ToString() is var opening
            && (opening.StartsWith(TableCaptionMarker, StringComparison.Ordinal) || opening == TableCaptionMarker.TrimEnd());
        var inlines = ReadInlines(paragraph.Inline);
        if (!isCaption)
        {
            if (id is not null)
                Problem(paragraph, $"a paragraph cannot take an id ({{#{id}}}); ids go on headings, after a figure's image, or at the end of a table's caption (`Table: … {{#tbl:name}}`)");
            return new DraftParagraph(Spot(paragraph), inlines);
        }
        if (inlines is [TextInline head, ..]) inlines[0] = new TextInline(head.Text[Math.Min(TableCaptionMarker.Length, head.Text.Length)..]);
        // The space Markdig leaves before {#id} is not part of the caption.
        if (inlines is [.., TextInline tail]) inlines[^1] = new TextInline(tail.Text.TrimEnd());
        inlines.RemoveAll(i => i is TextInline { Text.Length: 0 });
        return new DraftTableCaption(Spot(paragraph), inlines, CheckedLabel(id, "table", Numbering.TablePrefix, paragraph.Line, paragraph.Column));
    }

    /// <summary>The id after a figure's image, checked.</summary>
    private string? FigureLabel(MdInlines.LinkInline image) =>
        CheckedLabel(image.TryGetAttributes()?.Id, "figure", Numbering.FigurePrefix, image.Line, image.Column);

    private string? CheckedLabel(string? id, string kind, string prefix, int line, int column)
    {
        if (id is null) return null;
        if (Numbering.IsLabel(id) && id.StartsWith(prefix, StringComparison.Ordinal)) return id;
        var name = id.Contains(':') ? id[(id.IndexOf(':') + 1)..] : id;
        var suggestion = prefix + Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        _problems.Add(new Diagnostic(_file, line + 1, column + 1, Numbering.KindOf(id) is { } other && other != kind
            ? $"a {kind}'s id starts with {prefix}, not {id[..4]} (that is a {other}'s); write {{#{suggestion}}}"
            : $"'{id}' cannot be a {kind}'s id; write {prefix} and lower-case letters, digits and hyphens, e.g. {{#{suggestion}}}"));
        return null;
    }

    /// <summary>Joins each table caption to the table right after it; a caption with no table there is a problem.</summary>
    private List<DraftBlock> AttachCaptions(List<DraftBlock> blocks)
    {
        var attached = new List<DraftBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not DraftTableCaption caption)
            {
                attached.Add(blocks[i]);
                continue;
            }
            if (i + 1 < blocks.Count && blocks[i + 1] is DraftTable table)
            {
                // "Table:" with neither text nor id adds nothing: every table is numbered, captioned or not.
                attached.Add(caption is { Inlines.Count: 0, Label: null } ? table : table with { Caption = caption.Inlines, Label = caption.Label });
                i++;
            }
            else
                _problems.Add(new Diagnostic(caption.Spot.File, caption.Spot.Line, caption.Spot.Column,
                    "a table caption (`Table: …`) must stand right before its table; move it above the table, or write `Table\\:` to keep it as a paragraph"));
        }
        return attached;
    }

    /// <summary>
    /// Text with its references (<c>[@fig:trade]</c>) split out, each recorded where it stands. A bracket
    /// typed with a backslash (<c>\[@</c>) stays text, as does a reference inside code.
    /// </summary>
    private void AddWithReferences(List<Inline> joined, string text, List<(int Offset, MdInlines.LiteralInline? Literal)> pieces)
    {
        var from = 0;
        var piece = 0;
        foreach (Match match in ReferencePattern().Matches(text))
        {
            while (piece + 1 < pieces.Count && pieces[piece + 1].Offset <= match.Index) piece++;
            var (offset, literal) = pieces[piece];
            if (literal is null) continue;
            var (line, column) = _source.Position(literal.Span.Start + match.Index - offset);
            var target = match.Groups[1].Value;
            if (!Numbering.IsLabel(target))
            {
                _problems.Add(new Diagnostic(_file, line, column,
                    $"[@{target}] is not a reference to a figure or table; write [@fig:name] or [@tbl:name] with the id the figure or table has, or \\[@ to keep the brackets as text"));
                continue;
            }
            if (match.Index > from) joined.Add(new TextInline(text[from..match.Index]));
            joined.Add(new ReferenceInline(target));
            _references.Add((target, new SourceSpot(_file, line, column)));
            from = match.Index + match.Length;
        }
        if (from < text.Length || from == 0) joined.Add(new TextInline(text[from..]));
    }

    [GeneratedRegex(@"\[@([^\]\s]*)\]")]
    private static partial Regex ReferencePattern();
}
