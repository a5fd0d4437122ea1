using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Packaging;

namespace Asan.Briefs.Docx;

/// <summary>What every part of the Word writer reads and none changes: the resolved markup, the theme and the package.</summary>
internal sealed class DocxContext(ResolvedDocument resolved, MainDocumentPart main)
{
    public ResolvedDocument Resolved { get; } = resolved;
    public PrintDocument Document => Resolved.Markup;
    public Theme Theme => Resolved.Theme;
    public MainDocumentPart Main { get; } = main;
    public double ContentWidth => Document.Page.ContentWidth;

    /// <summary>In a Korean document the tag of runs in Latin letters; null where text stays one run.</summary>
    public string? LatinLanguage { get; } = LanguageTags.For(resolved.Lang).IsKorean ? "en-US" : null;
}
