using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;

namespace Asan.Briefs.Reading;

/// <summary>
/// Lines up the languages' bodies into one model: sections by heading id, blocks by position, notes by
/// label. Any drift (a block, item, row or note present in one language only) is reported with the
/// file and line in each language.
/// </summary>
public sealed class LanguageAligner
{
    private readonly IReadOnlyList<DraftBody> _bodies;
    private readonly List<Diagnostic> _problems;

    private LanguageAligner(IReadOnlyList<DraftBody> bodies, List<Diagnostic> problems)
    {
        _bodies = bodies;
        _problems = problems;
    }

    /// <param name="bodies">One body per language; the first is the source language.</param>
    public static (IReadOnlyList<Section> Sections, IReadOnlyList<Footnote> Footnotes) Align(IReadOnlyList<DraftBody> bodies, List<Diagnostic> problems)
    {
        var aligner = new LanguageAligner(bodies, problems);
        return (aligner.AlignSections(), aligner.AlignFootnotes());
    }

    private DraftBody Source => _bodies[0];

    private IReadOnlyList<Section> AlignSections()
    {
        foreach (var body in _bodies)
            foreach (var dup in body.Sections.GroupBy(s => s.Id).Where(g => g.Count() > 1))
                Problem(dup.Skip(1).First().Spot, $"heading id '{dup.Key}' is used twice in this file; give each heading its own id");

        var sections = new List<Section>();
        foreach (var body in _bodies.Skip(1))
        {
            var sourceIds = Source.Sections.Select(s => s.Id).ToList();
            var ids = body.Sections.Select(s => s.Id).ToList();
            foreach (var missing in sourceIds.Except(ids))
            {
                var s = Source.Sections.First(x => x.Id == missing);
                Problem(s.Spot, $"section '{missing}' has no translation in {body.File}; add a heading ending with {{#{missing}}} there");
            }
            foreach (var extra in ids.Except(sourceIds))
            {
                var s = body.Sections.First(x => x.Id == extra);
                Problem(s.Spot, $"section '{extra}' is not in {Source.File}; use the same heading ids in every language or add the section to {Source.File}");
            }
            if (sourceIds.Count == ids.Count && sourceIds.Except(ids).Any() == false && !sourceIds.SequenceEqual(ids))
                Problem(body.Sections[0].Spot, $"sections are in a different order than in {Source.File} ({string.Join(", ", sourceIds)}); put them in the same order");
        }

        foreach (var section in Source.Sections)
        {
            var perLanguage = _bodies.Select(b => b.Sections.FirstOrDefault(s => s.Id == section.Id)).ToList();
            if (perLanguage.Any(s => s is null)) continue;
            var aligned = perLanguage!;
            var heading = section.Heading is null ? null : Localize(aligned.Select(s => s!.Heading ?? []).ToList());
            var levels = aligned.Select(s => s!.Level).Distinct().ToList();
            if (levels.Count > 1)
                Problem(aligned.First(s => s!.Level != section.Level)!.Spot, $"section '{section.Id}' is level {section.Level} in {Source.File}; use the same number of # in every language");
            sections.Add(new Section(section.Id, section.Level, heading, AlignBlocks(section.Id, aligned.Select(s => (s!.Spot, s.Blocks)).ToList(), $"section '{section.Id}'")));
        }
        return sections;
    }

    private IReadOnlyList<Block> AlignBlocks(string idPrefix, IReadOnlyList<(SourceSpot Spot, IReadOnlyList<DraftBlock> Blocks)> perLanguage, string where)
    {
        var source = perLanguage[0].Blocks;
        for (var l = 1; l < perLanguage.Count; l++)
        {
            var other = perLanguage[l].Blocks;
            if (other.Count == source.Count) continue;
            var firstDiff = Enumerable.Range(0, Math.Min(source.Count, other.Count)).FirstOrDefault(i => source[i].Kind != other[i].Kind, Math.Min(source.Count, other.Count));
            var detail = firstDiff < source.Count
                ? $"block {firstDiff + 1} of {Source.File} ({source[firstDiff].Kind} at line {source[firstDiff].Spot.Line}) has no counterpart here"
                : $"block {firstDiff + 1} here ({other[firstDiff].Kind}) is not in {Source.File}";
            var spot = firstDiff < other.Count ? other[firstDiff].Spot : perLanguage[l].Spot;
            Problem(spot, $"{where} has {other.Count} blocks in {_bodies[l].File} but {source.Count} in {Source.File}: {detail}; translate the missing block or remove the extra one");
        }
        if (perLanguage.Any(p => p.Blocks.Count != source.Count)) return [];

        var blocks = new List<Block>();
        for (var i = 0; i < source.Count; i++)
        {
            var id = $"{idPrefix}.{i + 1}";
            var drafts = perLanguage.Select(p => p.Blocks[i]).ToList();
            var mismatch = drafts.Skip(1).FirstOrDefault(d => d.Kind != drafts[0].Kind);
            if (mismatch is not null)
            {
                Problem(mismatch.Spot, $"block {i + 1} of {where} is a {mismatch.Kind} here but a {drafts[0].Kind} in {Source.File} (line {drafts[0].Spot.Line}); give both languages the same kind of block");
                continue;
            }
            if (AlignBlock(id, drafts) is { } block) blocks.Add(block);
        }
        return blocks;
    }

    private Block? AlignBlock(string id, IReadOnlyList<DraftBlock> drafts)
    {
        switch (drafts[0])
        {
            case DraftParagraph:
                var paragraphs = drafts.Cast<DraftParagraph>().ToList();
                CheckNotes(paragraphs.Select(p => (p.Spot, p.Inlines)).ToList(), "paragraph");
                return new ParagraphBlock(id, Localize(paragraphs.Select(p => p.Inlines).ToList()));
            case DraftList list:
                var lists = drafts.Cast<DraftList>().ToList();
                var itemCounts = lists.Select(l => l.Items.Count).ToList();
                var bad = lists.FirstOrDefault(l => l.Items.Count != list.Items.Count);
                if (bad is not null)
                {
                    Problem(bad.Spot, $"this list has {bad.Items.Count} items but {list.Items.Count} in {Source.File} (line {list.Spot.Line}); give every language the same items");
                    return null;
                }
                var items = list.Items.Select((item, n) => new ListItem(
                    $"{id}.{n + 1}",
                    AlignBlocks($"{id}.{n + 1}", lists.Select(l => (l.Items[n].Spot, l.Items[n].Blocks)).ToList(), $"list item {n + 1}"))).ToList();
                return new ListBlock(id, list.Ordered, list.Start, items);
            case DraftQuote quote:
                return new QuoteBlock(id, AlignBlocks(id, drafts.Cast<DraftQuote>().Select(q => (q.Spot, q.Blocks)).ToList(), "block quote"));
            case DraftFigure figure:
                var figures = drafts.Cast<DraftFigure>().ToList();
                foreach (var f in figures.Where(f => f.ImagePath != figure.ImagePath))
                    Problem(f.Spot, $"this figure shows '{Path.GetFileName(f.ImagePath)}' but {Source.File} (line {figure.Spot.Line}) shows '{Path.GetFileName(figure.ImagePath)}'; a figure may differ only in its text");
                CheckNotes(figures.Select(f => (f.Spot, f.Caption)).ToList(), "figure caption");
                CheckLabels(figures.Select(f => (f.Spot, f.Label)).ToList(), "figure");
                return new FigureBlock(id, figure.ImagePath,
                    Localize(figures.Select(f => f.Alt).ToList()),
                    Localize(figures.Select(f => f.Caption).ToList()),
                    Localize(figures.Select(f => f.Credit).ToList()))
                {
                    LanguageImages = _bodies.Zip(figures).Where(x => x.Second.LanguageImagePath is not null)
                        .ToDictionary(x => x.First.Lang, x => x.Second.LanguageImagePath!),
                    Label = figure.Label,
                };
            case DraftTable table:
                var tables = drafts.Cast<DraftTable>().ToList();
                foreach (var t in tables.Where(t => t.Rows.Count != table.Rows.Count || t.Rows.Zip(table.Rows).Any(r => r.First.Cells.Count != r.Second.Cells.Count)))
                {
                    Problem(t.Spot, $"this table's shape ({Shape(t)}) differs from {Source.File} line {table.Spot.Line} ({Shape(table)}); give every language the same rows and columns");
                    return null;
                }
                var rows = table.Rows.Select((row, r) => new TableRow(row.IsHeader,
                    row.Cells.Select((_, c) => Localize(tables.Select(t => t.Rows[r].Cells[c]).ToList())).ToList())).ToList();
                foreach (var t in tables.Where(t => (t.Caption is null) != (table.Caption is null)))
                    Problem(t.Spot, table.Caption is null
                        ? $"this table has a caption (Table: …) but its counterpart at {Source.File}:{table.Spot.Line} has none; caption the table in every language or in none"
                        : $"this table has no caption but its counterpart at {Source.File}:{table.Spot.Line} has one; add `Table: …` right above it");
                CheckLabels(tables.Select(t => (t.Spot, t.Label)).ToList(), "table");
                if (table.Caption is not null) CheckNotes(tables.Select(t => (t.Spot, t.Caption ?? [])).ToList(), "table caption");
                return new TableBlock(id, table.Columns, rows)
                {
                    Caption = table.Caption is null ? null : Localize(tables.Select(t => t.Caption ?? []).ToList()),
                    Label = table.Label,
                };
            default:
                return null;
        }
    }

    /// <summary>A figure's or table's id is the same in every language, as a heading's is: references in each language name it.</summary>
    private void CheckLabels(IReadOnlyList<(SourceSpot Spot, string? Label)> perLanguage, string kind)
    {
        var (sourceSpot, source) = perLanguage[0];
        foreach (var (spot, label) in perLanguage.Skip(1).Where(p => p.Label != source))
            Problem(spot, source is null
                ? $"this {kind} has the id {{#{label}}} but its counterpart at {Source.File}:{sourceSpot.Line} has none; use the same id in every language"
                : $"this {kind} {(label is null ? "has no id" : $"has the id {{#{label}}}")} but its counterpart at {Source.File}:{sourceSpot.Line} has {{#{source}}}; give it {{#{source}}} here too");
    }

    private static string Shape(DraftTable table) => $"{table.Rows.Count} rows × {table.Rows.Select(r => r.Cells.Count).DefaultIfEmpty().Max()} columns";

    /// <summary>A note cited in one language's paragraph must be cited in the same paragraph in every language.</summary>
    private void CheckNotes(IReadOnlyList<(SourceSpot Spot, IReadOnlyList<Inline> Inlines)> perLanguage, string kind)
    {
        static List<string> Labels(IReadOnlyList<Inline> inlines) =>
            Inlines.Descendants(inlines).OfType<NoteReferenceInline>().Select(n => $"[^{n.Label}]").ToList();
        var source = Labels(perLanguage[0].Inlines);
        var counterpart = $"its counterpart at {Source.File}:{perLanguage[0].Spot.Line}";
        foreach (var (spot, inlines) in perLanguage.Skip(1))
        {
            var labels = Labels(inlines);
            if (labels.SequenceEqual(source)) continue;
            var missing = source.Except(labels).ToList();
            var extra = labels.Except(source).ToList();
            var what = new List<string>();
            if (missing.Count > 0) what.Add($"does not cite {string.Join(", ", missing)}, which {counterpart} cites");
            if (extra.Count > 0) what.Add($"cites {string.Join(", ", extra)}, which {counterpart} does not");
            if (what.Count == 0) what.Add($"cites {string.Join(", ", labels)} in a different order than {counterpart} ({string.Join(", ", source)})");
            Problem(spot, $"this {kind} {string.Join(" and ", what)}; cite the same notes in the same order");
        }
    }

    private IReadOnlyList<Footnote> AlignFootnotes()
    {
        foreach (var body in _bodies)
        {
            var defined = body.Footnotes.Select(f => f.Label).ToHashSet();
            foreach (var unused in body.Footnotes.Where(f => !body.ReferenceOrder.Contains(f.Label)))
                Problem(unused.Spot, $"note [^{unused.Label}] is never cited; cite it with [^{unused.Label}] in the text or remove it");
            foreach (var dup in body.Footnotes.GroupBy(f => f.Label).Where(g => g.Count() > 1))
                Problem(dup.Skip(1).First().Spot, $"note [^{dup.Key}] is defined twice; give each note its own label");
        }
        var notes = new List<Footnote>();
        var number = 0;
        foreach (var label in Source.ReferenceOrder)
        {
            var perLanguage = _bodies.Select(b => b.Footnotes.FirstOrDefault(f => f.Label == label)).ToList();
            for (var l = 1; l < _bodies.Count; l++)
            {
                if (perLanguage[l] is null && perLanguage[0] is { } src)
                    Problem(src.Spot, $"note [^{label}] has no translation in {_bodies[l].File}; add `[^{label}]: …` there");
            }
            if (perLanguage.Any(p => p is null)) continue;
            notes.Add(new Footnote(label, ++number, Localize(perLanguage.Select(p => p!.Paragraphs).ToList())));
        }
        foreach (var body in _bodies.Skip(1))
            foreach (var extra in body.Footnotes.Where(f => !Source.ReferenceOrder.Contains(f.Label) && body.ReferenceOrder.Contains(f.Label)))
                Problem(extra.Spot, $"note [^{extra.Label}] is not in {Source.File}; use the same note labels in every language");
        return notes;
    }

    private Localized<T> Localize<T>(IReadOnlyList<T> perLanguage) =>
        new(_bodies.Select((b, i) => (b.Lang, perLanguage[i])).ToDictionary(x => x.Lang, x => x.Item2));

    private void Problem(SourceSpot spot, string message) => _problems.Add(new Diagnostic(spot.File, spot.Line, spot.Column, message));
}
