using System.Globalization;
using System.Text;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Writing;

/// <summary>
/// Writes one language's body back to body.&lt;lang&gt;.md in the canonical form: one way to write
/// each construct, so that reading a canonical file and writing it gives the same bytes, and a body
/// imported from Word comes out as a person would have written it.
/// </summary>
/// <remarks>
/// The form: a paragraph is one line; blocks are separated by one blank line; headings are ATX with
/// their id (<c># Title {#id}</c>); bullets are <c>-</c> and ordered items count up from the list's
/// start; nested blocks are indented by the width of their marker; quotes are prefixed <c>&gt; </c>;
/// a link whose text is its address is written <c>&lt;address&gt;</c>; notes are defined at the end in
/// order of first citation. Text is escaped only where CommonMark would read it as markup.
/// </remarks>
public sealed class MarkdownBodyWriter
{
    private readonly string _briefDirectory;
    private readonly bool _smart;

    private MarkdownBodyWriter(string briefDirectory, bool smart)
    {
        _briefDirectory = briefDirectory;
        _smart = smart;
    }

    /// <param name="briefDirectory">The folder figure paths are written relative to.</param>
    /// <param name="smartPunctuation">brief.yaml's smart_punctuation: when true, straight quotes, -- and ... are
    /// escaped so that they read back as typed; when false the reader keeps them, and they are written bare.</param>
    public static string Write(DraftBody body, string briefDirectory, bool smartPunctuation = true)
    {
        var writer = new MarkdownBodyWriter(briefDirectory, smartPunctuation);
        var chunks = new List<List<string>>();
        foreach (var section in body.Sections)
        {
            if (section.Level > 0)
                chunks.Add([$"{new string('#', section.Level)} {InlineWriter.Line(section.Heading ?? [], InlineWriter.Where.Heading, writer._smart).TrimEnd()} {{#{section.Id}}}"]);
            chunks.AddRange(writer.BlockChunks(section.Blocks));
        }
        foreach (var note in OrderedNotes(body))
            chunks.Add(writer.Footnote(note));
        var text = new StringBuilder();
        foreach (var chunk in chunks)
        {
            if (text.Length > 0) text.Append('\n');
            foreach (var line in chunk) text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One block (or a note's paragraphs, or a heading) in its canonical form, for comparing two versions of a body
    /// (both written alike, escaped as for smart punctuation).</summary>
    public static string WriteBlock(DraftBlock block, string briefDirectory) =>
        string.Join('\n', new MarkdownBodyWriter(briefDirectory, true).Block(block));

    public static string WriteNote(DraftFootnote note, string briefDirectory) =>
        string.Join('\n', new MarkdownBodyWriter(briefDirectory, true).Footnote(note));

    /// <summary>Notes in order of first citation, then any never cited, in the order they were defined.</summary>
    private static IEnumerable<DraftFootnote> OrderedNotes(DraftBody body)
    {
        var cited = body.ReferenceOrder.Select(label => body.Footnotes.FirstOrDefault(f => f.Label == label)).OfType<DraftFootnote>();
        return cited.Concat(body.Footnotes.Where(f => !body.ReferenceOrder.Contains(f.Label)));
    }

    /// <summary>Sibling blocks, each as its lines; two lists of one kind in a row alternate their markers so they stay two lists.</summary>
    private List<List<string>> BlockChunks(IReadOnlyList<DraftBlock> blocks)
    {
        var chunks = new List<List<string>>();
        DraftList? previousList = null;
        var alternate = false;
        foreach (var block in blocks)
        {
            if (block is DraftList list)
            {
                alternate = previousList is not null && previousList.Ordered == list.Ordered && !alternate;
                chunks.Add(List(list, alternate));
                previousList = list;
            }
            else
            {
                chunks.Add(Block(block));
                previousList = null;
                alternate = false;
            }
        }
        return chunks;
    }

    private List<string> Block(DraftBlock block) => block switch
    {
        DraftParagraph p => Lines(InlineWriter.Paragraph(p.Inlines, _smart)),
        DraftQuote q => Quote(q),
        DraftFigure f => Figure(f),
        DraftTable t => Table(t),
        DraftList l => List(l, false),
        _ => throw new ArgumentException($"no Markdown form for {block.GetType().Name}", nameof(block)),
    };

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private List<string> List(DraftList list, bool alternate)
    {
        var lines = new List<string>();
        for (var n = 0; n < list.Items.Count; n++)
        {
            var marker = list.Ordered
                ? (list.Start + n).ToString(CultureInfo.InvariantCulture) + (alternate ? ")" : ".")
                : alternate ? "*" : "-";
            var content = ItemLines(list.Items[n].Blocks);
            var indent = new string(' ', marker.Length + 1);
            if (content.Count == 0) { lines.Add(marker); continue; }
            for (var i = 0; i < content.Count; i++)
            {
                if (i == 0) lines.Add(content[i].Length == 0 ? marker : $"{marker} {content[i]}");
                else lines.Add(content[i].Length == 0 ? "" : indent + content[i]);
            }
        }
        return lines;
    }

    /// <summary>An item's blocks: a list right after the item's text needs no blank line (unless CommonMark would not let it interrupt a paragraph).</summary>
    private List<string> ItemLines(IReadOnlyList<DraftBlock> blocks)
    {
        var chunks = BlockChunks(blocks);
        var lines = new List<string>();
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0)
            {
                var tight = blocks[i - 1] is DraftParagraph && blocks[i] is DraftList { Items.Count: > 0 } next
                    && (!next.Ordered || next.Start == 1) && next.Items[0].Blocks.Count > 0;
                if (!tight) lines.Add("");
            }
            lines.AddRange(chunks[i]);
        }
        return lines;
    }

    private List<string> Quote(DraftQuote quote)
    {
        var lines = new List<string>();
        foreach (var chunk in BlockChunks(quote.Blocks))
        {
            if (lines.Count > 0) lines.Add(">");
            lines.AddRange(chunk.Select(line => line.Length == 0 ? ">" : "> " + line));
        }
        return lines.Count == 0 ? [">"] : lines;
    }

    private List<string> Figure(DraftFigure figure)
    {
        var path = Path.GetRelativePath(_briefDirectory, figure.ImagePath).Replace(Path.DirectorySeparatorChar, '/');
        var title = figure.Credit.Length == 0 ? "" : $" \"{figure.Credit.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        var caption = InlineWriter.Line(figure.Caption, InlineWriter.Where.Caption, _smart);
        return
        [
            "^^^",
            $"![{InlineWriter.Text(figure.Alt, InlineWriter.Where.Inside, _smart)}]({InlineWriter.Destination(path)}{title}){Id(figure.Label)}",
            caption.Length == 0 ? "^^^" : "^^^ " + caption,
        ];
    }

    /// <summary>A figure's or table's id as the reader takes it ({#fig:trade}), after a space when it follows text.</summary>
    private static string Id(string? label, string before = "") => label is null ? "" : $"{before}{{#{label}}}";

    private List<string> Table(DraftTable table)
    {
        var lines = new List<string>();
        if (table.Caption is { } caption)
        {
            var text = InlineWriter.Line(caption, InlineWriter.Where.Caption, _smart);
            lines.Add((MarkdownBodyReader.TableCaptionMarker + text + Id(table.Label, text.Length > 0 ? " " : "")).TrimEnd());
            lines.Add("");
        }
        static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";
        var columns = Math.Max(table.Columns.Count, table.Rows.Select(r => r.Cells.Count).DefaultIfEmpty(0).Max());
        for (var r = 0; r < table.Rows.Count; r++)
        {
            lines.Add(Row(Enumerable.Range(0, columns).Select(c =>
                c < table.Rows[r].Cells.Count ? InlineWriter.Line(table.Rows[r].Cells[c], InlineWriter.Where.TableCell, _smart) : "")));
            if (r == 0)
            {
                lines.Add(Row(Enumerable.Range(0, columns).Select(c => (c < table.Columns.Count ? table.Columns[c] : ColumnAlign.Default) switch
                {
                    ColumnAlign.Left => ":---",
                    ColumnAlign.Center => ":---:",
                    ColumnAlign.Right => "---:",
                    _ => "---",
                })));
            }
        }
        return lines;
    }

    private List<string> Footnote(DraftFootnote note)
    {
        var lines = new List<string>();
        for (var i = 0; i < note.Paragraphs.Count; i++)
        {
            var paragraph = Lines(InlineWriter.Paragraph(note.Paragraphs[i], _smart));
            if (i == 0)
            {
                lines.Add($"[^{note.Label}]: {paragraph[0]}".TrimEnd());
                lines.AddRange(paragraph.Skip(1).Select(l => "    " + l));
            }
            else
            {
                lines.Add("");
                lines.AddRange(paragraph.Select(l => "    " + l));
            }
        }
        if (lines.Count == 0) lines.Add($"[^{note.Label}]:");
        return lines;
    }
}
