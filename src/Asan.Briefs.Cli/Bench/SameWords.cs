using System.Text.RegularExpressions;
using Asan.Briefs.Cli.Pipeline;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// How much text two PDFs share, read back with poppler's pdftotext: the words both hold (counted
/// with repeats) over the words of the larger. Words split by a hyphen at a line's end are joined first,
/// since the two engines break lines in different places.
/// </summary>
public static partial class SameWords
{
    public static double Share(string pdfA, string pdfB)
    {
        var (a, b) = (Words(pdfA), Words(pdfB));
        var common = a.Keys.Sum(word => Math.Min(a[word], b.GetValueOrDefault(word)));
        return (double)common / Math.Max(a.Values.Sum(), b.Values.Sum());
    }

    private static Dictionary<string, int> Words(string pdf)
    {
        // To a file: what pdftotext prints on stderr about a PDF is not its text.
        var textFile = pdf + ".txt";
        BenchRuns.Run("pdftotext", $"\"{pdf}\" \"{textFile}\"");
        var text = File.ReadAllText(textFile);
        text = LineEndHyphen().Replace(text.Replace("\u00AD", ""), "");
        return WordPattern().Matches(text).Select(m => m.Value).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
    }

    [GeneratedRegex(@"-\s*\n\s*")]
    private static partial Regex LineEndHyphen();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
