using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Import;

/// <summary>A copy of the feature tour in a temporary folder, and the import command run on it with consoles to read.</summary>
public abstract class FeatureTourCopy : IDisposable
{
    protected const string Brief = Repository.FeatureTour;
    protected readonly string Root = Path.Combine(Path.GetTempPath(), "asan-briefs-tests", Guid.NewGuid().ToString("N"));
    protected readonly TestConsole Out = new();
    protected readonly TestConsole Err = new();

    protected FeatureTourCopy()
    {
        Out.Profile.Width = Err.Profile.Width = 10_000;
        var target = Path.Combine(Root, "content", Brief);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Content, Brief))) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
    }

    protected Workspace Workspace => new(Path.Combine(Root, "content"), Repository.Templates, Path.Combine(Root, "artifacts"));

    protected string Body(string lang) => File.ReadAllText(Path.Combine(Root, "content", Brief, $"body.{lang}.md"));

    protected string Yaml => File.ReadAllText(Path.Combine(Root, "content", Brief, "brief.yaml"));

    /// <summary>The draft (<paramref name="docx"/>, else the edition's) written beside the copy as build names it, then edited.</summary>
    protected string Draft(string lang, Action<MainDocumentPart>? edit = null, byte[]? docx = null)
    {
        var path = Path.Combine(Root, $"{Brief}.{lang}.docx");
        File.WriteAllBytes(path, docx ?? RenderedEditions.Docx(Brief, lang));
        if (edit is not null)
        {
            using var document = WordprocessingDocument.Open(path, true);
            edit(document.MainDocumentPart!);
        }
        return path;
    }

    protected int Import(string path, bool accept = false) => ImportCommand.Run(Workspace, [path], null, null, accept, Out, Err);

    protected static Paragraph ParagraphWith(MainDocumentPart main, string text) =>
        main.Document!.Body!.Descendants<Paragraph>()
            // The body's paragraph, not the contents entry with a heading's text.
            .Where(p => !(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "").StartsWith("TOC", StringComparison.Ordinal))
            .First(p => p.InnerText.Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
