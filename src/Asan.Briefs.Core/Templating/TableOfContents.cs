using Asan.Briefs.Model;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Templating;

/// <summary>One line of a table of contents: the heading's anchor id (as the templates name the
/// section), its level (1–3) and its plain text in the edition's language.</summary>
public sealed record ContentsEntry(string Id, int Level, string Text);

/// <summary>
/// The one rule for "does this edition get a table of contents, and with which entries": every
/// heading of the brief, in reading order, when the brief has at least theme.contents.min_headings of
/// them (0: never). The HTML nav, the print markup's &lt;contents&gt; (and so the Word TOC field and
/// the PDF contents page) all take the entries from here, as templates see them (edition.contents).
/// </summary>
public static class TableOfContents
{
    /// <summary>The entries of <paramref name="brief"/>'s contents in <paramref name="lang"/>; empty when it gets none.</summary>
    public static IReadOnlyList<ContentsEntry> For(Brief brief, string lang, ContentsFile settings)
    {
        var headings = brief.Sections.Where(s => s.Heading is not null).ToList();
        if (settings.MinHeadings <= 0 || headings.Count < settings.MinHeadings) return [];
        return headings.Select(s => new ContentsEntry(BriefViewBuilder.AnchorId(s.Id), s.Level, Inlines.PlainText(s.Heading![lang]))).ToList();
    }
}

/// <summary>What the templates know of the edition they render beyond the brief: its contents.</summary>
public sealed record EditionInfo(IReadOnlyList<ContentsEntry> Contents);
