using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>
/// The one sequence text the three writers resolve scripts over: the web page from the model's inlines, the
/// PDF and the DOCX from the print markup's. The same paragraph gives the same text and the same faces both
/// ways, and each piece's offsets find its own text.
/// </summary>
public class SequenceTextTests
{
    // "‘디리스킹(de-risking)’은 (표 1)에서 *보듯이* GSOMIA[^1]와<br>[링크](https://example.org)."
    private static readonly Inline[] Model =
    [
        new TextInline("‘디리스킹(de-risking)’은 ("),
        new ReferenceInline("tbl:trade"),
        new TextInline(")에서 "),
        new EmphasisInline([new TextInline("보듯이")]),
        new TextInline(" GSOMIA"),
        new NoteReferenceInline("n1"),
        new TextInline("와"),
        new LineBreakInline(),
        new LinkInline("https://example.org", [new StrongInline([new TextInline("링크")]), new CodeInline("x<y")]),
        new TextInline("."),
    ];

    private static readonly PrintInline[] Print =
    [
        new PrintText("‘디리스킹(de-risking)’은 (", false, false, null),
        new PrintText("표 1", false, false, "#tbl-trade"),
        new PrintText(")에서 ", false, false, null),
        new PrintText("보듯이", false, true, null),
        new PrintText(" GSOMIA", false, false, null),
        new PrintNoteCall(new PrintNote("n1", "1", [])),
        new PrintText("와", false, false, null),
        new PrintLineBreak(),
        new PrintText("링크", true, false, "https://example.org"),
        new PrintText("x<y", false, false, "https://example.org", Code: true),
        new PrintText(".", false, false, null),
    ];

    private static SequenceText FromModel() => SequenceText.Of(Model, _ => "표 1", _ => "1");

    [Fact]
    public void Model_and_print_sequences_of_one_paragraph_give_one_text_and_one_set_of_faces()
    {
        var model = FromModel();
        var print = SequenceText.Of(Print);
        Assert.Equal("‘디리스킹(de-risking)’은 (표 1)에서 보듯이 GSOMIA1와\n링크x<y.", model.Text);
        Assert.Equal(model.Text, print.Text);
        Assert.Equal(model.Scripts(CharScript.Hangul), print.Scripts(CharScript.Hangul));
    }

    [Fact]
    public void Each_piece_is_one_leaf_and_its_offsets_find_its_text()
    {
        var model = FromModel();
        var leaves = new[] { "‘디리스킹(de-risking)’은 (", "표 1", ")에서 ", "보듯이", " GSOMIA", "1", "와", "\n", "링크", "x<y", "." };
        Assert.Equal(leaves.Length, model.Count);
        Assert.Equal(leaves, Enumerable.Range(0, model.Count).Select(p => model.Text[model.Start(p)..model.End(p)]));
        var print = SequenceText.Of(Print);
        Assert.Equal(Print.Length, print.Count);
        Assert.Equal(leaves, Enumerable.Range(0, print.Count).Select(p => print.Text[print.Start(p)..print.End(p)]));
    }

    [Fact]
    public void Faces_follow_the_writers_rule_over_the_whole_sequence()
    {
        var sequence = FromModel();
        var text = sequence.Text;
        var scripts = sequence.Scripts(CharScript.Hangul);
        CharScript At(string s, int from = 0) => scripts[text.IndexOf(s, from, StringComparison.Ordinal)];
        // The quotes enclose Hangul; the parentheses around de-risking enclose Latin only.
        Assert.Equal(CharScript.Hangul, At("‘"));
        Assert.Equal(CharScript.Hangul, At("’"));
        Assert.Equal(CharScript.Latin, At("("));
        Assert.Equal(CharScript.Latin, At(")"));
        // The parentheses around a cross-reference enclose the reference's words, which are Hangul.
        var around = text.IndexOf("(표", StringComparison.Ordinal);
        Assert.Equal(CharScript.Hangul, scripts[around]);
        Assert.Equal(CharScript.Hangul, At(")에서"));
        // ASCII symbols take the Latin face; the note mark takes the script of the text before it.
        Assert.Equal(CharScript.Latin, At("<"));
        Assert.Equal(CharScript.Latin, At("1와"));
    }
}
