using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;

namespace Asan.Briefs.Docx;

/// <summary>What every part of the Word writer reads and none changes: the markup, the theme and the package.</summary>
internal sealed class DocxContext(PrintDocument document, Theme theme, MainDocumentPart main)
{
    public PrintDocument Document { get; } = document;
    public Theme Theme { get; } = theme;
    public MainDocumentPart Main { get; } = main;
    public double ContentWidth => Document.Page.ContentWidth;

    /// <summary>In a Korean document the tag of runs in Latin letters; null where text stays one run.</summary>
    public string? LatinLanguage { get; } = LanguageTags.For(document.Lang).IsKorean ? "en-US" : null;
}
