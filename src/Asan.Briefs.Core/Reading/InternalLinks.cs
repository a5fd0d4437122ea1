using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Templating;

namespace Asan.Briefs.Reading;

/// <summary>
/// A link to an anchor of the brief (#id) must name a heading's anchor: the one target every output has
/// (the page's section id, the PDF's named destination, the Word bookmark). Checked once on the content,
/// where each link is located, so no writer meets a link that goes nowhere.
/// </summary>
public static class InternalLinks
{
    public static void Check(IReadOnlyList<DraftBody> bodies, IReadOnlyList<Section> sections, List<Diagnostic> problems)
    {
        var anchors = sections.Where(s => s.Level > 0).Select(s => BriefViewBuilder.AnchorId(s.Id)).ToList();
        var known = anchors.ToHashSet(StringComparer.Ordinal);
        var listed = string.Join(", ", anchors.Take(8).Select(a => "#" + a)) + (anchors.Count > 8 ? ", …" : "");
        foreach (var body in bodies)
            foreach (var (anchor, spot) in body.InternalLinks.Where(l => !known.Contains(l.Anchor)))
                problems.Add(new Diagnostic(spot.File, spot.Line, spot.Column,
                    $"link '#{anchor}' goes to no heading of this brief" +
                    (anchors.Count > 0 ? $"; the headings' anchors are {listed}: link to one of them" : "; it has no headings to link to") +
                    $", or end a heading with {{#{anchor}}}"));
    }
}
