using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Docx.Import;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Writing;
using Xunit;

namespace Asan.Briefs.Tests.Import;

/// <summary>
/// Everything a body can hold, nested as Markdown nests it (lists in quotes, several blocks in a list
/// item, a quote in a list item, quotes back to back), survives export and import exactly, as written and after LibreOffice.
/// </summary>
public sealed class NestedContentRoundTripTests
{
    private const string English = """
        An opening paragraph.

        # Nesting {#nesting}

        > A quoted paragraph.
        >
        > - a list in a quote
        > - with two items
        >
        > The quote goes on after its list.

        A paragraph between two quotes: Word has no mark for where one quote ends and the next begins.

        > 1. A quote that opens with a list
        > 2. and has nothing else

        > A second quote right after the first, with no paragraph between.

        > And a third, in Word only a bookmark apart.

        1. An item with two paragraphs.

           Its second paragraph.
        2. An item with a quote inside:

           > Quoted inside the item.

           > A second quote in the item, right after the first.

           And a paragraph after that quote.
        3. An item with a table:

           | Year | Trade |
           | --- | ---: |
           | 2024 | 10 |
        4. An item with a figure:

           ^^^
           ![Trade between the two countries](figure-trade.png "Source: invented for the test")
           ^^^ Trade by year
        5. An item with a nested list:
           - nested one

             a paragraph in the nested item
           - nested two

        - A bullet after the numbers.

        A closing paragraph.
        """;

    private const string Korean = """
        여는 문단이다.

        # 중첩 {#nesting}

        > 인용된 문단이다.
        >
        > - 인용 안의 목록
        > - 항목 두 개
        >
        > 인용은 목록 뒤에 이어진다.

        두 인용 사이의 문단이다.

        > 1. 목록으로 시작하는 인용
        > 2. 다른 것은 없다

        > 첫 인용 바로 뒤의 둘째 인용이다.

        > 그리고 셋째 인용이다.

        1. 문단이 두 개인 항목이다.

           그 둘째 문단이다.
        2. 안에 인용이 있는 항목:

           > 항목 안에서 인용했다.

           > 항목 안의 둘째 인용이다.

           그 인용 뒤의 문단이다.
        3. 표가 있는 항목:

           | 연도 | 교역 |
           | --- | ---: |
           | 2024 | 10 |
        4. 그림이 있는 항목:

           ^^^
           ![두 나라 사이의 교역](figure-trade.png "출처: 시험용으로 지어낸 것")
           ^^^ 연도별 교역
        5. 중첩 목록이 있는 항목:
           - 중첩 하나

             중첩 항목 안의 문단
           - 중첩 둘

        - 번호 목록 뒤의 글머리표.

        닫는 문단이다.
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Nested_blocks_come_back_exactly(string lang) => AssertRoundTrip(lang, resave: false);

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Nested_blocks_come_back_exactly_after_LibreOffice(string lang) => AssertRoundTrip(lang, resave: true);

    private static void AssertRoundTrip(string lang, bool resave)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", English);
        scratch.Write("body.ko.md", Korean);
        File.Copy(MarkupSamples.Figure, Path.Combine(scratch.Directory, "figure-trade.png"));
        var docx = ScratchDrafts.Docx(scratch, lang);
        if (resave) docx = ImportSupport.ResaveWithLibreOffice(docx, $"scratch-brief.{lang}.docx");
        var draft = ScratchDrafts.Import(scratch, lang, docx);
        var markdown = MarkdownBodyWriter.Write(draft.Body, scratch.Directory);
        Assert.Equal(File.ReadAllText(Path.Combine(scratch.Directory, $"body.{lang}.md")), markdown);
        Assert.Empty(draft.Notices);
        Assert.Empty(draft.Changes);
    }
}

/// <summary>Drafts of a scratch brief, rendered through the real pipeline and imported as the command does.</summary>
public static class ScratchDrafts
{
    public static byte[] Docx(ScratchBrief scratch, string lang)
    {
        var publisher = new Publisher(scratch.Workspace, new BuildStamp(null));
        var brief = BriefReader.Read(scratch.Directory);
        return publisher.Render(brief, lang, OutputFormat.Docx).Single(f => f.RelativePath.EndsWith(".docx", StringComparison.Ordinal)).Bytes;
    }

    public static ImportedDraft Import(ScratchBrief scratch, string lang, byte[] docx)
    {
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(scratch.Directory, lang, Path.Combine(scratch.Directory, $"body.{lang}.md"), problems);
        Assert.Empty(problems);
        var path = Path.Combine(scratch.Root, $"draft-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, docx);
        return DocxDraftReader.Read(path, ImportTarget.Of(scratch.Directory, body, []));
    }
}
