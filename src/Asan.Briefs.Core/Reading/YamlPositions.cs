using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Asan.Briefs.Reading;

/// <summary>
/// Where keys sit in a YAML file, for problems found after it has been read (a length that is not a
/// length, a style that does not exist), so their messages can name the line too.
/// </summary>
public sealed class YamlPositions
{
    // Parsed on first use: a file without problems never needs it.
    private readonly Lazy<YamlMappingNode?> _root;

    public YamlPositions(string yaml) => _root = new Lazy<YamlMappingNode?>(() => Parse(yaml));

    private static YamlMappingNode? Parse(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>
    /// The 1-based line and column of the last key of <paramref name="path"/>, or of the deepest key of
    /// it that exists; (0, 0) when not even the first does. In a list, a key is the item's index
    /// ("0", "1"…), and the position is the item's.
    /// </summary>
    public (int Line, int Column) Of(params string[] path)
    {
        YamlNode? node = _root.Value;
        var found = (0, 0);
        foreach (var key in path)
        {
            if (node is YamlSequenceNode list && int.TryParse(key, out var index) && index >= 0 && index < list.Children.Count)
            {
                node = list.Children[index];
                found = ((int)node.Start.Line, (int)node.Start.Column);
                continue;
            }
            if (node is not YamlMappingNode map) break;
            var entry = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode scalar && scalar.Value == key);
            if (entry.Key is null) break;
            found = ((int)entry.Key.Start.Line, (int)entry.Key.Start.Column);
            node = entry.Value;
        }
        return found;
    }
}
