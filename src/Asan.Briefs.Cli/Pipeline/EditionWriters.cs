using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>The three writers, one per output format, each fed by the rendered templates.</summary>
public static class EditionWriters
{
    public static IEnumerable<OutputFile> Html(Publisher publisher, Brief brief, string lang)
    {
        var html = publisher.Templates.RenderHtml(brief, lang);
        yield return new OutputFile($"{brief.Id}/{EditionTemplates.FileName(brief.Id, lang, "html")}", new System.Text.UTF8Encoding(false).GetBytes(html));
    }

    public static byte[] Pdf(PrintDocument document, Theme theme) => throw new NotSupportedException("PDF writer not wired yet");

    public static byte[] Docx(PrintDocument document, Theme theme) => throw new NotSupportedException("DOCX writer not wired yet");
}
