using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Asan.Briefs.Model;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Resolution;

/// <summary>
/// The feature tour holds every block and inline kind of the model; each kind must come out of the
/// print template (as its markup element) and the HTML template (as its HTML element) at least as
/// often as the model holds it, so a template that drops a kind fails here.
/// </summary>
public sealed class TemplateCoverageTests
{
    // Model kind → print markup element, HTML selector.
    private static readonly Dictionary<Type, (string Print, string Html)> Kinds = new()
    {
        [typeof(ParagraphBlock)] = ("p", "p"),
        [typeof(ListBlock)] = ("list", "ol, ul"),
        [typeof(QuoteBlock)] = ("quote", "blockquote"),
        [typeof(FigureBlock)] = ("figure", "figure img"),
        [typeof(TableBlock)] = ("table", "table"),
        [typeof(EmphasisInline)] = ("em", "em"),
        [typeof(StrongInline)] = ("strong", "strong"),
        [typeof(CodeInline)] = ("code", "code"),
        [typeof(LinkInline)] = ("a", "a[href]"),
        [typeof(NoteReferenceInline)] = ("note", "a[href^='#note-']"),
        [typeof(ReferenceInline)] = ("a", "a.xref[href^='#fig-'], a.xref[href^='#tbl-']"),
        [typeof(LineBreakInline)] = ("br", "br"),
    };

    // Kinds the tour does not hold yet: adding one changes the tour's content (and its outputs), left to the content's owners.
    private static readonly HashSet<Type> NotYetInTheTour = [typeof(LineBreakInline)];

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Every_block_and_inline_kind_reaches_both_templates(string lang)
    {
        var brief = Repository.Brief(Repository.FeatureTour);
        var counts = new Dictionary<Type, int>();
        foreach (var block in brief.AllBlocks) Count(block, lang, counts);
        foreach (var section in brief.Sections) if (section.Heading is { } h) Count(h[lang], counts);

        // Every concrete kind of the model is in the tour, so the check below covers them all.
        var modelKinds = typeof(Block).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(Block)) || t.IsSubclassOf(typeof(Inline))) && t != typeof(TextInline));
        foreach (var kind in modelKinds)
        {
            Assert.True(Kinds.ContainsKey(kind), $"{kind.Name} has no entry here: add its print and HTML element");
            Assert.True(counts.GetValueOrDefault(kind) > 0 || NotYetInTheTour.Contains(kind), $"the feature tour holds no {kind.Name}; add one to content/feature-tour");
        }

        var markup = XDocument.Parse(Repository.Publisher.Templates.RenderPrintMarkup(Repository.Brief(Repository.FeatureTour), lang));
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(RenderedEditions.File(Repository.FeatureTour, lang, "html")));
        foreach (var (kind, (print, selector)) in Kinds)
        {
            var expected = counts.GetValueOrDefault(kind);
            Assert.True(markup.Descendants(print).Count() >= expected, $"print template: {expected} {kind.Name} in the model, fewer <{print}> in the markup");
            Assert.True(html.QuerySelectorAll(selector).Length >= expected, $"HTML template: {expected} {kind.Name} in the model, fewer '{selector}' in the page");
        }
    }

    private static void Count(Block block, string lang, Dictionary<Type, int> counts)
    {
        counts[block.GetType()] = counts.GetValueOrDefault(block.GetType()) + 1;
        switch (block)
        {
            case ParagraphBlock p: Count(p.Text[lang], counts); break;
            case FigureBlock f: Count(f.Caption[lang], counts); break;
            case TableBlock t:
                if (t.Caption is { } caption) Count(caption[lang], counts);
                foreach (var cell in t.Rows.SelectMany(r => r.Cells)) Count(cell[lang], counts);
                break;
        }
    }

    private static void Count(IEnumerable<Inline> inlines, Dictionary<Type, int> counts)
    {
        foreach (var inline in inlines)
        {
            counts[inline.GetType()] = counts.GetValueOrDefault(inline.GetType()) + 1;
            switch (inline)
            {
                case EmphasisInline e: Count(e.Children, counts); break;
                case StrongInline s: Count(s.Children, counts); break;
                case LinkInline l: Count(l.Children, counts); break;
            }
        }
    }
}
