using System.Text.RegularExpressions;
using Asan.Briefs.Cli.Importing;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Docx.Import;
using DocumentFormat.OpenXml.Packaging;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `import &lt;file.docx&gt;`: reads a Word draft back into content/&lt;brief&gt;/body.&lt;lang&gt;.md and the
/// brief.yaml fields its cover carries. The brief and language come from --brief and --lang, else from
/// the file's name (&lt;brief&gt;.&lt;lang&gt;.docx, as build names drafts), else from its language property.
/// </summary>
public static partial class ImportCommand
{
    public static int Run(Workspace workspace, IReadOnlyList<string> positional, string? brief, string? lang, bool acceptChanges, IAnsiConsole console, IAnsiConsole errors)
    {
        if (positional.Count != 1) throw new UsageException("import takes one file: import <file.docx> [--brief ID] [--lang LANG] [--accept-changes]");
        var path = Path.GetFullPath(positional[0]);
        var file = DisplayPath.Of(path);
        if (!File.Exists(path)) throw new BriefException(file, 0, 0, "no such file; name the .docx to import");
        var name = DraftName().Match(Path.GetFileName(path));
        brief ??= name.Success ? name.Groups["brief"].Value : null;
        lang ??= name.Success ? name.Groups["lang"].Value : LanguageProperty(path);
        if (brief is null) throw new UsageException($"{file}: the file's name does not say which brief it is; add --brief ID");
        if (lang is null) throw new UsageException($"{file}: neither the file's name nor its properties say its language; add --lang LANG");

        ImportPlan plan;
        try
        {
            plan = DraftImport.Plan(workspace, path, brief, lang);
        }
        catch (DraftException e)
        {
            errors.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return CommandLine.InvalidInput;
        }
        console.MarkupLine($"Importing {Markup.Escape(file)} into {Markup.Escape(brief)} ({Markup.Escape(lang)})");
        foreach (var comment in plan.Draft.Comments)
            console.MarkupLine($"  comment by {Markup.Escape(comment.Author)} ({Markup.Escape(comment.Date)}) in {Markup.Escape(comment.Block)}: {Markup.Escape(comment.Text)}");
        if (plan.Draft.Changes.Count > 0)
        {
            foreach (var change in plan.Draft.Changes)
                (acceptChanges ? console : errors).MarkupLine($"  tracked {Markup.Escape(change.Kind)} by {Markup.Escape(change.Author)} ({Markup.Escape(change.Date)}) in {Markup.Escape(change.Block)}: \"{Markup.Escape(change.Text)}\"");
            if (!acceptChanges)
            {
                errors.MarkupLine($"[red]{Markup.Escape(file)}: error: {plan.Draft.Changes.Count} tracked change(s) are not resolved; accept or reject them in Word, or import with --accept-changes to accept them all. Nothing was written.[/]");
                return CommandLine.InvalidInput;
            }
            console.MarkupLine($"  accepted {plan.Draft.Changes.Count} tracked change(s)");
        }
        foreach (var notice in plan.Notices) errors.MarkupLine($"[yellow]warning: {Markup.Escape(notice)}[/]");
        foreach (var change in plan.Changes) console.WriteLine("  " + change);
        foreach (var field in plan.MetadataChanges) console.WriteLine("  ~ brief.yaml " + field);
        if (plan.Changes.Count == 0 && plan.MetadataChanges.Count == 0) console.WriteLine("  no changes");
        DraftImport.Apply(plan);
        foreach (var drift in plan.Drift) errors.MarkupLine($"[yellow]{Markup.Escape(drift.ToString().Replace(": error: ", ": warning: ", StringComparison.Ordinal))}[/]");
        if (plan.Drift.Count > 0)
            errors.MarkupLine($"[yellow]{plan.Drift.Count} difference(s) from the other language(s): bring them in line before the next build[/]");
        console.MarkupLine($"[green]wrote {Markup.Escape(DisplayPath.Of(plan.BodyPath))}[/]");
        return CommandLine.Success;
    }

    /// <summary>"en-US" → "en" from the document's language property.</summary>
    private static string? LanguageProperty(string path)
    {
        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            var language = document.PackageProperties.Language;
            return string.IsNullOrEmpty(language) ? null : language.Split('-')[0].ToLowerInvariant();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.IO.FileFormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<brief>[a-z0-9-]+)\.(?<lang>[a-z]{2,3})\.docx$")]
    private static partial Regex DraftName();
}
