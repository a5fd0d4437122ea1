using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Asan.Briefs.Model;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Typography;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>Liang hyphenation with TeX's patterns, checked against known words and against libhyphen (LibreOffice's hyphenator).</summary>
public partial class HyphenatorTests
{
    private static Hyphenator English => Repository.Publisher.Templates.I18n("en").Hyphenator!;

    [Theory]
    [InlineData("hyphenation", "hy-phen-ation")]       // The TeXbook, appendix H
    [InlineData("relationship", "re-la-tion-ship")]
    [InlineData("international", "in-ter-na-tional")]
    [InlineData("administration", "ad-min-is-tra-tion")]
    [InlineData("deteriorating", "de-te-ri-o-rat-ing")]
    [InlineData("reconciliation", "rec-on-cil-i-a-tion")]
    [InlineData("Government", "Gov-ern-ment")]
    [InlineData("table", "ta-ble")]                    // TeX's exceptions
    [InlineData("project", "project")]
    [InlineData("associates", "as-so-ciates")]
    [InlineData("reciprocity", "reci-procity")]        // the patterns alone give rec-i-proc-ity
    public void Known_words_break_where_tex_breaks_them(string word, string expected) =>
        Assert.Equal(expected, English.Show(word));

    [Theory]
    [InlineData("GSOMIA")]          // acronyms
    [InlineData("Korea-Japan")]     // already breaks at its hyphen
    [InlineData("2022")]
    [InlineData("www.asaninst.org")]
    [InlineData("into")]            // too short for 2 + 3
    public void Words_that_are_not_plain_words_stay_whole(string word) => Assert.Empty(English.Points(word));

    [Fact]
    public void No_break_leaves_fewer_than_two_letters_before_or_three_after()
    {
        foreach (var word in BriefWords())
            foreach (var point in English.Points(word))
                Assert.True(point >= 2 && word.Length - point >= 3, $"{English.Show(word)}");
    }

    [Fact]
    public void Every_word_of_the_english_briefs_hyphenates_as_libhyphen_does()
    {
        if (!NativeLibrary.TryLoad("libhyphen.so.0", out _))
            Assert.Fail("libhyphen is not installed; run `apt-get install libhyphen0` (.ci/run does)");
        var file = Path.Combine(Repository.Templates, "hyphenation", "hyph_en_US.dic");
        var dictionary = LibHyphen.Load(file);
        // libhyphen knows the patterns only, not TeX's \hyphenation exceptions (i18n), which override them
        // on purpose (reci-procity): the patterns are compared here, the exceptions by Known_words_break_where_tex_breaks_them.
        using var patternFile = File.OpenText(file);
        var patterns = Hyphenator.Parse(patternFile, [], English.LeftMin, English.RightMin);
        var words = BriefWords().Where(w => patterns.Points(w).Count > 0 || w.All(char.IsAsciiLetterLower)).Distinct().ToList();
        Assert.True(words.Count > 300, $"only {words.Count} words");
        var differences = words.Where(w => LibHyphen.Show(dictionary, w) != patterns.Show(w))
            .Select(w => $"{patterns.Show(w)} (libhyphen: {LibHyphen.Show(dictionary, w)})").ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    private static IEnumerable<string> BriefWords() =>
        Repository.BriefIds.Select(Repository.Brief).SelectMany(b => b.AllBlocks)
            .SelectMany(block => Blocks.InlineSequences(block, "en"))
            .SelectMany(inlines => Word().Matches(Inlines.PlainText(inlines)).Select(m => m.Value));

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Word();

    /// <summary>libhyphen (Debian libhyphen0), called directly: the hyphenator LibreOffice uses.</summary>
    private static partial class LibHyphen
    {
        [LibraryImport("libhyphen.so.0", StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint hnj_hyphen_load(string path);

        [LibraryImport("libhyphen.so.0")]
        private static partial int hnj_hyphen_hyphenate2(nint dict, byte[] word, int size, byte[] hyphens, nint hyphenated, ref nint rep, ref nint pos, ref nint cut);

        public static nint Load(string path) => hnj_hyphen_load(path);

        public static string Show(nint dictionary, string word)
        {
            var bytes = Encoding.ASCII.GetBytes(word.ToLowerInvariant());
            var hyphens = new byte[bytes.Length + 5];
            nint rep = 0, pos = 0, cut = 0;
            hnj_hyphen_hyphenate2(dictionary, bytes, bytes.Length, hyphens, 0, ref rep, ref pos, ref cut);
            var text = new StringBuilder();
            for (var i = 0; i < word.Length; i++)
            {
                text.Append(word[i]);
                if (i < word.Length - 1 && (hyphens[i] & 1) == 1) text.Append('-');
            }
            return text.ToString();
        }
    }
}
