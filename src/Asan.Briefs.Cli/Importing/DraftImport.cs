using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Docx.Import;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Writing;

namespace Asan.Briefs.Cli.Importing;

/// <summary>What an import would write, and what the user must be told.</summary>
public sealed record ImportPlan(
    string BriefDirectory,
    string Lang,
    ImportedDraft Draft,
    string Markdown,
    string Yaml,
    IReadOnlyList<string> MetadataChanges,
    IReadOnlyList<BlockChange> Changes,
    IReadOnlyList<Diagnostic> Drift,
    IReadOnlyList<string> Notices)
{
    public string BodyPath => Path.Combine(BriefDirectory, $"body.{Lang}.md");
}

/// <summary>
/// Imports a Word draft into its brief: reads it, writes the canonical Markdown and the brief.yaml
/// fields into a staged copy of the brief, checks the copy as `check` would, and only then writes the
/// files into place. Drift against the other languages (a paragraph a translator dropped or added) is
/// reported with file and line, and does not stop the import: the other language is fixed next.
/// </summary>
public static class DraftImport
{
    /// <exception cref="DraftException">for a file that is not a draft of ours or is damaged.</exception>
    /// <exception cref="BriefException">when the imported brief would not pass `check`; nothing is written.</exception>
    public static ImportPlan Plan(Workspace workspace, string docxPath, string briefId, string lang)
    {
        var directory = Path.Combine(workspace.ContentDirectory, briefId);
        if (!File.Exists(Path.Combine(directory, "brief.yaml")))
            throw new BriefException(DisplayPath.Of(docxPath), 0, 0, $"there is no brief '{briefId}' under {DisplayPath.Of(workspace.ContentDirectory)}; name it with --brief ID");
        var current = BriefReader.Read(directory);
        if (!current.Languages.Contains(lang))
            throw new BriefException(DisplayPath.Of(Path.Combine(directory, "brief.yaml")), 0, 0, $"brief '{briefId}' has no language '{lang}' ({string.Join(", ", current.Languages)}); name it with --lang LANG, or add the language first");
        var bodyPath = Path.Combine(directory, $"body.{lang}.md");
        var problems = new List<Diagnostic>();
        var before = MarkdownBodyReader.Read(directory, lang, bodyPath, problems, smartPunctuation: current.Metadata.SmartPunctuation);
        var target = ImportTarget.Of(directory, before, current.Sections.Where(s => s.Level > 0).Select(s => s.Id));
        var draft = DocxDraftReader.Read(docxPath, target);
        var markdown = MarkdownBodyWriter.Write(draft.Body, directory, current.Metadata.SmartPunctuation);

        var i18n = I18n.Load(workspace.TemplatesDirectory, lang).Values["labels"] as Scriban.Runtime.ScriptObject;
        string Label(string key) => i18n?[key]?.ToString() ?? "";
        var labels = new DraftLabels(Label("author_line") is { Length: > 0 } line ? line : "{role}, {affiliation}", Label("about_author"), Label("about_authors"), Label("disclaimer"));
        var (yaml, metadataChanges, metadataNotices) = MetadataEdit.Apply(File.ReadAllText(Path.Combine(directory, "brief.yaml")), current.Metadata, draft.Metadata, lang, labels);

        var drift = Check(workspace, directory, lang, draft, markdown, yaml, current.Metadata.SmartPunctuation);
        return new ImportPlan(directory, lang, draft, markdown, yaml, metadataChanges, BlockDiff.Compare(before, draft.Body, directory), drift,
            [.. draft.Notices, .. metadataNotices]);
    }

    /// <summary>Writes the plan's files: each through a temporary file moved into place.</summary>
    public static void Apply(ImportPlan plan)
    {
        foreach (var image in plan.Draft.NewImages) Replace(Path.Combine(plan.BriefDirectory, image.FileName), image.Bytes);
        Replace(plan.BodyPath, System.Text.Encoding.UTF8.GetBytes(plan.Markdown));
        Replace(Path.Combine(plan.BriefDirectory, "brief.yaml"), System.Text.Encoding.UTF8.GetBytes(plan.Yaml));
    }

    private static void Replace(string path, byte[] bytes)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
        var temp = path + ".import-tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The check of the staged brief; returns the drift against other languages, throws for anything else.</summary>
    private static List<Diagnostic> Check(Workspace workspace, string directory, string lang, ImportedDraft draft, string markdown, string yaml, bool smart)
    {
        var stageRoot = Path.Combine(Path.GetTempPath(), $"asan-import-{Guid.NewGuid():N}");
        var stage = Path.Combine(stageRoot, Path.GetFileName(directory));
        try
        {
            Copy(directory, stage);
            foreach (var image in draft.NewImages) File.WriteAllBytes(Path.Combine(stage, image.FileName), image.Bytes);
            File.WriteAllText(Path.Combine(stage, $"body.{lang}.md"), markdown);
            File.WriteAllText(Path.Combine(stage, "brief.yaml"), yaml);
            string Real(string file) => file.Replace(DisplayPath.Of(stage), DisplayPath.Of(directory), StringComparison.Ordinal);

            // The imported body on its own: the Markdown reader must take it, and read it back to the same text.
            var problems = new List<Diagnostic>();
            var reread = MarkdownBodyReader.Read(stage, lang, Path.Combine(stage, $"body.{lang}.md"), problems, smartPunctuation: smart);
            if (problems.Count == 0 && MarkdownBodyWriter.Write(reread, stage, smart) != markdown)
                problems.Add(new Diagnostic(DisplayPath.Of(Path.Combine(directory, $"body.{lang}.md")), 1, 1, "the imported text does not read back as it was written (some text in the draft looks like Markdown that the writer cannot escape); simplify the formatting around it in Word"));
            if (problems.Count > 0) throw new BriefException(problems.Select(p => p with { File = Real(p.File), Message = Real(p.Message) }).ToList());

            Brief brief;
            try
            {
                brief = BriefReader.Read(stage);
            }
            catch (BriefException e)
            {
                // Once the body and brief.yaml read on their own, what is left is the aligner's drift.
                var metadata = new List<Diagnostic>();
                MetadataReader.Read(Path.Combine(stage, "brief.yaml"), metadata);
                if (metadata.Count > 0) throw new BriefException(metadata.Select(p => p with { File = Real(p.File), Message = Real(p.Message) }).ToList());
                return e.Diagnostics.Select(p => p with { File = Real(p.File), Message = Real(p.Message) }).ToList();
            }
            var publisher = new Publisher(workspace with { ContentDirectory = stageRoot }, BuildStamp.FromEnvironment());
            foreach (var l in brief.Languages)
            {
                publisher.Templates.RenderHtml(brief, l);
                publisher.PrintDocument(brief, l);
            }
            return [];
        }
        finally
        {
            try { Directory.Delete(stageRoot, recursive: true); } catch (IOException) { }
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
