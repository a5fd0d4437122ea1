using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Writing;

namespace Asan.Briefs.Cli.Importing;

/// <summary>One difference between the body on disk and the imported one.</summary>
public sealed record BlockChange(char Sign, string Where, string Text)
{
    public override string ToString() => $"{Sign} {Where}: {Excerpt(Text)}";

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 70 ? line : line[..70] + "…";
    }
}

/// <summary>
/// The per-block difference of two versions of one language's body: sections by heading id, blocks
/// within a section by their canonical Markdown (a longest common subsequence, so an inserted paragraph
/// shows as one addition, not as every later block changed), notes by label.
/// </summary>
public static class BlockDiff
{
    public static List<BlockChange> Compare(DraftBody before, DraftBody after, string briefDirectory)
    {
        var changes = new List<BlockChange>();
        var old = before.Sections.ToDictionary(s => s.Id);
        var now = after.Sections.ToDictionary(s => s.Id);
        foreach (var section in after.Sections)
        {
            if (!old.TryGetValue(section.Id, out var previous))
            {
                changes.Add(new BlockChange('+', $"section #{section.Id}", Inlines.PlainText(section.Heading ?? [])));
                continue;
            }
            var heading = Inlines.PlainText(section.Heading ?? []);
            if (heading != Inlines.PlainText(previous.Heading ?? []))
                changes.Add(new BlockChange('~', $"heading #{section.Id}", heading));
            Blocks(section.Id, Texts(previous.Blocks, briefDirectory), Texts(section.Blocks, briefDirectory), changes);
        }
        foreach (var section in before.Sections.Where(s => !now.ContainsKey(s.Id)))
            changes.Add(new BlockChange('-', $"section #{section.Id}", Inlines.PlainText(section.Heading ?? [])));
        var notes = before.Footnotes.ToDictionary(f => f.Label, f => MarkdownBodyWriter.WriteNote(f, briefDirectory));
        foreach (var note in after.Footnotes)
        {
            var text = MarkdownBodyWriter.WriteNote(note, briefDirectory);
            if (!notes.TryGetValue(note.Label, out var was)) changes.Add(new BlockChange('+', $"note [^{note.Label}]", text));
            else if (was != text) changes.Add(new BlockChange('~', $"note [^{note.Label}]", text));
        }
        foreach (var label in notes.Keys.Except(after.Footnotes.Select(f => f.Label)))
            changes.Add(new BlockChange('-', $"note [^{label}]", notes[label]));
        return changes;
    }

    private static List<string> Texts(IReadOnlyList<DraftBlock> blocks, string briefDirectory) =>
        blocks.Select(b => MarkdownBodyWriter.WriteBlock(b, briefDirectory)).ToList();

    private static void Blocks(string section, List<string> a, List<string> b, List<BlockChange> changes)
    {
        // lcs[i, j]: the longest common run of a[i..] and b[j..].
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        var removed = new List<(int Index, string Text)>();
        var added = new List<(int Index, string Text)>();
        void Flush()
        {
            // A removal and an addition at the same place are one changed block.
            var paired = Math.Min(removed.Count, added.Count);
            for (var k = 0; k < paired; k++) changes.Add(new BlockChange('~', $"#{section} block {added[k].Index + 1}", added[k].Text));
            foreach (var (index, text) in removed.Skip(paired)) changes.Add(new BlockChange('-', $"#{section} block {index + 1}", text));
            foreach (var (index, text) in added.Skip(paired)) changes.Add(new BlockChange('+', $"#{section} block {index + 1}", text));
            removed.Clear();
            added.Clear();
        }
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y]) { Flush(); x++; y++; }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y])) { added.Add((y, b[y])); y++; }
            else { removed.Add((x, a[x])); x++; }
        }
        Flush();
    }
}
