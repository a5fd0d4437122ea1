using Asan.Briefs.Diagnostics;
using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Tests.Templating;

/// <summary>The one contents rule, against the model, and the print markup the templates write from it.</summary>
public sealed class TableOfContentsTests
{
    public static IEnumerable<object[]> Editions() => RenderedEditions.All();

    private static List<Section> Headings(Brief brief) => brief.Sections.Where(s => s.Heading is not null).ToList();

    [Theory, MemberData(nameof(Editions))]
    public void An_edition_lists_every_heading_in_order_when_the_theme_asks_for_contents(string id, string lang)
    {
        var brief = Repository.Brief(id);
        var headings = Headings(brief);
        var entries = TableOfContents.For(brief, lang, Repository.Theme.File.Contents);
        if (headings.Count < Repository.Theme.File.Contents.MinHeadings)
        {
            Assert.Empty(entries);
            return;
        }
        Assert.Equal(headings.Count, entries.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            Assert.Equal(headings[i].Level, entries[i].Level);
            Assert.InRange(entries[i].Level, 1, 3);
            Assert.Equal(Inlines.PlainText(headings[i].Heading![lang]), entries[i].Text);
            Assert.NotEqual("", entries[i].Text.Trim());
        }
        Assert.Equal(headings.Count, entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void The_threshold_is_the_themes_min_headings_and_zero_means_never()
    {
        var brief = Repository.Brief(Repository.FeatureTour);
        var count = Headings(brief).Count;
        Assert.True(count > 1, "the feature tour has headings");
        Assert.Equal(count, TableOfContents.For(brief, "en", new ContentsFile { MinHeadings = count }).Count);
        Assert.Empty(TableOfContents.For(brief, "en", new ContentsFile { MinHeadings = count + 1 }));
        Assert.Empty(TableOfContents.For(brief, "en", new ContentsFile { MinHeadings = 0 }));
        Assert.Equal(count, TableOfContents.For(brief, "en", new ContentsFile { MinHeadings = 1 }).Count);
    }

    [Theory, MemberData(nameof(Editions))]
    public void The_print_markup_carries_the_rules_entries_pointing_at_its_headings(string id, string lang)
    {
        var brief = Repository.Brief(id);
        var entries = TableOfContents.For(brief, lang, Repository.Theme.File.Contents);
        var markup = RenderedEditions.PrintDocument(id, lang);
        var contents = PrintWalker.Descendants(markup.Blocks).OfType<PrintContents>().ToList();
        if (entries.Count == 0)
        {
            Assert.Empty(contents);
            return;
        }
        var toc = Assert.Single(contents);
        Assert.Equal(Repository.Publisher.Templates.I18n(lang).Values["labels"] is Scriban.Runtime.ScriptObject l ? l["contents"] : null,
            PrintWalker.PlainText(toc.Title.Inlines));
        var headings = PrintWalker.Descendants(markup.Blocks).OfType<PrintHeading>().ToDictionary(h => h.Id!);
        Assert.Equal(entries.Select(e => (e.Id, e.Level, e.Text)), toc.Entries.Select(e => (e.Target, e.Level, PrintWalker.PlainText(e.Text.Inlines))));
        foreach (var entry in toc.Entries)
        {
            // The heading the entry points at is the one with that text and level in the flow.
            Assert.Equal(PrintWalker.PlainText(headings[entry.Target].Inlines), PrintWalker.PlainText(entry.Text.Inlines));
            Assert.Equal(headings[entry.Target].Level, entry.Level);
            Assert.Equal($"toc{entry.Level}", entry.Text.Style);
        }
    }

    [Fact]
    public void A_contents_entry_for_an_id_no_block_has_stops_the_build()
    {
        var markup = MarkupSamples.Wrap("""<contents><title>Contents</title><entry level="1" target="nowhere">A</entry></contents><h level="1" id="a">A</h>""");
        var e = Assert.Throws<BriefException>(() => MarkupSamples.Parse(markup));
        Assert.Contains("'nowhere'", e.Message);
        var good = MarkupSamples.Parse(MarkupSamples.Wrap("""<contents><title>Contents</title><entry level="1" target="a">A</entry></contents><h level="1" id="a">A</h>"""));
        Assert.Equal("a", Assert.IsType<PrintContents>(good.Blocks[0]).Entries[0].Target);
    }
}
