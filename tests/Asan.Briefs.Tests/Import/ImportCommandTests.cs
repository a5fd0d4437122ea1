using Asan.Briefs.Cli;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>The import command on a copy of the feature tour: what it writes, refuses and reports.</summary>
public sealed class ImportCommandTests : FeatureTourCopy
{
    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void An_unedited_draft_imports_with_no_changes_and_leaves_the_files_as_they_were(string lang)
    {
        var (body, yaml) = (Body(lang), Yaml);
        Assert.Equal(CommandLine.Success, Import(Draft(lang)));
        Assert.Contains("no changes", Out.Output);
        Assert.Equal(body, Body(lang));
        Assert.Equal(yaml, Yaml);
        Assert.Empty(Err.Output);
    }

    [Fact]
    public void Bios_disclaimer_short_title_summary_and_keywords_edited_in_Word_reach_brief_yaml_and_nothing_else()
    {
        var path = Draft("ko", main =>
        {
            void Replace(IEnumerable<Text> texts, string from, string to)
            {
                var text = texts.First(t => t.Text.Contains(from, StringComparison.Ordinal));
                text.Text = text.Text.Replace(from, to, StringComparison.Ordinal);
            }
            var body = main.Document!.Body!;
            Replace(body.Descendants<Text>(), "가상 저자다. 두 번째", "가상의 저자다. 두 번째");
            Replace(body.Descendants<Text>(), "연구 결과가 아닙니다", "연구의 결과가 아닙니다");
            Replace(main.HeaderParts.SelectMany(h => h.Header!.Descendants<Text>()), "형식 둘러보기", "형식 살펴보기");
        });
        using (var document = WordprocessingDocument.Open(path, true))
        {
            document.PackageProperties.Subject = "고친 요약이다.";
            document.PackageProperties.Keywords = "예시, 조판";
        }
        var before = Yaml;
        Assert.Equal(CommandLine.Success, Import(path));
        var expected = before
            .Replace("가상 저자다. 두 번째", "가상의 저자다. 두 번째", StringComparison.Ordinal)
            .Replace("연구 결과가 아닙니다", "연구의 결과가 아닙니다", StringComparison.Ordinal)
            .Replace("ko: \"형식 둘러보기\"", "ko: \"형식 살펴보기\"", StringComparison.Ordinal)
            .Replace(Line(before, "  ko: \"이슈브리프 콘텐츠 형식의 모든 기능을"), "  ko: \"고친 요약이다.\"", StringComparison.Ordinal)
            .Replace("ko: [예시, 이슈브리프, 콘텐츠 형식, 조판, 한국어 텍스트 배치]", "ko: [\"예시\", \"조판\"]", StringComparison.Ordinal);
        Assert.Equal(expected, Yaml);
        Assert.Contains("~ brief.yaml authors.1.bio.ko:", Out.Output);
        Assert.Contains("~ brief.yaml disclaimer.ko:", Out.Output);
        Assert.Contains("~ brief.yaml keywords.ko: 예시, 조판", Out.Output);
        // The re-read brief has the new values, and the other language's are untouched.
        var brief = Asan.Briefs.Reading.BriefReader.Read(Path.Combine(Root, "content", Brief));
        Assert.Equal("형식 살펴보기", brief.Metadata.ShortTitle["ko"]);
        Assert.Equal(Repository.Brief(Brief).Metadata.Authors[1].Bio["en"], brief.Metadata.Authors[1].Bio["en"]);
    }

    private static string Line(string text, string start) => text.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Tracked_changes_are_listed_and_refused_unless_accepted()
    {
        void Edit(MainDocumentPart main)
        {
            var paragraph = ParagraphWith(main, "Policy briefs often set out");
            paragraph.Append(new InsertedRun(new Run(new Text(" An inserted sentence.") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))
            { Author = "Kim Editor", Date = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), Id = "901" });
        }
        var before = Body("en");
        Assert.Equal(CommandLine.InvalidInput, Import(Draft("en", Edit)));
        Assert.Contains("Kim Editor", Err.Output);
        Assert.Contains("2026-11-30", Err.Output);
        Assert.Contains("An inserted sentence.", Err.Output);
        Assert.True(Err.Output.Contains("section 'lists-quotes'", StringComparison.Ordinal), Err.Output);
        Assert.Equal(before, Body("en"));

        Assert.Equal(CommandLine.Success, Import(Draft("en", Edit), accept: true));
        Assert.Contains("~ #lists-quotes block 1", Out.Output);
        Assert.Equal(before.Replace("as in this illustrative agenda for Korea–Japan relations:", "as in this illustrative agenda for Korea–Japan relations: An inserted sentence.", StringComparison.Ordinal), Body("en"));
    }

    [Fact]
    public void A_translator_who_dropped_a_paragraph_is_told_where_against_the_other_language()
    {
        var path = Draft("ko", main => main.Document!.Body!.Descendants<Paragraph>()
            .First(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "BodyText" && p.InnerText.Length > 0).Remove());
        Assert.Equal(CommandLine.Success, Import(path));
        Assert.Contains("- #introduction block 1", Out.Output);
        var warnings = Err.Output.ReplaceLineEndings(" ");
        Assert.True(warnings.Contains("body.ko.md:", StringComparison.Ordinal), warnings);
        Assert.Contains("body.en.md", warnings);
        Assert.Contains("warning:", warnings);
        Assert.DoesNotContain("이 이슈브리프는 예시다", Body("ko").Split('\n')[0]);
    }

    [Fact]
    public void A_draft_whose_result_would_not_pass_check_writes_nothing()
    {
        var before = Body("en");
        var path = Draft("en", main => ParagraphWith(main, "1.1.1 Footnotes That Run Long").ParagraphProperties!.ParagraphStyleId!.Val = "Heading4");
        var error = Assert.Throws<BriefException>(() => Import(path));
        Assert.Contains(error.Diagnostics, d => d.File.EndsWith("body.en.md", StringComparison.Ordinal) && d.Message.Contains("too deep", StringComparison.Ordinal));
        Assert.Equal(before, Body("en"));
    }

    [Fact]
    public void A_file_that_is_not_a_draft_exits_1_with_a_message()
    {
        var path = Path.Combine(Root, $"{Brief}.en.docx");
        File.WriteAllText(path, "not a document");
        Assert.Equal(CommandLine.InvalidInput, Import(path));
        Assert.Contains("not a Word document", Err.Output);
    }
}
