using Asan.Briefs.Model;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>The seed brief's content against its source: nothing lost, corrections declared, Korean aligned.</summary>
public class SeedContentTests
{
    private static string ModelText(Brief brief, string lang) => SeedSource.Normalize(string.Join(" ",
        brief.Sections.SelectMany(s =>
            (s.Heading is null ? [] : new[] { Inlines.PlainText(s.Heading[lang]) })
            .Concat(Blocks.Descendants(s.Blocks).SelectMany(b => Blocks.InlineSequences(b, lang)).Select(Inlines.PlainText)))));

    [Fact]
    public void Every_corrected_source_sentence_is_in_the_English_model()
    {
        var text = ModelText(Repository.Brief(Repository.SeedBrief), "en");
        var sentences = SeedSource.Sentences();
        Assert.True(sentences.Count > 60, $"only {sentences.Count} sentences split from the source");
        var missing = sentences.Where(s => !text.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "missing from body.en.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_English_model_adds_nothing_to_the_corrected_source()
    {
        var corrected = SeedSource.CorrectedText();
        var brief = Repository.Brief(Repository.SeedBrief);
        foreach (var block in brief.AllBlocks.OfType<ParagraphBlock>())
        {
            var paragraph = SeedSource.Normalize(Inlines.PlainText(block.Text["en"]));
            Assert.True(corrected.Contains(paragraph, StringComparison.Ordinal), $"paragraph {block.Id} is not in the corrected source: {paragraph[..60]}…");
        }
    }

    [Fact]
    public void Declared_corrections_fix_the_extraction_damage_named_in_the_design()
    {
        var finds = SeedSource.Corrections().Corrections.Select(c => c.Find).ToList();
        foreach (var damaged in new[] { "KoreaJapan", "Kim Dae JungObuchi", "highlevel", "antiKorean", "Daejung", "resolved not unresolved" })
            Assert.Contains(finds, f => f.Contains(damaged, StringComparison.Ordinal));
        var text = ModelText(Repository.Brief(Repository.SeedBrief), "en");
        foreach (var damaged in new[] { "KoreaJapan", "JungObuchi", "highlevel", "antiKorean", "Daejung", "resolved not unresolved" })
            Assert.DoesNotContain(damaged, text);
    }

    [Fact]
    public void The_Korean_edition_has_the_same_sections_paragraphs_and_Korean_text()
    {
        var brief = Repository.Brief(Repository.SeedBrief);
        Assert.Equal(["introduction", "diagnosis", "recommendations"], brief.Sections.Select(s => s.Id));
        foreach (var block in brief.AllBlocks.OfType<ParagraphBlock>())
        {
            var korean = Inlines.PlainText(block.Text["ko"]);
            var hangul = korean.Count(c => c is >= '\uAC00' and <= '\uD7A3');
            Assert.True(hangul > korean.Length / 3, $"{block.Id} is not Korean prose: {korean}");
        }
        Assert.Equal("한일관계 정상화를 위한 차기정부의 대일외교과제", brief.Metadata.Title["ko"]);
        Assert.Equal("최은미", brief.Metadata.Authors[0].Name["ko"]);
        Assert.Equal("", brief.Metadata.Number);
    }
}
