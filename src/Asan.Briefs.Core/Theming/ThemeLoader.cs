using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Theming;

public static class ThemeLoader
{
    /// <summary>Loads <c>theme.yaml</c> from a templates folder; fonts are looked up in its <c>fonts/</c>.</summary>
    public static Theme Load(string templatesDirectory)
    {
        var path = Path.Combine(templatesDirectory, "theme.yaml");
        var text = YamlFile.ReadText(path, DisplayPath.Of(path));
        var file = YamlFile.Parse<ThemeFile>(text, DisplayPath.Of(path));
        return new Theme(file, DisplayPath.Of(path), Path.Combine(templatesDirectory, "fonts"), new YamlPositions(text));
    }
}
