using Asan.Briefs.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Asan.Briefs.Reading;

/// <summary>Reads a YAML file into a typed object; every failure becomes a located diagnostic.</summary>
public static class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static T Load<T>(string path, string displayPath) => Parse<T>(ReadText(path, displayPath), displayPath);

    public static T Parse<T>(string yaml, string displayPath)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml) ?? throw new BriefException(displayPath, 1, 1, "the file is empty; write the YAML mapping it should hold");
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is { } ie and not YamlException ? $" ({ie.Message})" : "";
            throw new BriefException(displayPath, (int)e.Start.Line, (int)e.Start.Column, Explain(e) + inner);
        }
    }

    public static string ReadText(string path, string displayPath)
    {
        if (!File.Exists(path)) throw new BriefException(displayPath, 0, 0, "file not found; create it (see content/README.md)");
        return File.ReadAllText(path);
    }

    private static string Explain(YamlException e)
    {
        var message = e.Message;
        // YamlDotNet prefixes messages with its own position; the diagnostic already carries it.
        var paren = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && paren > 0) message = message[(paren + 3)..];
        if (message.Contains("not found on type", StringComparison.Ordinal) || message.Contains("Property '", StringComparison.Ordinal))
            return $"{message}: unknown key; check its spelling against content/README.md";
        return $"{message}; check the indentation, colons and quotes on this line";
    }
}
