using Asan.Briefs.Images;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Resolution;

/// <summary>
/// The print markup with what both paged writers need decided once (as pandoc's writers share one AST
/// and Typst realizes content before layout): the theme style of every block, cell, running slot and
/// note paragraph (a style the theme lacks falls back to body, here only), every figure's image read
/// and checked, and every note's anchors. The PDF engine and the Word writer only lay out or serialise.
/// </summary>
public sealed class ResolvedDocument
{
    private readonly Dictionary<object, ParagraphStyle> _styles;
    private readonly Dictionary<PrintFigure, ResolvedFigure> _figures;

    internal ResolvedDocument(PrintDocument markup, Theme theme, Dictionary<object, ParagraphStyle> styles,
        Dictionary<PrintFigure, ResolvedFigure> figures)
    {
        Markup = markup;
        Theme = theme;
        _styles = styles;
        _figures = figures;
    }

    public PrintDocument Markup { get; }
    public Theme Theme { get; }
    public string Lang => Markup.Lang;
    public PageGeometry Page => Markup.Page;

    /// <summary>Resolves <paramref name="markup"/> against <paramref name="theme"/>; a broken figure image is a content error.</summary>
    public static ResolvedDocument Resolve(PrintDocument markup, Theme theme) => new Resolver(markup, theme).Run();

    /// <summary>The style a block is set in: its own, or the style of the quote or list it stands in.</summary>
    public ParagraphStyle StyleOf(PrintBlock block) => _styles[block];

    public ParagraphStyle StyleOf(PrintCell cell) => _styles[cell];

    public ParagraphStyle StyleOf(RunningSlot slot) => _styles[slot];

    /// <summary>A style by name with the body fallback, for parts the markup does not name (empty cells, running heads).</summary>
    public ParagraphStyle Style(string name) => StyleOrBody(Theme, name, Lang);

    /// <summary>The one fallback: a style the theme lacks is set as body.</summary>
    internal static ParagraphStyle StyleOrBody(Theme theme, string name, string lang) =>
        theme.Style(theme.HasStyle(name) ? name : "body", lang);

    public ResolvedFigure FigureOf(PrintFigure figure) => _figures[figure];

    /// <summary>The anchor of a note's text, as the HTML edition names it.</summary>
    public static string NoteAnchor(PrintNote note) => note.Id;

    /// <summary>The anchor of a note's call in the text, linked back from the note.</summary>
    public static string CallAnchor(PrintNote note) => "call-" + note.Id;
}

/// <summary>A figure's image, read once, and the size it is set at.</summary>
public sealed record ResolvedFigure(PngImage Image, double WidthFraction)
{
    // A figure never takes more than most of a page: it shrinks to fit, keeping its aspect ratio.
    public const double MaxPageHeightFraction = 0.7;
    // Narrower than this it is no longer legible; the markup's width is clamped to it.
    public const double MinWidthFraction = 0.05;

    /// <summary>Width and height in points in a measure of <paramref name="measure"/> on a page of <paramref name="contentHeight"/>.</summary>
    public (double Width, double Height) SizeIn(double measure, double contentHeight)
    {
        var width = measure * Math.Clamp(WidthFraction, MinWidthFraction, 1);
        var height = width * Image.PixelHeight / Image.PixelWidth;
        var maxHeight = contentHeight * MaxPageHeightFraction;
        if (height > maxHeight) { width *= maxHeight / height; height = maxHeight; }
        return (width, height);
    }
}
