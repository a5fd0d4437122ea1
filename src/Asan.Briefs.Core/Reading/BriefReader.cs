using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;

namespace Asan.Briefs.Reading;

/// <summary>Reads a brief's folder (brief.yaml + body.&lt;lang&gt;.md) into the canonical <see cref="Brief"/>.</summary>
public static class BriefReader
{
    /// <exception cref="BriefException">with every problem found, each located by file and line.</exception>
    public static Brief Read(string briefDirectory)
    {
        var directory = Path.GetFullPath(briefDirectory);
        var id = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
        var problems = new List<Diagnostic>();
        if (!IsBriefId(id))
            problems.Add(new Diagnostic(DisplayPath.Of(directory), 0, 0, $"folder name '{id}' cannot be a brief id; use lower-case letters, digits and hyphens"));

        var yaml = Path.Combine(directory, "brief.yaml");
        if (File.Exists(yaml) && BriefFiles.Problem(directory, yaml) is { } unsafeYaml) throw new BriefException(DisplayPath.Of(yaml), 0, 0, unsafeYaml);
        var metadata = MetadataReader.Read(yaml, problems);
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
            bodies.Add(MarkdownBodyReader.Read(directory, lang, path, problems));
        }
        if (problems.Count > 0) throw new BriefException(problems);

        var (sections, footnotes) = LanguageAligner.Align(bodies, problems);
        if (problems.Count > 0) throw new BriefException(problems);
        return new Brief(id, directory, metadata, sections, footnotes);
    }

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
