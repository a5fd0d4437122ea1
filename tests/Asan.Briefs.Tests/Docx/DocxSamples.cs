using System.Text;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Docx;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Tests.Docx;

/// <summary>Theme, sample markup and read-back helpers for the Word writer's tests.</summary>
internal static class DocxSamples
{
    public static string RepoRoot => Repository.Root;

    public static Theme Theme => Repository.Theme;

    public static string Figure => MarkupSamples.Figure;

    public static PrintDocument Parse(string markup) => MarkupSamples.Parse(markup);

    /// <summary>A sample from Docx/Samples/, with {FIGURE} pointing at a PNG in the repository.</summary>
    public static PrintDocument Load(string name) =>
        MarkupSamples.Load(Path.Combine(RepoRoot, "tests", "Asan.Briefs.Tests", "Docx", "Samples", name));

    /// <summary>A real brief's print markup, rendered by the pipeline's templates.</summary>
    public static PrintDocument Brief(string id, string lang) => RenderedEditions.PrintDocument(id, lang);

    public static byte[] Write(PrintDocument document)
    {
        var bytes = new DocxWriter(embedFonts: true).Write(document, Theme);
        // Set DOCX_SAMPLES_OUT to a folder to keep the files for a look in Word or LibreOffice.
        if (Environment.GetEnvironmentVariable("DOCX_SAMPLES_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = $"{new string(document.Info.Title.Where(char.IsLetterOrDigit).Take(24).ToArray())}-{document.Blocks.Count}.{document.Lang}.docx";
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
        return bytes;
    }

    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    /// <summary>The text of a Word paragraph as a reader sees it: text, tabs, line breaks as spaces; note references add nothing.</summary>
    public static string Text(OpenXmlElement paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append('\t'); break;
                case Break: text.Append(' '); break;
            }
        }
        return text.ToString();
    }

    /// <summary>The text of every paragraph-like block of the markup, in reading order (figures: caption, then credit).</summary>
    public static List<string> ExpectedParagraphs(IEnumerable<PrintBlock> blocks) =>
        PrintWalker.Descendants(blocks)
            // The contents are paragraphs in Word: its heading, then an entry each.
            .SelectMany(b => b is PrintContents c ? [c.Title.Inlines, .. c.Entries.Select(e => e.Text.Inlines)] : PrintWalker.InlineSequences(b))
            .Select(PrintWalker.PlainText)
            .Where(t => t.Length > 0)
            .ToList();
}
