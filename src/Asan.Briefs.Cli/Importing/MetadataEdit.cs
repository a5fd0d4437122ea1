using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Docx.Import;
using Asan.Briefs.Model;
using YamlDotNet.RepresentationModel;

namespace Asan.Briefs.Cli.Importing;

/// <summary>
/// Carries the localised fields a draft's cover shows (title, subtitle, each author's name, role and
/// affiliation) back into brief.yaml. Only the changed scalars are rewritten, in place, so the file
/// keeps its comments, order and layout.
/// </summary>
public static class MetadataEdit
{
    /// <summary>brief.yaml with the draft's values for <paramref name="lang"/>, and what changed (field: new value).</summary>
    /// <param name="authorLine">The i18n `author_line` pattern the cover was written with, e.g. "{role}, {affiliation}".</param>
    public static (string Yaml, List<string> Changed, List<string> Notices) Apply(string yaml, BriefMetadata current, DraftMetadata draft, string lang, string authorLine)
    {
        var edits = new List<(string[] Path, string Value)>();
        var notices = new List<string>();
        if (draft.Title is { } title && title != current.Title[lang]) edits.Add((["title", lang], title));
        if ((draft.Subtitle ?? "") != current.Subtitle[lang]) edits.Add((["subtitle", lang], draft.Subtitle ?? ""));
        if (draft.Authors.Count != current.Authors.Count)
            notices.Add($"the draft lists {draft.Authors.Count} author(s) and brief.yaml {current.Authors.Count}; add or remove authors in brief.yaml, in every language");
        var line = AuthorLine(authorLine);
        for (var i = 0; i < Math.Min(draft.Authors.Count, current.Authors.Count); i++)
        {
            var (author, was) = (draft.Authors[i], current.Authors[i]);
            if (author.Name != was.Name[lang]) edits.Add((["authors", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "name", lang], author.Name));
            if (author.Line is null) continue;
            if (line.Match(author.Line) is { Success: true } m)
            {
                if (m.Groups["role"].Value != was.Role[lang]) edits.Add((["authors", $"{i}", "role", lang], m.Groups["role"].Value));
                if (m.Groups["affiliation"].Value != was.Affiliation[lang]) edits.Add((["authors", $"{i}", "affiliation", lang], m.Groups["affiliation"].Value));
            }
            else notices.Add($"author {i + 1}'s line \"{author.Line}\" does not read as \"{authorLine}\"; role and affiliation left as they are");
        }
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents[0].RootNode;
        var spans = new List<(int Start, int End, string Value, string Field)>();
        foreach (var (path, value) in edits)
        {
            var field = string.Join('.', path);
            if (Find(root, path) is { } scalar) spans.Add(((int)scalar.Start.Index, (int)scalar.End.Index, value, field));
            else notices.Add($"brief.yaml has no {field} to update; add `{field}: \"{value}\"` by hand");
        }
        var text = new StringBuilder(yaml);
        foreach (var (start, end, value, _) in spans.OrderByDescending(s => s.Start))
            text.Remove(start, end - start).Insert(start, Quote(value));
        return (text.ToString(), spans.Select(s => $"{s.Field}: {s.Value}").ToList(), notices);
    }

    private static YamlScalarNode? Find(YamlNode node, string[] path)
    {
        foreach (var key in path)
        {
            node = node switch
            {
                YamlMappingNode map when map.Children.FirstOrDefault(kv => ((YamlScalarNode)kv.Key).Value == key).Value is { } child => child,
                YamlSequenceNode list when int.TryParse(key, out var n) && n < list.Children.Count => list.Children[n],
                _ => null!,
            };
            if (node is null) return null;
        }
        return node as YamlScalarNode;
    }

    private static Regex AuthorLine(string pattern)
    {
        var regex = Regex.Escape(pattern).Replace(@"\{role}", "(?<role>.*?)", StringComparison.Ordinal)
            .Replace(@"\{affiliation}", "(?<affiliation>.*?)", StringComparison.Ordinal);
        return new Regex($"^{regex}$");
    }

    /// <summary>A double-quoted YAML scalar (JSON's escapes are YAML's).</summary>
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value,
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
