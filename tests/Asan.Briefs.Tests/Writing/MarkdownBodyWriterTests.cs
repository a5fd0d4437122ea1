using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Writing;
using Markdig;
using Xunit;

namespace Asan.Briefs.Tests.Writing;

public sealed class MarkdownBodyWriterTests
{
    public static IEnumerable<object[]> Bodies() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_content_file_is_canonical(string briefId, string lang)
    {
        var directory = Path.Combine(Repository.Content, briefId);
        var path = Path.Combine(directory, $"body.{lang}.md");
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(directory, lang, path, problems);
        Assert.Empty(problems);
        Assert.Equal(File.ReadAllText(path), MarkdownBodyWriter.Write(body, directory));
    }

    // Text that CommonMark would read as markup unless escaped, in every place text can stand.
    private const string Tricky = """
        1965\. The year *stars* and \_under\_scores\_, \[brackets\], a \`tick\`, \\ a backslash, &amp;amp; &#35; R&D, a \<b> tag, 5 < 6 > 4, \{#not-an-id\}.\
        \# not a heading, and a second line after a hard break.

        Code: `x*y [a](b)`, ``a`b``, `` `tick` ``, `<b>&amp;` and **`strong code`**.

        \- not a list, and [a link with (parens)](<https://example.org/a b(c)>), <https://example.org/?a=1&b=2>, [text](https://example.org/x).[^n-1]

        # Heading with *emphasis* and \{braces\} {#h-1}

        > Quoted **strong** text.
        >
        > - a list in a quote
        > - with two items

        1. first
           - nested under first

             with a second paragraph
        2. second

        - one
        - two

        * a second list right after the first

        4) starts at four
        5) \3. looks like a number

        | Cell \| with pipe | *b* |
        | :---: | --- |
        | x | \* |

        ^^^
        ![Alt with \* star](figure.png "Credit with \"quotes\" and \\"){#fig:tricky}
        ^^^ Caption [^n-1] with **bold**

        Table: A *caption* with \{braces\} {#tbl:tricky}

        | a | b |
        | --- | --- |
        | 1 | 2 |

        Table: {#tbl:bare}

        | c |
        | --- |

        Table\: not a caption, and \[@fig:x\] not a reference; see [@tbl:tricky] and [@fig:tricky].

        [^n-1]: A note with <https://example.org/>.

            And a second paragraph.
        """;

    [Fact]
    public void Text_that_looks_like_markup_survives_a_round_trip_in_its_canonical_form()
    {
        using var scratch = new ScratchBrief();
        File.Copy(Path.Combine(Repository.Content, Repository.FeatureTour, "figure-trade.png"), Path.Combine(scratch.Directory, "figure.png"));
        var path = scratch.Write("body.en.md", Tricky);
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(scratch.Directory, "en", path, problems);
        Assert.Empty(problems);

        var canonical = MarkdownBodyWriter.Write(body, scratch.Directory);
        var canonicalPath = scratch.Write("body.ko.md", canonical.TrimEnd('\n'));
        var again = MarkdownBodyReader.Read(scratch.Directory, "en", canonicalPath, problems);
        Assert.Empty(problems);
        Assert.Equal(canonical, MarkdownBodyWriter.Write(again, scratch.Directory));

        // Markdig's own HTML (not our model) sees the same document in both forms.
        var pipeline = new MarkdownPipelineBuilder().UseFootnotes().UsePipeTables().UseFigures().UseGenericAttributes().Build();
        Assert.Equal(Markdown.ToHtml(File.ReadAllText(path), pipeline), Markdown.ToHtml(canonical, pipeline));
    }
}
