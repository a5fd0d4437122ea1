using System.Globalization;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;

namespace Asan.Briefs.Reading;

/// <summary>brief.yaml as written; every localised field is a map of language → text.</summary>
public sealed class BriefFile
{
    public List<string> Languages { get; set; } = [];
    public bool Example { get; set; }
    public bool SmartPunctuation { get; set; } = true;
    public string Series { get; set; } = "issue-brief";
    public string? Number { get; set; }
    public string? Date { get; set; }
    public Dictionary<string, string>? Title { get; set; }
    public Dictionary<string, string>? ShortTitle { get; set; }
    public Dictionary<string, string>? Subtitle { get; set; }
    public Dictionary<string, string>? Summary { get; set; }
    public Dictionary<string, List<string>>? Keywords { get; set; }
    public List<AuthorFile> Authors { get; set; } = [];
    public Dictionary<string, string>? Disclaimer { get; set; }
}

public sealed class AuthorFile
{
    public Dictionary<string, string>? Name { get; set; }
    public Dictionary<string, string>? Role { get; set; }
    public Dictionary<string, string>? Affiliation { get; set; }
    public Dictionary<string, string>? Bio { get; set; }
}

/// <summary>Reads and checks brief.yaml: languages, dates and that every localised field has every language.</summary>
public static partial class MetadataReader
{
    public static BriefMetadata Read(string path, List<Diagnostic> problems, List<Diagnostic>? warnings = null, List<(string File, string Text)>? sources = null)
    {
        var display = DisplayPath.Of(path);
        var text = YamlFile.ReadText(path, display, warnings);
        sources?.Add((display, text));
        var file = YamlFile.Parse<BriefFile>(text, display);
        var positions = new YamlPositions(text);

        // Locates a key for messages by its path (["authors", "1", "name", "ko"]), or the deepest part of it there is.
        void ProblemAt(string[] path, string message)
        {
            var (line, column) = positions.Of(path);
            problems.Add(line > 0 ? new Diagnostic(display, line, column, message) : new Diagnostic(display, 1, 1, message));
        }
        void Problem(string key, string message) => ProblemAt([key], message);

        if (file.Languages.Count == 0) Problem("languages", "no languages listed; write e.g. `languages: [en, ko]`");
        var languages = file.Languages;
        foreach (var lang in languages.Where(l => !IsLanguageTag(l)))
            Problem("languages", $"'{lang}' is not a language tag; use a BCP 47 tag such as en or ko");
        foreach (var dup in languages.GroupBy(l => l).Where(g => g.Count() > 1))
            Problem("languages", $"language '{dup.Key}' is listed twice");

        var date = DateOnly.MinValue;
        if (string.IsNullOrWhiteSpace(file.Date))
            Problem("date", "date is missing; write the publication date as `date: 2022-04-29`");
        else if (!DateOnly.TryParseExact(file.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            Problem("date", $"date '{file.Date}' is not an ISO date; write it as YYYY-MM-DD");

        Localized<T> Field<T>(string key, Dictionary<string, T>? values, bool required, T empty, string[]? parent = null)
        {
            string[] path = [.. parent ?? [], key];
            var result = new Dictionary<string, T>();
            foreach (var lang in languages)
            {
                if (values is not null && values.TryGetValue(lang, out var value) && value is not null)
                    result[lang] = value;
                else
                {
                    if (required || values is not null)
                        ProblemAt(values is null ? parent ?? path : path, $"{key} has no '{lang}' text; add `{lang}: …` under {key}: (every listed language needs one)");
                    result[lang] = empty;
                }
            }
            if (values is not null)
                foreach (var extra in values.Keys.Except(languages))
                    ProblemAt([.. path, extra], $"{key} has text for '{extra}', which is not in languages:; add the language or remove the text");
            return new Localized<T>(result);
        }

        // Running text is made typographic as the body is (SmartPunctuation), unless the brief says smart_punctuation: false.
        string Smart(string text)
        {
            var before = ' ';
            return file.SmartPunctuation ? Reading.SmartPunctuation.Apply(text, ref before) : text;
        }
        Localized<string> Text(string key, Dictionary<string, string>? values, bool required, string[]? parent = null) =>
            Field(key, values, required, "", parent).Select(Smart);

        var title = Text("title", file.Title, required: true);
        foreach (var lang in languages)
            if (file.Title?.GetValueOrDefault(lang) is "") Problem("title", $"title is empty for '{lang}'; write the title");
        var shortTitle = file.ShortTitle is null ? title : Text("short_title", file.ShortTitle, false);
        var authors = file.Authors.Select((a, i) =>
        {
            string[] at = ["authors", i.ToString(CultureInfo.InvariantCulture)];
            return new Author(
                Text("name", a.Name, required: true, at),
                Text("role", a.Role, false, at),
                Text("affiliation", a.Affiliation, false, at),
                Text("bio", a.Bio, false, at));
        }).ToList();
        if (authors.Count == 0) Problem("authors", "no authors; list at least one under authors:");

        return new BriefMetadata(
            languages,
            file.Example,
            file.Series,
            file.Number ?? "",
            date,
            title,
            shortTitle,
            Text("subtitle", file.Subtitle, false),
            Text("summary", file.Summary, false),
            Field("keywords", file.Keywords?.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value), false, (IReadOnlyList<string>)[])
                .Select(words => (IReadOnlyList<string>)words.Select(Smart).ToList()),
            authors,
            Text("disclaimer", file.Disclaimer, false))
        { SmartPunctuation = file.SmartPunctuation };
    }

    /// <summary>
    /// A BCP 47 tag's shape: a language of 2 to 8 letters, then subtags of 1 to 8 letters or digits
    /// (ko, en-US, ko-Kore-KR). Checked by its shape: the CLI has no culture data to look tags up in
    /// (InvariantGlobalization), and ICU accepted any such name anyway.
    /// </summary>
    private static bool IsLanguageTag(string tag) => LanguageTag().IsMatch(tag);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\z")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();
}
