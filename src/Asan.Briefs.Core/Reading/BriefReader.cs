using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;

namespace Asan.Briefs.Reading;

/// <summary>Reads a brief's folder (brief.yaml + body.&lt;lang&gt;.md) into the canonical <see cref="Brief"/>.</summary>
public static class BriefReader
{
    /// <exception cref="BriefException">with every problem found, each located by file and line.</exception>
    /// <param name="limits">The theme's limits (<see cref="ContentLimits.Default"/> when not given).</param>
    /// <param name="textCheck">A check of each file's text as read (the theme's font coverage), given the text and
    /// the file's display path; it runs on the text the reader holds, so no file is read twice.</param>
    public static Brief Read(string briefDirectory, ContentLimits? limits = null, Func<string, string, IReadOnlyList<Diagnostic>>? textCheck = null)
    {
        var directory = Path.GetFullPath(briefDirectory);
        var id = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
        var problems = new List<Diagnostic>();
        if (!IsBriefId(id))
            problems.Add(new Diagnostic(DisplayPath.Of(directory), 0, 0, $"folder name '{id}' cannot be a brief id; use lower-case letters, digits and hyphens"));

        var yaml = Path.Combine(directory, "brief.yaml");
        if (File.Exists(yaml) && BriefFiles.Problem(directory, yaml) is { } unsafeYaml) throw new BriefException(DisplayPath.Of(yaml), 0, 0, unsafeYaml);
        var warnings = new List<Diagnostic>();
        var sources = new List<(string File, string Text)>();
        var metadata = MetadataReader.Read(yaml, problems, warnings, sources);
        var bodies = new List<DraftBody>();
        foreach (var lang in metadata.Languages)
        {
            var path = Path.Combine(directory, $"body.{lang}.md");
            if (!File.Exists(path))
            {
                problems.Add(new Diagnostic(DisplayPath.Of(path), 0, 0, $"brief.yaml lists '{lang}' but this file is missing; write the {lang} body or remove the language"));
                continue;
            }
            if (BriefFiles.Problem(directory, path) is { } unsafeBody)
            {
                problems.Add(new Diagnostic(DisplayPath.Of(path), 0, 0, unsafeBody));
                continue;
            }
            try { bodies.Add(MarkdownBodyReader.Read(directory, lang, path, problems, warnings, limits, sources, metadata.SmartPunctuation)); }
            catch (BriefException e) { problems.AddRange(e.Diagnostics); }
        }
        if (textCheck is not null)
            foreach (var (file, text) in sources) problems.AddRange(textCheck(text, file));
        foreach (var stray in StrayBodies(directory, metadata.Languages))
            problems.Add(new Diagnostic(DisplayPath.Of(stray), 0, 0,
                $"'{LanguageOf(stray)}' is not in brief.yaml's languages: ({string.Join(", ", metadata.Languages)}); add it there or remove the file"));
        if (problems.Count > 0) throw new BriefException(problems);

        var (sections, footnotes) = LanguageAligner.Align(bodies, problems);
        InternalLinks.Check(bodies, sections, problems);
        CrossReferences.Check(bodies, problems);
        if (problems.Count > 0) throw new BriefException(problems);
        return new Brief(id, directory, metadata, sections, footnotes) { Warnings = warnings };
    }

    /// <summary>body.&lt;lang&gt;.md files of languages the brief does not list: a language half added or half removed.</summary>
    private static IEnumerable<string> StrayBodies(string directory, IReadOnlyList<string> languages) =>
        Directory.EnumerateFiles(directory, "body.*.md")
            .Where(f => LanguageOf(f) is { Length: > 0 } lang && !lang.Contains('.') && !languages.Contains(lang))
            .Order(StringComparer.Ordinal);

    private static string LanguageOf(string bodyFile) => Path.GetFileName(bodyFile)["body.".Length..^".md".Length];

    /// <summary>Every brief folder under a content folder (those holding a brief.yaml), in name order.</summary>
    public static IReadOnlyList<string> FindBriefs(string contentDirectory) =>
        Directory.Exists(contentDirectory)
            ? Directory.GetDirectories(contentDirectory)
                .Where(d => File.Exists(Path.Combine(d, "brief.yaml")))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    private static bool IsBriefId(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
