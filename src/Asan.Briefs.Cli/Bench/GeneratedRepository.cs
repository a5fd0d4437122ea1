using System.Globalization;
using System.Text;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// A repository in a temporary folder holding many briefs made from one (gen-001, gen-002, …) and a copy
/// of the templates, for the Bench to build as a real repository of that size would be built.
/// </summary>
public sealed class GeneratedRepository : IDisposable
{
    /// <summary>What the generated briefs are.</summary>
    public enum Kind
    {
        /// <summary>
        /// Each brief is the seed with one more paragraph per language, whose letters (accented Latin, Hangul
        /// syllables) differ per brief: as on a real site, each brief's font subsets, shapes and lines are its
        /// own, so the process-wide caches cannot do one brief's font work for all of them.
        /// </summary>
        Distinct,

        /// <summary>Byte-identical copies of the seed: the caches cut, shape and compress its fonts once for all.</summary>
        Copies,
    }

    private GeneratedRepository(string root) => Root = root;

    public string Root { get; }

    public static GeneratedRepository Create(string scratch, string seedBriefDirectory, string templatesDirectory, int count, Kind kind = Kind.Distinct)
    {
        var root = Path.Combine(scratch, $"repository-{count}-{kind.ToString().ToLowerInvariant()}");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        CopyFolder(templatesDirectory, Path.Combine(root, "templates"));
        for (var i = 1; i <= count; i++)
        {
            var brief = Path.Combine(root, "content", $"gen-{i:000}");
            CopyFolder(seedBriefDirectory, brief);
            if (kind != Kind.Distinct) continue;
            foreach (var body in Directory.EnumerateFiles(brief, "body.*.md"))
            {
                var lang = Path.GetFileName(body)["body.".Length..^".md".Length];
                File.AppendAllText(body, VariantParagraph(i, lang), new UTF8Encoding(false));
            }
        }
        return new GeneratedRepository(root);
    }

    // Letters the Latin faces draw and the seed's text hardly uses, so each brief's subset of them is its own.
    private const string AccentedLatin = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćčďđēęěğīıłńňőœřśşšťūůűźżž";

    /// <summary>
    /// The paragraph that makes brief <paramref name="number"/> differ from the others in <paramref name="lang"/>: a
    /// Korean edition gets ten words of Hangul syllables spread over the block, any other twelve words of accented
    /// Latin letters, chosen by the brief's number (the same text as /tmp/lead/gend.sh, which measured the figures).
    /// </summary>
    public static string VariantParagraph(int number, string lang)
    {
        var text = new StringBuilder("\n\n");
        if (lang == "ko")
        {
            // 2,350 syllables four apart: from 가 (U+AC00) to U+D0B4, all inside the Hangul Syllables block.
            var syllables = Enumerable.Range(0, 40).Select(k => (char)(0xAC00 + (number * 389 + k * 911) % 2350 * 4)).ToArray();
            text.Append(CultureInfo.InvariantCulture, $"변형 {number}: ");
            text.AppendJoin(' ', Enumerable.Range(0, 10).Select(w => new string(syllables, w * 4, 4)));
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Variant {number}: ");
            text.AppendJoin(' ', Enumerable.Range(0, 12).Select(k =>
                "w" + string.Concat(Enumerable.Range(0, 3).Select(j => AccentedLatin[(number * 7 + k * 13 + j * 5) % AccentedLatin.Length]))));
        }
        return text.Append(".\n").ToString();
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
