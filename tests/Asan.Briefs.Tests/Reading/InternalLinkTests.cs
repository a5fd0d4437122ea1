using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>An internal link (#id) must name a heading's anchor, which every output has; otherwise it is an error where the link stands.</summary>
public class InternalLinkTests
{
    [Fact]
    public void A_link_to_a_heading_id_is_kept()
    {
        using var scratch = new ScratchBrief();
        scratch.Write("body.en.md", ScratchBrief.English.Replace("The introduction.[^a]", "The introduction, see [below](#first).[^a]"));
        var brief = BriefReader.Read(scratch.Directory);
        var paragraph = Assert.IsType<ParagraphBlock>(brief.Sections[0].Blocks[0]);
        Assert.Contains(Inlines.Descendants(paragraph.Text["en"]), i => i is LinkInline { Url: "#first" });
    }

    [Theory]
    [InlineData("body.en.md", "The introduction, see [below](#missing).[^a]", "The introduction.[^a]", "missing", 1, 23)]
    [InlineData("body.ko.md", "서론이다. [아래](#firts)를 보라.[^a]", "서론이다.[^a]", "firts", 1, 7)]
    [InlineData("body.en.md", "- one, as in [the notes](#note-a)", "- one", "note-a", 7, 14)]
    public void A_link_to_an_anchor_that_does_not_exist_is_an_error_at_the_link(string file, string replacement, string original, string id, int line, int column)
    {
        using var scratch = new ScratchBrief();
        var text = file == "body.en.md" ? ScratchBrief.English : ScratchBrief.Korean;
        scratch.Write(file, text.Replace(original, replacement));
        var problems = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory)).Diagnostics;
        var problem = Assert.Single(problems);
        Assert.True(problem.File.EndsWith(file) && (problem.Line, problem.Column) == (line, column), problem.ToString());
        Assert.Contains($"'#{id}'", problem.Message);
        Assert.Contains("#first", problem.Message);
    }
}
