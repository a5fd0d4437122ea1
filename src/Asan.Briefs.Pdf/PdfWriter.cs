using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Drawing;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf;

/// <summary>The two PDF files of an edition: the web file (PDF/A-2a) and the print file (PDF/X-4), both tagged PDF/UA-1.</summary>
public enum PdfKind { Web, Print }

/// <summary>
/// The PDF edition: paged layout markup + theme → PDF bytes. Layout (<see cref="PageLayout"/>) turns
/// the markup into pages of positioned boxes; drawing (<see cref="PdfAssembler"/>) serialises them
/// with our own PDF writer. Same input, same bytes.
/// </summary>
public sealed class PdfWriter
{
    public const string Producer = "Asan Briefs PDF engine (HarfBuzz)";

    private readonly Func<Theme, ITextSetter> _textFor;
    private readonly FontLibrary _fonts;
    private readonly Dictionary<Theme, PageLayout> _layouts = new(ReferenceEqualityComparer.Instance);
    private readonly ColorProfiles _profiles = new();

    /// <summary>The PDF writer with the text engine of this project (<see cref="Text.TextLayouter"/>).</summary>
    public PdfWriter() : this(theme => new Text.TextLayouter(theme)) { }

    /// <param name="textFor">The text engine to set lines with, per theme.</param>
    /// <param name="fonts">Where drawing reads the font files the glyph runs name; the text engine's library.</param>
    public PdfWriter(Func<Theme, ITextSetter> textFor, FontLibrary? fonts = null)
    {
        _textFor = textFor;
        _fonts = fonts ?? FontLibrary.Shared;
    }

    /// <summary>Writes a document; figure sources are absolute paths to PNG files.</summary>
    public byte[] Write(PrintDocument document, Theme theme, PdfKind kind = PdfKind.Web) => Write(ResolvedDocument.Resolve(document, theme), kind);

    /// <summary>Writes a document already resolved against its theme.</summary>
    public byte[] Write(ResolvedDocument document, PdfKind kind = PdfKind.Web) => Write(Layout(document), document, kind);

    /// <summary>Writes pages laid out from <paramref name="document"/>: both files of an edition share one layout.</summary>
    public byte[] Write(LaidOutDocument pages, ResolvedDocument document, PdfKind kind)
    {
        var setup = document.Theme.Pdf;
        return PdfAssembler.Write(pages, document.Markup.Info, _fonts, PdfEdition.For(kind, setup, _profiles), setup, _profiles);
    }

    /// <summary>The layout stage alone: pages of positioned boxes with their roles.</summary>
    public LaidOutDocument Layout(PrintDocument document, Theme theme) => Layout(ResolvedDocument.Resolve(document, theme));

    public LaidOutDocument Layout(ResolvedDocument document)
    {
        var theme = document.Theme;
        PageLayout pages;
        lock (_layouts)
        {
            if (!_layouts.TryGetValue(theme, out pages!))
                _layouts[theme] = pages = new PageLayout(_textFor(theme), theme);
        }
        return pages.Layout(document);
    }
}
