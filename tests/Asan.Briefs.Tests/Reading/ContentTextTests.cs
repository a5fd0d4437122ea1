using System.Text;
using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Reading;

/// <summary>
/// Content is strict UTF-8 text: a byte that is not UTF-8 and every control character are errors at
/// their file:line:column (never U+FFFD, never dropped); invisible characters that change the text are
/// warnings at theirs.
/// </summary>
public sealed class ContentTextTests
{
    /// <summary>The English body with <paramref name="bad"/> in the middle of "A paragraph", line 5 column 3.</summary>
    private static (ScratchBrief Scratch, int Line, int Column) WithBytes(byte[] bad, string file = "body.en.md")
    {
        var scratch = new ScratchBrief();
        var path = Path.Combine(scratch.Directory, file);
        var text = File.ReadAllText(path);
        var marker = file == "brief.yaml" ? "A Test Brief" : "A paragraph";
        var at = text.IndexOf(marker, StringComparison.Ordinal) + 2;
        var before = Encoding.UTF8.GetBytes(text[..at]);
        File.WriteAllBytes(path, [.. before, .. bad, .. Encoding.UTF8.GetBytes(text[at..])]);
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - text[..at].LastIndexOf('\n');
        return (scratch, line, column);
    }

    public static TheoryData<string, byte[], string> BadBytes() => new()
    {
        { "a lone continuation byte", [0x80], "byte 0x80 is not UTF-8" },
        { "Latin-1 é", [0xE9, 0x20], "byte 0xE9 is not UTF-8" },
        { "a cut-short sequence", [0xE2, 0x82], "byte 0xE2 is not UTF-8" },
        { "an overlong slash", [0xC0, 0xAF], "byte 0xC0 is not UTF-8" },
        { "a UTF-16 surrogate", [0xED, 0xA0, 0x80], "byte 0xED is not UTF-8" },
        { "NUL", [0x00], "control character U+0000" },
        { "escape", [0x1B], "control character U+001B" },
        { "form feed", [0x0C], "control character U+000C" },
        { "DEL", [0x7F], "control character U+007F" },
        { "a C1 control", [0xC2, 0x85], "control character U+0085" },
    };

    [Theory]
    [MemberData(nameof(BadBytes))]
    public void A_byte_that_is_not_text_is_an_error_at_its_line_and_column(string what, byte[] bytes, string message)
    {
        foreach (var file in new[] { "body.en.md", "brief.yaml" })
        {
            var (scratch, line, column) = WithBytes(bytes, file);
            using (scratch)
            {
                var error = Assert.Throws<BriefException>(() => BriefReader.Read(scratch.Directory));
                var problem = Assert.Single(error.Diagnostics, d => d.File.EndsWith(file, StringComparison.Ordinal));
                Assert.True(problem.Message.Contains(message, StringComparison.Ordinal), $"{what}: {problem}");
                Assert.Equal((line, column), (problem.Line, problem.Column));
            }
        }
    }

    [Theory]
    [InlineData("\u202E", "bidirectional control U+202E")]
    [InlineData("\u2067", "bidirectional control U+2067")]
    [InlineData("\u200B", "zero-width character U+200B")]
    [InlineData("\u2060", "zero-width character U+2060")]
    public void An_invisible_character_is_a_warning_at_its_line_and_column(string character, string message)
    {
        var (scratch, line, column) = WithBytes(Encoding.UTF8.GetBytes(character));
        using (scratch)
        {
            var brief = BriefReader.Read(scratch.Directory);
            var warning = Assert.Single(brief.Warnings);
            Assert.True(warning.Warning);
            Assert.Contains(message, warning.Message);
            Assert.Equal((line, column), (warning.Line, warning.Column));
            Assert.Matches(@"body\.en\.md:\d+:\d+: warning: ", warning.ToString());
        }
    }

    [Fact]
    public void The_repository_content_has_no_warnings()
    {
        foreach (var id in Repository.BriefIds) Assert.Empty(Repository.Brief(id).Warnings);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var problem = Assert.Single(Assert.Throws<BriefException>(() => ContentText.Decode("한국어 \u0001"u8, "x.md")).Diagnostics);
        Assert.Equal((1, 5), (problem.Line, problem.Column));
    }
}
