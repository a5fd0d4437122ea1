using System.Diagnostics.CodeAnalysis;
using Asan.Briefs.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Asan.Briefs.Reading;

/// <summary>Reads a YAML file into a typed object; every failure becomes a located diagnostic.</summary>
public static partial class YamlFile
{
    // The typed files (theme.yaml, brief.yaml, site.yaml) through the generated context, without reflection.
    private static readonly YamlModels Context = new();
    private static readonly IDeserializer Models = new StaticDeserializerBuilder(Context)
        .WithNamingConvention(YamlKeys.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    // Other types (the labels' free-form maps) through reflection, built on first use (on another core in a build).
    // A native build keeps the assemblies' types whole (TrimmerRootAssembly in the CLI project), and the
    // bench checks that the native CLI writes the same bytes as the managed one.
    private static readonly Lazy<IDeserializer> FreeForm = new(CreateFreeFormDeserializer);

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The types read are kept whole in native builds; see above.")]
    private static IDeserializer CreateFreeFormDeserializer() => new DeserializerBuilder()
        .WithNamingConvention(YamlKeys.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static T Load<T>(string path, string displayPath) => Parse<T>(ReadText(path, displayPath), displayPath);

    /// <summary>A file of one of the <see cref="YamlModels"/>, or of another type through reflection.</summary>
    public static T Parse<T>(string yaml, string displayPath) =>
        Deserialize(Context.IsKnownType(typeof(T)) ? Models : FreeForm.Value, yaml, displayPath, d => d.Deserialize<T>(yaml));

    /// <summary>A file of keys and values of any shape (maps, lists, text), as the labels are.</summary>
    public static Dictionary<string, object> ParseMapping(string yaml, string displayPath) =>
        Deserialize(FreeForm.Value, yaml, displayPath, d => d.Deserialize<Dictionary<string, object>>(yaml));

    private static T Deserialize<T>(IDeserializer deserializer, string yaml, string displayPath, Func<IDeserializer, T?> read)
    {
        try
        {
            return read(deserializer) ?? throw new BriefException(displayPath, 1, 1, "the file is empty; write the YAML mapping it should hold");
        }
        catch (YamlException e)
        {
            // YamlDotNet places a tab that indents a line at 1:1; the tab itself is the place to fix.
            if (IndentingTab(yaml) is var (line, column))
                throw new BriefException(displayPath, line, column, "a tab indents this line; YAML indents with spaces only, so replace the tab with spaces");
            throw new BriefException(displayPath, (int)e.Start.Line, (int)e.Start.Column, ExplainValue(e.InnerException) ?? Explain(e) + Cause(e.InnerException));
        }
    }

    /// <summary>The file's text, strict UTF-8 without control characters (<see cref="ContentText"/>).</summary>
    public static string ReadText(string path, string displayPath, List<Diagnostic>? warnings = null)
    {
        if (!File.Exists(path)) throw new BriefException(displayPath, 0, 0, "file not found; create it (see content/README.md)");
        return ContentText.Decode(File.ReadAllBytes(path), displayPath, warnings);
    }

    /// <summary>Line and column of the first tab in a line's indentation, if any.</summary>
    private static (int Line, int Column)? IndentingTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0 && indent < lines[i].TrimEnd('\r').Length) return (i + 1, tab + 1);
        }
        return null;
    }

    private static string Cause(Exception? inner) => inner is null or YamlException ? "" : $" ({inner.Message})";

    /// <summary>A value of the wrong kind for its key, in plain words; null when the failure is something else.</summary>
    private static string? ExplainValue(Exception? inner) => inner switch
    {
        FormatException when NotInFormat().Match(inner.Message) is { Success: true } bad =>
            $"'{bad.Groups[1].Value}' is not a number; write a number here (e.g. 1.5)",
        _ when inner?.Message.Contains("Failed to create an instance of type 'System.", StringComparison.Ordinal) == true =>
            $"expected {KindOfType("System.String")}; check the brackets, indentation and quotes on this line",
        _ => null,
    };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The type named is one of this assembly's, kept whole in native builds.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The type named is one of this assembly's, kept whole in native builds.")]
    private static string Explain(YamlException e)
    {
        var message = e.Message;
        // YamlDotNet puts its own position around the message; the diagnostic already carries it.
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && paren > 0) message = message[(paren + 3)..];
        message = Position().Replace(message, "").TrimEnd('.', ' ');
        var unknown = UnknownKey().Match(message);
        if (unknown.Success)
        {
            var type = typeof(YamlFile).Assembly.GetType(unknown.Groups[2].Value);
            var known = type?.GetProperties().Select(p => YamlKeys.Instance.Apply(p.Name)) ?? [];
            return $"unknown key '{unknown.Groups[1].Value}'; the keys here are: {string.Join(", ", known)}";
        }
        var target = NoDeserializer().Match(message);
        if (target.Success)
            return $"expected {KindOfType(target.Groups[1].Value)}; check the brackets, indentation and quotes on this line";
        var shape = Expected().Match(message);
        if (shape.Success)
            return $"expected {Kind(shape.Groups[1].Value)} here but found {Kind(shape.Groups[2].Value)}; check the indentation, brackets and quotes on this line";
        return $"{message}; check the indentation, colons and quotes on this line";
    }

    private static string Kind(string yamlEvent) => yamlEvent switch
    {
        "MappingStart" => "a mapping (`key: value` lines, or `{ en: …, ko: … }`)",
        "SequenceStart" => "a list (`[a, b]` or `- item` lines)",
        "Scalar" => "a single value",
        _ => yamlEvent,
    };

    /// <summary>What a .NET type named in a YamlDotNet message is, in the words of <see cref="Kind"/>.</summary>
    private static string KindOfType(string typeName) => typeName switch
    {
        _ when typeName.Contains("List", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) => Kind("SequenceStart") + " here",
        _ when typeName.StartsWith("System.", StringComparison.Ordinal) && !typeName.Contains("Dictionary", StringComparison.Ordinal) =>
            Kind("Scalar") + " here (text, a number or a date) but found a list or mapping",
        _ => Kind("MappingStart") + " here",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"The input string '(.*)' was not in a correct format")]
    private static partial System.Text.RegularExpressions.Regex NotInFormat();

    [System.Text.RegularExpressions.GeneratedRegex(@"No node deserializer was able to deserialize the node into type ([^,]+),")]
    private static partial System.Text.RegularExpressions.Regex NoDeserializer();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(at Line: \d+, Col: \d+, Idx: \d+\)")]
    private static partial System.Text.RegularExpressions.Regex Position();

    [System.Text.RegularExpressions.GeneratedRegex(@"Property '(\w+)' not found on type '([\w.+]+)'")]
    private static partial System.Text.RegularExpressions.Regex UnknownKey();

    [System.Text.RegularExpressions.GeneratedRegex(@"Expected '(\w+)', got '(\w+)'")]
    private static partial System.Text.RegularExpressions.Regex Expected();
}
