using Asan.Briefs.Cli.Importing;
using Asan.Briefs.Tests.Support;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// A brief with <c>smart_punctuation: false</c> keeps straight quotes, -- and ... as typed; its Word draft imports
/// back to the same bytes, through the import command's own plan (so no escape is written that its author did not
/// need, as smart punctuation would need it), as written and after a LibreOffice re-save.
/// </summary>
public sealed class StraightPunctuationRoundTripTests
{
    private const string English = """
        It's a "plain" paragraph -- or so... with 'single' quotes, a range 1990--2000 and a dash---here.[^a]

        # The "first" section's title {#first}

        - an item's "quote"
        - and... more

        [^a]: A note's "text" -- straight.
        """;

    private const string Korean = """
        "한일관계"의 '정상화' -- 그리고... 과제이다.[^a]

        # "첫째" 절 {#first}

        - 하나의 "인용"
        - 둘...

        [^a]: 주석의 "본문" -- 그대로.
        """;

    [Theory]
    [InlineData("en", false)]
    [InlineData("ko", false)]
    [InlineData("en", true)]
    public void The_import_of_its_draft_gives_the_body_byte_for_byte(string lang, bool resave)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", "smart_punctuation: false\n" + ScratchBrief.Yaml);
        scratch.Write("body.en.md", English);
        scratch.Write("body.ko.md", Korean);
        var docx = ScratchDrafts.Docx(scratch, lang);
        if (resave) docx = ImportSupport.ResaveWithLibreOffice(docx, $"scratch-brief.{lang}.docx");
        var path = Path.Combine(scratch.Root, $"draft.{lang}.docx");
        File.WriteAllBytes(path, docx);
        var plan = DraftImport.Plan(scratch.Workspace, path, "scratch-brief", lang);
        Assert.Equal(File.ReadAllText(Path.Combine(scratch.Directory, $"body.{lang}.md")), plan.Markdown);
        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Drift);
    }
}
