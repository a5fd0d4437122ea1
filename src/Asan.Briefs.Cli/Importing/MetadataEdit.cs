using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Docx.Import;
using Asan.Briefs.Model;
using YamlDotNet.RepresentationModel;

namespace Asan.Briefs.Cli.Importing;

/// <summary>The i18n labels the print templates set the cover and end matter with, to read them back.</summary>
/// <param name="AuthorLine">`author_line`, e.g. "{role}, {affiliation}".</param>
public sealed record DraftLabels(string AuthorLine, string AboutAuthor, string AboutAuthors, string Disclaimer);

/// <summary>
/// Carries the localised fields a draft shows back into brief.yaml: title, subtitle, each author's name,
/// role and affiliation (the cover), short title (the running head), each author's bio and the
/// disclaimer (the end matter), summary and keywords (the document properties). Only the changed values
/// are rewritten, in place, so the file keeps its comments, order and layout.
/// </summary>
public static class MetadataEdit
{
    /// <summary>brief.yaml with the draft's values for <paramref name="lang"/>, and what changed (field: new value).</summary>
    public static (string Yaml, List<string> Changed, List<string> Notices) Apply(string yaml, BriefMetadata current, DraftMetadata draft, string lang, DraftLabels labels)
    {
        var edits = new List<(string[] Path, string Value, IReadOnlyList<string>? List)>();
        var notices = new List<string>();
        void Edit(string? value, string was, params string[] path)
        {
            if (value is not null && value != was) edits.Add((path, value, null));
        }
        Edit(draft.Title, current.Title[lang], "title", lang);
        Edit(draft.Subtitle ?? "", current.Subtitle[lang], "subtitle", lang);
        // The running head's last slot is the short title (the title when brief.yaml has none).
        if (draft.RunningHead.Count > 1 && draft.RunningHead[^1] != current.ShortTitle[lang]) edits.Add((["short_title", lang], draft.RunningHead[^1], null));
        Edit(draft.Subject, current.Summary[lang], "summary", lang);
        if (draft.Keywords is { } keywords)
        {
            var list = keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!list.SequenceEqual(current.Keywords[lang])) edits.Add((["keywords", lang], string.Join(", ", list), list));
        }
        if (draft.Authors.Count != current.Authors.Count)
            notices.Add($"the draft lists {draft.Authors.Count} author(s) and brief.yaml {current.Authors.Count}; add or remove authors in brief.yaml, in every language");
        var line = AuthorLine(labels.AuthorLine);
        for (var i = 0; i < Math.Min(draft.Authors.Count, current.Authors.Count); i++)
        {
            var (author, was) = (draft.Authors[i], current.Authors[i]);
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Edit(author.Name, was.Name[lang], "authors", n, "name", lang);
            if (author.Line is null) continue;
            if (line.Match(author.Line) is { Success: true } m)
            {
                Edit(m.Groups["role"].Value, was.Role[lang], "authors", n, "role", lang);
                Edit(m.Groups["affiliation"].Value, was.Affiliation[lang], "authors", n, "affiliation", lang);
            }
            else notices.Add($"author {i + 1}'s line \"{author.Line}\" does not read as \"{labels.AuthorLine}\"; role and affiliation left as they are");
        }
        EndMatter(draft, current, lang, labels, notices, Edit);

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents[0].RootNode;
        var spans = new List<(int Start, int End, string Text, string Change)>();
        foreach (var (path, value, list) in edits)
        {
            var field = string.Join('.', path);
            var text = list is null ? Quote(value) : "[" + string.Join(", ", list.Select(Quote)) + "]";
            if (Find(root, path) is { } node && (list is null ? node is YamlScalarNode : node is YamlSequenceNode))
                spans.Add(((int)node.Start.Index, End(yaml, node), text, $"{field}: {value}"));
            else notices.Add($"brief.yaml has no {field} to update; add `{field}: {text}` by hand");
        }
        var result = new StringBuilder(yaml);
        foreach (var (start, end, text, _) in spans.OrderByDescending(s => s.Start))
            result.Remove(start, end - start).Insert(start, text);
        return (result.ToString(), spans.Select(s => s.Change).ToList(), notices);
    }

    /// <summary>
    /// Bios from the paragraphs under "About the Author(s)" ("<b>Name</b> · line. Bio", as the print
    /// template writes them), the disclaimer from the one under "Disclaimer".
    /// </summary>
    private static void EndMatter(DraftMetadata draft, BriefMetadata current, string lang, DraftLabels labels, List<string> notices, Action<string?, string, string[]> edit)
    {
        var about = draft.EndMatter.FirstOrDefault(e => e.Heading == labels.AboutAuthor || e.Heading == labels.AboutAuthors);
        for (var i = 0; about is not null && i < Math.Min(about.Paragraphs.Count, Math.Min(draft.Authors.Count, current.Authors.Count)); i++)
        {
            var lead = $"{draft.Authors[i].Name} · {draft.Authors[i].Line}";
            var text = about.Paragraphs[i];
            string? bio = text == lead ? "" : text.StartsWith(lead + ". ", StringComparison.Ordinal) ? text[(lead.Length + 2)..] : null;
            if (bio is null) notices.Add($"the end matter's paragraph on author {i + 1} does not begin \"{lead}\"; edit names, roles and affiliations on the cover. Bio left as it is");
            else edit(bio, current.Authors[i].Bio[lang], ["authors", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "bio", lang]);
        }
        if (draft.EndMatter.FirstOrDefault(e => e.Heading == labels.Disclaimer) is { } disclaimer)
            edit(string.Join("\n\n", disclaimer.Paragraphs), current.Disclaimer[lang], ["disclaimer", lang]);
    }

    /// <summary>Where a node's text ends: a sequence's end mark is its start, so it is found from its last item.</summary>
    private static int End(string yaml, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence) return (int)node.End.Index;
        var last = sequence.Children.Count > 0 ? (int)sequence.Children[^1].End.Index : (int)sequence.Start.Index;
        return sequence.Style == YamlDotNet.Core.Events.SequenceStyle.Flow ? yaml.IndexOf(']', last) + 1 : last;
    }

    private static YamlNode? Find(YamlNode node, string[] path)
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
        return node;
    }

    private static Regex AuthorLine(string pattern)
    {
        var regex = Regex.Escape(pattern).Replace(@"\{role}", "(?<role>.*?)", StringComparison.Ordinal)
            .Replace(@"\{affiliation}", "(?<affiliation>.*?)", StringComparison.Ordinal);
        return new Regex($"^{regex}$");
    }

    /// <summary>
    /// A double-quoted YAML scalar (JSON's escapes are YAML's), written by the JSON writer itself: the
    /// reflection-based serializer is refused by the native (AOT) build the Bench measures.
    /// </summary>
    private static string Quote(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer,
                   new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            writer.WriteStringValue(value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
