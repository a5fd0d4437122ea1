using Asan.Briefs.Cli.Bench;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>
/// The Bench's generated repositories: distinct briefs read as valid briefs (every letter in a face of the
/// theme, the languages aligned) whose added paragraph draws letters the other briefs' do not; copies are the seed.
/// </summary>
public sealed class GeneratedRepositoryTests
{
    [Fact]
    public void Distinct_briefs_are_valid_and_each_draws_letters_of_its_own_in_every_language()
    {
        var scratch = Directory.CreateTempSubdirectory("asan-generated-").FullName;
        try
        {
            var seed = Path.Combine(Repository.Content, Repository.SeedBrief);
            using var distinct = GeneratedRepository.Create(scratch, seed, Repository.Templates, 3);
            var briefs = new Publisher(Workspace.At(distinct.Root), new BuildStamp(null)).ReadBriefs();
            Assert.Equal(["gen-001", "gen-002", "gen-003"], briefs.Select(b => b.Id));
            var seedBrief = Repository.Brief(Repository.SeedBrief);
            foreach (var lang in seedBrief.Languages)
            {
                var seedLetters = Letters(seedBrief, lang);
                // Each brief has one block more than the seed, and letters the seed has not ...
                var added = briefs.Select(b =>
                {
                    Assert.Equal(seedBrief.AllBlocks.Count() + 1, b.AllBlocks.Count());
                    return Letters(b, lang).Except(seedLetters).ToHashSet();
                }).ToList();
                Assert.All(added, letters => Assert.True(letters.Count >= 10, $"{lang}: only {letters.Count} new letters"));
                // ... and not the same ones as another brief.
                for (var i = 0; i < added.Count; i++)
                for (var j = i + 1; j < added.Count; j++)
                    Assert.False(added[i].SetEquals(added[j]), $"{lang}: briefs {i + 1} and {j + 1} add the same letters");
            }

            using var copies = GeneratedRepository.Create(scratch, seed, Repository.Templates, 2, GeneratedRepository.Kind.Copies);
            foreach (var file in Directory.EnumerateFiles(seed))
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(copies.Root, "content", "gen-002", Path.GetFileName(file))));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The letters of a language's paragraphs, as the model holds them.</summary>
    private static HashSet<char> Letters(Brief brief, string lang) => brief.AllBlocks.OfType<ParagraphBlock>()
        .SelectMany(p => Inlines.PlainText(p.Text[lang])).Where(char.IsLetter).ToHashSet();
}
