using System.Text.RegularExpressions;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// The seed brief's source text with its declared corrections applied (content/&lt;id&gt;/corrections.yaml),
/// split into sentences: what every English edition must contain.
/// </summary>
public static partial class SeedSource
{
    public sealed class CorrectionsFile
    {
        public string Source { get; set; } = "";
        public List<Correction> Corrections { get; set; } = [];
    }

    public sealed class Correction
    {
        public string Find { get; set; } = "";
        public string Replace { get; set; } = "";
        public string Reason { get; set; } = "";
    }

    public static CorrectionsFile Corrections(string briefId = Repository.SeedBrief) =>
        YamlFile.Load<CorrectionsFile>(Path.Combine(Repository.Content, briefId, "corrections.yaml"), "corrections.yaml");

    /// <summary>The source joined into one line, then corrected in the declared order.</summary>
    public static string CorrectedText(string briefId = Repository.SeedBrief)
    {
        var file = Corrections(briefId);
        var text = Normalize(File.ReadAllText(Path.Combine(Repository.Content, briefId, file.Source)));
        foreach (var correction in file.Corrections)
        {
            if (!text.Contains(correction.Find, StringComparison.Ordinal))
                throw new InvalidOperationException($"correction '{correction.Find}' does not occur in the source");
            text = text.Replace(correction.Find, correction.Replace, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>Sentences of the corrected source (split after . ? ! followed by a space and a capital or quote).</summary>
    public static IReadOnlyList<string> Sentences(string briefId = Repository.SeedBrief) =>
        SentenceEnd().Split(CorrectedText(briefId)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>Collapses every run of white space (including line ends) to one space.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.?!][’”']?)\s+(?=[A-Z0-9‘“'])")]
    private static partial Regex SentenceEnd();
}
