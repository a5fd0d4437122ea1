using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Templating;

namespace Asan.Briefs.Reading;

/// <summary>
/// Every cross-reference (<c>[@tbl:exports]</c>) must name a figure or table of its own file by the id
/// that block carries, of the kind its prefix says; ids are unique in a file and are not headings'
/// anchors. Checked once on the content, where each reference stands, so no writer meets one that
/// goes nowhere. (That the ids match across languages is the aligner's, as for headings.)
/// </summary>
public static class CrossReferences
{
    public static void Check(IReadOnlyList<DraftBody> bodies, List<Diagnostic> problems)
    {
        foreach (var body in bodies)
        {
            var labelled = new Dictionary<string, SourceSpot>(StringComparer.Ordinal);
            foreach (var (label, spot) in Labels(body.Sections.SelectMany(s => s.Blocks)))
            {
                if (labelled.TryGetValue(label, out var first))
                    problems.Add(At(spot, $"id '{label}' is already used at line {first.Line}; give each {Numbering.KindOf(label)} its own id"));
                else labelled[label] = spot;
            }
            foreach (var section in body.Sections.Where(s => Numbering.LabelOfAnchor(BriefViewBuilder.AnchorId(s.Id)) is not null))
                problems.Add(At(section.Spot, $"heading id '{section.Id}' looks like a figure's or table's (fig-…, tbl-…), whose anchors it would clash with; give the heading another id"));
            foreach (var (target, spot) in body.References.Where(r => !labelled.ContainsKey(r.Target)))
                problems.Add(At(spot, Unknown(target, labelled.Keys)));
        }
    }

    private static string Unknown(string target, IEnumerable<string> known)
    {
        var kind = Numbering.KindOf(target)!;
        var name = target[4..];
        var other = known.FirstOrDefault(k => k[4..] == name);
        if (other is not null)
            return $"[@{target}] names a {kind}, but '{other}' is a {Numbering.KindOf(other)}; write [@{other}]";
        var sameKind = known.Where(k => Numbering.KindOf(k) == kind).Order(StringComparer.Ordinal).ToList();
        var listed = sameKind.Count > 0 ? $"the {kind}s' ids here are {string.Join(", ", sameKind.Take(8))}; fix the id, or" : $"no {kind} in this file has an id;";
        var where = kind == "figure" ? "after its image: ![…](….png){#" + target + "}" : "at the end of its caption: Table: … {#" + target + "}";
        return $"[@{target}] names no {kind}: {listed} give the {kind} the id {where}";
    }

    /// <summary>The ids of figures and tables, in lists and quotes too, where each block stands.</summary>
    public static IEnumerable<(string Label, SourceSpot Spot)> Labels(IEnumerable<DraftBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DraftFigure { Label: { } figure }: yield return (figure, block.Spot); break;
                case DraftTable { Label: { } table }: yield return (table, block.Spot); break;
                case DraftList list:
                    foreach (var x in Labels(list.Items.SelectMany(i => i.Blocks))) yield return x;
                    break;
                case DraftQuote quote:
                    foreach (var x in Labels(quote.Blocks)) yield return x;
                    break;
            }
        }
    }

    private static Diagnostic At(SourceSpot spot, string message) => new(spot.File, spot.Line, spot.Column, message);
}
