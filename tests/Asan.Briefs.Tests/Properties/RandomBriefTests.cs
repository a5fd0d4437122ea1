using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Asan.Briefs.Cli;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Properties;

/// <summary>
/// The property every input must have: a build either writes every output, holding the content's
/// words, or exits 1 with file:line messages and leaves artifacts/ byte-identical — never exit 3,
/// never a stack trace, never a partial output. Random briefs from a seeded generator: Markdown with
/// every construct, hard Unicode (no font, controls, invalid UTF-8, bidi), bad links, notes cited or
/// not, deep nesting, and broken YAML. `dotnet test` runs a few hundred HTML builds; the Cake target
/// Fuzz runs FUZZ_CASES (thousands) with every format.
/// </summary>
public sealed class RandomBriefTests
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) && n > 0 ? n : 100;
    private static string Formats => Environment.GetEnvironmentVariable("FUZZ_FORMATS") ?? "html";

    [Fact]
    public void Every_random_brief_builds_whole_or_fails_with_located_errors_and_changes_nothing()
    {
        using var scratch = new ScratchBrief();
        scratch.CopyTemplates();
        var good = scratch.Cli("build", "--format", Formats);
        Assert.True(good.Exit == CommandLine.Success, good.Output);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261201;
        var (passed, refused) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var random = new Random(seed + i);
            var brief = RandomBrief.Next(random);
            File.WriteAllBytes(Path.Combine(scratch.Directory, "brief.yaml"), brief.Yaml);
            File.WriteAllBytes(Path.Combine(scratch.Directory, "body.en.md"), brief.English);
            File.WriteAllBytes(Path.Combine(scratch.Directory, "body.ko.md"), brief.Korean);
            var before = scratch.ArtifactsSnapshot();
            var (exit, output) = scratch.Cli("build", "--format", Formats);
            var where = $"case {i} (FUZZ_SEED={seed}, case seed {seed + i}):\n{output}";
            Assert.DoesNotContain("   at ", output);
            Assert.True(exit is CommandLine.Success or CommandLine.InvalidInput, $"exit {exit} in {where}");
            if (exit == CommandLine.InvalidInput)
            {
                Assert.True(Regex.IsMatch(output, @"(brief\.yaml|body\.(en|ko)\.md|\.png):\d+:\d+: error: "), $"no file:line:column in {where}");
                Assert.Equal(before, scratch.ArtifactsSnapshot());
                refused++;
                continue;
            }
            passed++;
            foreach (var (lang, words) in new[] { ("en", brief.EnglishWords), ("ko", brief.KoreanWords) })
            {
                var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(scratch.Artifacts, "scratch-brief", $"scratch-brief.{lang}.html")));
                var text = page.Body!.TextContent;
                foreach (var word in words)
                    Assert.True(text.Contains(word, StringComparison.Ordinal), $"'{word}' missing from the {lang} page in {where}");
            }
        }
        // The generator must reach both outcomes, or the property says little.
        Assert.True(passed > Cases / 10 && refused > Cases / 10, $"{passed} built, {refused} refused of {Cases}");
    }
}

/// <summary>One random brief: its three files as bytes, and the plain words each language must show.</summary>
internal sealed record RandomBrief(byte[] Yaml, byte[] English, byte[] Korean, List<string> EnglishWords, List<string> KoreanWords)
{
    private static readonly string[] Hard =
    [
        "𝔸", "😀", "देव", "عربي", "ไทย", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u202E", "\u200B", "\u2066",
        "R&D", "R&amp;D", "<script>", "&lt;b&gt;", "[^nope]", "\\", "`", "|", "<", ">", "a\tb", "é", "「인용」", "—", "…",
    ];

    private static readonly string[] Links =
    [
        "https://www.asaninst.org/", "mailto:x@example.org", "javascript:alert(1)", "java&#9;script:x", "//evil.example", "#first", "#nowhere", "data:x",
    ];

    public static RandomBrief Next(Random random)
    {
        // Half the briefs are hostile (every hazard may appear), half are sound, so both outcomes are reached.
        var hostile = random.Next(2) == 0;
        var english = new StringBuilder();
        var korean = new StringBuilder();
        var enWords = new List<string>();
        var koWords = new List<string>();
        var notes = new List<string>();
        var counter = 0;
        string Word(List<string> seen, string stem)
        {
            var word = $"{stem}{counter++}z";
            seen.Add(word);
            return word;
        }
        // A run of inline text in each language, with the same notes cited in both.
        (string En, string Ko) Text(bool plainOnly = false)
        {
            var (en, ko) = (new StringBuilder(), new StringBuilder());
            for (int k = 0, n = random.Next(1, 8); k < n; k++)
            {
                var (e, h) = (Word(enWords, "word"), Word(koWords, "낱말"));
                switch (plainOnly ? 0 : random.Next(12))
                {
                    case 1: e = $"*{e}*"; h = $"*{h}*"; break;
                    case 2: e = $"**{e}**"; h = $"**{h}**"; break;
                    case 3:
                        var link = hostile ? Links[random.Next(Links.Length)] : Links[0];
                        e = $"[{e}]({link})"; h = $"[{h}]({link})"; break;
                    case 4:
                        var label = $"n{counter}";
                        notes.Add(label);
                        e += $"[^{label}]"; h += $"[^{label}]"; break;
                    case 5 when hostile:
                        // Hard text in one language only (plain words stay checkable in both).
                        var hard = Hard[random.Next(Hard.Length)];
                        if (random.Next(2) == 0) e += " " + hard; else h += " " + hard;
                        break;
                }
                en.Append(e).Append(' ');
                ko.Append(h).Append(' ');
            }
            return (en.ToString().TrimEnd(), ko.ToString().TrimEnd());
        }
        void Both(string en, string ko) { english.Append(en).Append("\n\n"); korean.Append(ko).Append("\n\n"); }

        for (int b = 0, blocks = random.Next(1, 10); b < blocks; b++)
        {
            switch (random.Next(8))
            {
                case 0:
                    var id = random.Next(6) == 0 ? "" : $" {{#s{b}}}";
                    var heading = Text(plainOnly: true);
                    var level = new string('#', random.Next(1, 5));
                    Both($"{level} {heading.En}{id}", $"{level} {heading.Ko}{id}");
                    break;
                case 1:
                    var depth = random.Next(1, hostile ? 9 : 7);
                    var (le, lk) = (new StringBuilder(), new StringBuilder());
                    for (var d = 0; d < depth; d++)
                    {
                        var item = Text();
                        le.Append(new string(' ', 2 * d)).Append("- ").Append(item.En).Append('\n');
                        lk.Append(new string(' ', 2 * d)).Append("- ").Append(item.Ko).Append('\n');
                    }
                    Both(le.ToString().TrimEnd(), lk.ToString().TrimEnd());
                    break;
                case 2:
                    var nest = new string('>', random.Next(1, hostile ? 9 : 7));
                    var quote = Text();
                    Both($"{nest} {quote.En}", $"{nest} {quote.Ko}");
                    break;
                case 3:
                    var (h1, c1) = (Text(plainOnly: true), Text(plainOnly: true));
                    Both($"| {h1.En} |\n|---|\n| {c1.En} |", $"| {h1.Ko} |\n|---|\n| {c1.Ko} |");
                    break;
                case 4 when hostile && random.Next(4) == 0:
                    // Drift: a paragraph in one language only.
                    english.Append(Text().En).Append("\n\n");
                    break;
                default:
                    var paragraph = Text();
                    Both(paragraph.En, paragraph.Ko);
                    break;
            }
        }
        foreach (var label in notes.Distinct())
        {
            if (hostile && random.Next(10) == 0) continue; // cited, never defined
            english.Append($"[^{label}]: Note {Word(enWords, "note")}.\n\n");
            korean.Append($"[^{label}]: 주석 {Word(koWords, "주석")}.\n\n");
        }
        if (hostile && random.Next(10) == 0) english.Append("[^unused]: Never cited.\n");

        var yaml = ScratchBrief.Yaml;
        switch (hostile ? random.Next(10) : -1)
        {
            case 0: yaml = yaml.Replace("date: 2022-04-29", "date: 2022-13-40"); break;
            case 1: yaml = yaml.Replace("series: issue-brief", "series: unknown-series"); break;
            case 2: yaml = yaml.Replace("languages: [en, ko]", "languages: [en, ko, xx]"); break;
            case 3: yaml = yaml.Replace("\"A Test Brief\"", "\"A Test " + Hard[random.Next(Hard.Length)] + " Brief\""); break;
            case 4: yaml = yaml.Replace("  - name:", "\t- name:"); break;
        }
        byte[] Bytes(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
            // Now and then a byte that is not UTF-8.
            if (hostile && random.Next(15) == 0 && bytes.Length > 0) bytes[random.Next(bytes.Length)] = 0xFF;
            return bytes;
        }
        // Words are checked only in a build that passed: a word the corruption above hit cannot pass.
        return new RandomBrief(Bytes(yaml), Bytes(english.ToString()), Bytes(korean.ToString()), enWords, koWords);
    }
}
