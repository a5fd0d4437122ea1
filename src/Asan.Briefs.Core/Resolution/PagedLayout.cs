namespace Asan.Briefs.Resolution;

/// <summary>Layout numbers both paged writers follow, so the PDF and the Word edition space blocks alike.</summary>
public static class PagedLayout
{
    /// <summary>The least space below a table, in points: its last rule must not touch the text after it.</summary>
    public const double TableSpaceBelow = 8;

    /// <summary>
    /// The least space above a table's caption, in points: the caption belongs to the table below it, so it
    /// stands clear of what comes before (a figure's source line, when the figure floated right above it).
    /// </summary>
    public const double TableCaptionSpaceAbove = 12;

    /// <summary>The least space above a table, in points: its top rule must not touch the text before it.</summary>
    public const double TableSpaceAbove = 4;
}
