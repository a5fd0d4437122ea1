using Asan.Briefs.Fonts;
using Asan.Briefs.Pdf.Text;
using Asan.Briefs.PrintMarkup;
using HarfBuzzSharp;
using Xunit.Abstractions;

namespace Asan.Briefs.Tests.Pdf.Text;

public sealed class ShapingAndFontTests(ITestOutputHelper output)
{
    private static FontData Serif => FontLibrary.Shared.Get(TextFixture.FontPath("NotoSerif-Regular.ttf"));
    private static FontData Myeongjo => FontLibrary.Shared.Get(TextFixture.FontPath("NanumMyeongjo.ttf"));

    [Fact]
    public void Kerning_tightens_AV()
    {
        var shaper = TextShaper.Shared;
        var av = shaper.Shape(Serif, "AV", false).Advance;
        var a = shaper.Shape(Serif, "A", false).Advance;
        var v = shaper.Shape(Serif, "V", false).Advance;
        output.WriteLine($"AV {av}, A+V {a + v} (font units)");
        Assert.True(av < a + v);
    }

    [Fact]
    public void Standard_ligature_fi_is_one_glyph_in_Noto_Serif()
    {
        var shaped = TextShaper.Shared.Shape(Serif, "fi", false);
        Assert.Equal(1, shaped.Glyphs.Length);
        Assert.Equal(0u, shaped.Clusters[0]);
        // Tracked text turns ligatures off.
        Assert.Equal(2, TextShaper.Shared.Shape(Serif, "fi", false, ShapingFeatures.NoLigatures).Glyphs.Length);
    }

    [Fact]
    public void Shaping_is_cached()
    {
        var first = TextShaper.Shared.Shape(Serif, "diplomatic".AsSpan(), false);
        var again = TextShaper.Shared.Shape(Serif, "the diplomatic tasks".AsSpan(4, 10), false);
        Assert.Same(first, again);
    }

    [Fact]
    public void The_shaping_cache_is_bounded_and_a_text_shaped_again_after_a_reset_is_the_same()
    {
        // Many different briefs bring many different words: the cache must not keep them all.
        var shaper = new TextShaper(capacity: 100);
        var first = shaper.Shape(Serif, "word0", false);
        for (var i = 1; i < 1_000; i++)
        {
            shaper.Shape(Serif, $"word{i}", false);
            Assert.True(shaper.CachedCount <= 100, $"{shaper.CachedCount} entries after {i + 1} texts");
        }
        var again = shaper.Shape(Serif, "word0", false);
        Assert.NotSame(first, again);
        Assert.Equal(first.Glyphs, again.Glyphs);
        Assert.Equal(first.Advances, again.Advances);
        Assert.Equal(first.Clusters, again.Clusters);
    }

    [Fact]
    public void Latin_and_Hangul_go_to_their_faces_and_neutrals_join_the_run_around_them()
    {
        var style = TextFixture.Theme.Style("body", "ko");
        var lines = TextFixture.Layouter.Layout(TextFixture.Plain("한국과 일본은 GSOMIA를 2019년, 다시 논의했다."), style, "ko", 400);
        var line = Assert.Single(lines);
        Assert.Equal(["한국과 일본은 ", "GSOMIA", "를 2019년, 다시 논의했다."], line.Runs.Select(r => r.Text).ToArray());
        Assert.Equal("NanumMyeongjo", line.Runs[0].Face.Family);
        // Latin in Korean text takes the lighter face the theme gives Korean (languages.ko.fonts).
        Assert.Equal(TextFixture.Theme.Face("serif", Asan.Briefs.Theming.Script.Latin, false, false, "ko").Family, line.Runs[1].Face.Family);
        Assert.NotEqual(TextFixture.Theme.Face("serif", Asan.Briefs.Theming.Script.Latin, false, false, "en").Family, line.Runs[1].Face.Family);
        Assert.Equal("NanumMyeongjo", line.Runs[2].Face.Family);
        Assert.DoesNotContain(line.Runs.SelectMany(r => r.Glyphs), g => g == 0);

        // English text: quotes, digits and spaces stay in the Latin face.
        var en = TextFixture.Layouter.Layout(TextFixture.Plain("In 1965, “normalization” came."), TextFixture.Theme.Style("body", "en"), "en", 400);
        Assert.Single(Assert.Single(en).Runs);
    }

    [Fact]
    public void Characters_missing_from_a_face_fall_back_to_the_other()
    {
        // Hangul inside a Latin run (Noto Serif has none) and a Latin-only symbol after Hangul.
        var style = TextFixture.Theme.Style("body", "en");
        Assert.True(!Serif.HasGlyph('①') && Myeongjo.HasGlyph('①'));
        var lines = TextFixture.Layouter.Layout(TextFixture.Plain("The word 한 means one; see ① too."), style, "en", 400);
        Assert.DoesNotContain(lines.SelectMany(l => l.Runs).SelectMany(r => r.Glyphs), g => g == 0);
    }

    [Fact]
    public void Bold_italic_links_and_note_calls_get_their_own_runs()
    {
        var style = TextFixture.Theme.Style("body", "en");
        var note = new PrintNote("n1", "1", [new PrintParagraph([new PrintText("A note.", false, false, null)])]);
        IReadOnlyList<PrintInline> inlines =
        [
            new PrintText("Plain ", false, false, null),
            new PrintText("bold", true, false, null),
            new PrintText(" and ", false, false, null),
            new PrintText("italic", false, true, null),
            new PrintText(" with a ", false, false, null),
            new PrintText("link", false, false, "https://www.asaninst.org"),
            new PrintText(".", false, false, null),
            new PrintNoteCall(note),
            new PrintText(" End.", false, false, null),
        ];
        var line = Assert.Single(TextFixture.Layouter.Layout(inlines, style, "en", 459));
        var bold = line.Runs.Single(r => r.Text.StartsWith("bold"));
        Assert.True(bold.Face.Bold);
        Assert.True(line.Runs.Single(r => r.Text.StartsWith("italic")).Face.Italic);
        var link = line.Runs.Single(r => r.Href is not null);
        Assert.Equal("link", link.Text);
        Assert.Equal(TextFixture.Theme.Color("link"), link.Color);
        var call = line.Runs.Single(r => r.NoteCall is not null);
        Assert.Equal("1", call.Text);
        Assert.Equal(style.Size * TextLayouter.NoteCallScale, call.Size, 3);
        Assert.Equal(style.Size * TextLayouter.NoteCallRise, call.BaselineShift, 3);
        Assert.Same(note, Assert.Single(line.NoteCalls));
        Assert.True(line.Ascent >= call.BaselineShift);
        // Runs are laid out left to right without overlap.
        for (var i = 1; i < line.Runs.Count; i++) Assert.True(line.Runs[i].X >= line.Runs[i - 1].X + line.Runs[i - 1].Width - 0.01);
    }

    [Fact]
    public void Measure_gives_natural_and_minimum_widths()
    {
        var style = TextFixture.Theme.Style("table-cell", "en");
        var (natural, minimum) = TextFixture.Layouter.Measure(TextFixture.Plain("short extraordinarily long"), style, "en");
        var longest = TextFixture.Layouter.MeasureString("extraordinarily", style, "en");
        Assert.Equal(longest, minimum, 3);
        Assert.True(natural > minimum);
        var line = TextFixture.Layouter.SetLine("12.", style, "en");
        Assert.Equal(TextFixture.Layouter.MeasureString("12.", style, "en"), line.Width, 3);
    }

    [Fact]
    public void Font_library_loads_each_file_once_with_metrics()
    {
        var a = FontLibrary.Shared.Get(TextFixture.FontPath("NotoSerif-Regular.ttf"));
        var b = FontLibrary.Shared.Get(Path.Combine(TextFixture.RepoRoot, "templates", "fonts", ".", "NotoSerif-Regular.ttf"));
        Assert.Same(a, b);
        Assert.Equal(1000, a.UnitsPerEm);
        Assert.True(a.Ascender > 0 && a.Descender < 0);
        Assert.True(Myeongjo.HasGlyph('한') && !a.HasGlyph('한'));
    }

    [Fact]
    public void Glyph_subset_keeps_ids_and_outlines_and_is_much_smaller()
    {
        var font = Myeongjo;
        var shaped = TextShaper.Shared.Shape(font, "한일관계 정상화를 위한 차기정부의 대일외교과제", true);
        var glyphs = shaped.Glyphs.ToArray().Select(g => (uint)g).ToHashSet();
        var subset = FontSubsetter.SubsetGlyphs(font, glyphs);
        output.WriteLine($"NanumMyeongjo {font.Length:N0} bytes → glyph subset {subset.Length:N0} bytes ({glyphs.Count} glyphs)");
        Assert.True(subset.Length < font.Length / 20);
        Assert.Equal(subset, FontSubsetter.SubsetGlyphs(font, glyphs.OrderByDescending(g => g))); // deterministic

        using var blob = Blob.FromStream(new MemoryStream(subset));
        using var face = new Face(blob, 0);
        using var hb = new Font(face);
        Assert.True(face.GlyphCount > glyphs.Max()); // retain-gids: ids unchanged
        foreach (var g in glyphs)
        {
            if (!font.Font.TryGetGlyphExtents(g, out var original) || original.Width == 0) continue; // the space has no outline
            Assert.True(hb.TryGetGlyphExtents(g, out var extents) && extents.Width > 0, $"glyph {g} lost its outline");
        }
        // A glyph not asked for is empty, and the cmap still maps the kept characters to the same ids.
        font.Font.TryGetNominalGlyph('봄', out var spring);
        Assert.False(hb.TryGetGlyphExtents(spring, out var none) && none.Width > 0);
        Assert.True(hb.TryGetNominalGlyph('한', out var han) && han == font.GlyphFor('한'));
    }

    [Fact]
    public void Unicode_subset_for_the_web_keeps_the_characters_and_renumbers()
    {
        var font = Serif;
        var text = "The New Korean Government’s Diplomatic Tasks — fi";
        var subset = FontSubsetter.SubsetUnicodes(font, FontSubsetter.CodepointsOf(text));
        output.WriteLine($"NotoSerif {font.Length:N0} bytes → unicode subset {subset.Length:N0} bytes");
        Assert.True(subset.Length < font.Length / 10);
        Assert.Equal(subset, FontSubsetter.SubsetUnicodes(font, FontSubsetter.CodepointsOf(text))); // deterministic

        using var blob = Blob.FromStream(new MemoryStream(subset));
        using var face = new Face(blob, 0);
        using var hb = new Font(face);
        Assert.True(face.GlyphCount < 80);
        foreach (var c in text.Distinct()) Assert.True(hb.TryGetNominalGlyph(c, out _), $"'{c}' is missing");
        Assert.False(hb.TryGetNominalGlyph('Z', out _));
        // Layout tables stay, so the browser still forms the ligature.
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16("fi");
        buffer.GuessSegmentProperties();
        hb.Shape(buffer);
        Assert.Single(buffer.GlyphInfos);
    }
}
