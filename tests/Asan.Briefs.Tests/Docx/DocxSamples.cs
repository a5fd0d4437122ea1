using System.Text;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Docx;
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
    public static string RepoRoot { get; } = FindRoot();

    private static readonly Lazy<Theme> LazyTheme = new(() => ThemeLoader.Load(Path.Combine(RepoRoot, "templates")));
    public static Theme Theme => LazyTheme.Value;

    private static readonly Lazy<PrintMarkupReader> Reader = new(() =>
        new PrintMarkupReader(Path.Combine(RepoRoot, "templates", "print", "print-layout.xsd"), Theme.Color));

    public static string Figure => Path.Combine(RepoRoot, "content", "feature-tour", "figure-trade.png");

    public static PrintDocument Parse(string markup) => Reader.Value.Parse(markup, "test");

    /// <summary>A sample from Docx/Samples/, with {FIGURE} pointing at a PNG in the repository.</summary>
    public static PrintDocument Load(string name) =>
        Parse(File.ReadAllText(Path.Combine(RepoRoot, "tests", "Asan.Briefs.Tests", "Docx", "Samples", name))
            .Replace("{FIGURE}", Figure, StringComparison.Ordinal));

    /// <summary>A real brief's print markup, rendered by the pipeline's templates.</summary>
    public static PrintDocument Brief(string id, string lang)
    {
        var publisher = new Publisher(Workspace.At(RepoRoot), BuildStamp.FromEnvironment());
        var brief = publisher.ReadBriefs([id])[0];
        return publisher.PrintDocument(brief, lang);
    }

    public static byte[] Write(PrintDocument document)
    {
        var bytes = new DocxWriter().Write(document, Theme);
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
            .SelectMany(PrintWalker.InlineSequences)
            .Select(PrintWalker.PlainText)
            .Where(t => t.Length > 0)
            .ToList();

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("ASAN_BRIEFS_ROOT") is { Length: > 0 } root) return root;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AsanBriefs.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (AsanBriefs.sln) not found");
    }
}
