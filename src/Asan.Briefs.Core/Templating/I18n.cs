using System.Globalization;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Typography;
using Scriban.Runtime;

namespace Asan.Briefs.Templating;

/// <summary>Labels and formats of one language from templates/i18n/&lt;lang&gt;.yaml, as templates see them.</summary>
public sealed class I18n
{
    private static readonly string[] RequiredKeys = ["language_name", "date_format", "script", "series", "labels", "institute"];

    private readonly Lazy<Hyphenator?> _hyphenator;

    private I18n(string lang, ScriptObject values, string path, string templatesDirectory, DateTimeFormatInfo dateNames)
    {
        Lang = lang;
        Values = values;
        Path = path;
        DateNames = dateNames;
        _hyphenator = new Lazy<Hyphenator?>(() => LoadHyphenator(templatesDirectory));
    }

    public string Lang { get; }
    public ScriptObject Values { get; }
    public string Path { get; }

    public string DateFormat => Values["date_format"]?.ToString() ?? "yyyy-MM-dd";

    /// <summary>
    /// The names <see cref="DateFormat"/> writes (MMMM, MMM, dddd, ddd): the language's month_names,
    /// month_abbreviations, day_names and day_abbreviations where it gives them, else the English ones: the pipeline runs without ICU's
    /// culture data (InvariantGlobalization, see Directory.Build.props), so the names are the labels'.
    /// </summary>
    public DateTimeFormatInfo DateNames { get; }
    public string LanguageName => Values["language_name"]?.ToString() ?? Lang;

    /// <summary>The language's hyphenation (i18n `hyphenation:`), or null where it has none (Korean breaks between 어절).</summary>
    public Hyphenator? Hyphenator => _hyphenator.Value;

    /// <summary>"Figure 3", "표 1": a figure's or table's number in words, from labels.figure_number or labels.table_number ("Figure {0}").</summary>
    public string NumberWord(string kind, int number)
    {
        var key = kind + "_number";
        var format = Values["labels"] is ScriptObject labels && labels.TryGetValue(key, out var value) ? value?.ToString() : null;
        if (format is null || !format.Contains("{0}", StringComparison.Ordinal))
            throw new BriefException(Path, 0, 0, $"labels: {key} is missing or has no {{0}}; add e.g. `{key}: \"{char.ToUpperInvariant(kind[0]) + kind[1..]} {{0}}\"`");
        return format.Replace("{0}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>A cross-reference's words: its target's number word in this language ("Table 1").</summary>
    public string ReferenceText(Numbering numbering, ReferenceInline reference) =>
        NumberWord(Numbering.KindOf(reference.Target)!, numbering.NumberOf(numbering.Target(reference.Target)));

    public string SeriesLabel(string key, string briefFile) =>
        Values["series"] is ScriptObject series && series.TryGetValue(key, out var label)
            ? label?.ToString() ?? key
            : throw new BriefException(briefFile, 0, 0, $"series '{key}' has no label in {Path}; add it under series: or fix the key");

    public static I18n Load(string templatesDirectory, string lang)
    {
        var path = System.IO.Path.Combine(templatesDirectory, "i18n", $"{lang}.yaml");
        var display = DisplayPath.Of(path);
        if (!File.Exists(path)) throw new BriefException(display, 0, 0, $"no labels for language '{lang}'; copy templates/i18n/en.yaml to {lang}.yaml and translate it");
        var text = YamlFile.ReadText(path, display);
        var raw = YamlFile.ParseMapping(text, display);
        var values = (ScriptObject)ToScript(raw)!;
        foreach (var key in RequiredKeys.Where(k => !values.ContainsKey(k)))
            throw new BriefException(display, 1, 1, $"key '{key}' is missing; every language file needs {string.Join(", ", RequiredKeys)}");
        return new I18n(lang, values, display, templatesDirectory, ReadDateNames(values, display, new YamlPositions(text)));
    }

    /// <summary>English names (the invariant culture's), replaced by those the file gives.</summary>
    private static DateTimeFormatInfo ReadDateNames(ScriptObject values, string display, YamlPositions positions)
    {
        var names = (DateTimeFormatInfo)CultureInfo.InvariantCulture.DateTimeFormat.Clone();
        string[]? List(string key, int count, string example)
        {
            if (!values.TryGetValue(key, out var value) || value is null) return null;
            if (value is ScriptArray list && list.Count == count && list.All(v => v is string { Length: > 0 }))
                return list.Select(v => (string)v!).ToArray();
            var (line, column) = positions.Of(key);
            throw new BriefException(display, Math.Max(line, 1), Math.Max(column, 1), $"{key}: write a list of {count} names, e.g. {example}");
        }
        // .NET's month lists have a 13th entry (for 13-month calendars), empty here. With a day beside it
        // (d MMMM) .NET writes a month's genitive name; these files give one form, used for both.
        if (List("month_names", 12, "[1월, 2월, …, 12월]") is { } months) names.MonthNames = names.MonthGenitiveNames = [.. months, ""];
        if (List("month_abbreviations", 12, "[1월, 2월, …, 12월]") is { } shortMonths) names.AbbreviatedMonthNames = names.AbbreviatedMonthGenitiveNames = [.. shortMonths, ""];
        if (List("day_names", 7, "[일요일, 월요일, …, 토요일], from Sunday") is { } days) names.DayNames = days;
        if (List("day_abbreviations", 7, "[일, 월, …, 토], from Sunday") is { } shortDays) names.AbbreviatedDayNames = names.ShortestDayNames = shortDays;
        return DateTimeFormatInfo.ReadOnly(names);
    }

    private Hyphenator? LoadHyphenator(string templatesDirectory)
    {
        if (Values["hyphenation"] is not ScriptObject settings) return null;
        var name = settings["patterns"]?.ToString();
        var file = name is null ? null : System.IO.Path.Combine(templatesDirectory, "hyphenation", name);
        if (file is null || name!.Contains('/') || name.Contains('\\') || !File.Exists(file))
            throw new BriefException(Path, 0, 0, $"hyphenation: patterns '{name}' is not a file in templates/hyphenation/; name one of its .dic files");
        int? Count(string key) => settings[key] is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        var exceptions = settings["exceptions"] is ScriptArray list ? list.Select(e => e?.ToString() ?? "") : [];
        using var reader = File.OpenText(file);
        return Hyphenator.Parse(reader, exceptions, Count("left_min"), Count("right_min"));
    }

    private static object? ToScript(object? value) => value switch
    {
        IDictionary<string, object> map => Fill(map.Select(kv => (kv.Key, kv.Value))),
        IDictionary<object, object> map => Fill(map.Select(kv => (kv.Key.ToString()!, kv.Value))),
        IList<object> list => new ScriptArray(list.Select(ToScript)),
        _ => value,
    };

    private static ScriptObject Fill(IEnumerable<(string Key, object Value)> entries)
    {
        var script = new ScriptObject();
        foreach (var (key, value) in entries) script[key] = ToScript(value);
        return script;
    }
}
