using Asan.Briefs.Typography;
using System.Globalization;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.Pdf.Text;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// Draws one page's boxes as tagged content: each run of a line, each image, inside marked content
/// with an MCID of its structure element (BDC/EMC), or inside an Artifact (running heads and feet,
/// page numbers, rules). A linked run gets a Link element of its own, and the link annotation that
/// follows it in the layout is attached to that element by an OBJR.
/// </summary>
internal sealed class TaggedPage(PdfFile file, StructureTree tree, Navigation navigation, ContentStream content, string lang, double pageHeight)
{
    private readonly Queue<StructureTree.Element> _links = new();
    private readonly Dictionary<StructureTree.Element, StructureTree.Element> _entryLinks = [];

    public List<int> Annotations { get; } = [];

    public void Draw(PageItem item, int page, Func<ImageItem, string> imageResource)
    {
        switch (item)
        {
            case TextLineItem line: Line(line, page); break;
            case RuleItem rule:
                content.Operator(rule.Role.Kind == StructureKind.Furniture ? "/Artifact << /Type /Pagination >> BDC" : "/Artifact << /Type /Layout >> BDC");
                content.Rule(rule);
                content.Operator("EMC");
                break;
            case ImageItem image:
            {
                var resource = imageResource(image);
                if (tree.Leaf(image.Role, page) is { } figure)
                {
                    tree.SetAlt(figure, image.Alt);
                    content.Operator($"/Figure << /MCID {I(tree.Mcid(figure, page))} >> BDC");
                    content.Image(image, resource);
                }
                else
                {
                    content.Operator("/Artifact << /Type /Layout >> BDC");
                    content.Image(image, resource);
                }
                content.Operator("EMC");
                break;
            }
            case LinkItem link:
            {
                var element = _links.Count > 0 ? _links.Dequeue() : tree.Link(tree.Leaf(link.Role, page) ?? tree.Leaf(new BoxRole(StructureKind.Paragraph, "", 0, -1), page)!, page, null);
                var id = file.Reserve();
                var structParent = tree.Annotation(element, page, id);
                navigation.Link(id, link, "/StructParent " + I(structParent));
                Annotations.Add(id);
                break;
            }
            case DestinationItem destination:
                navigation.Destination(destination, page);
                if (destination.Role.Kind == StructureKind.NoteMark) tree.NoteDestination(destination.Name);
                break;
        }
    }

    private void Line(TextLineItem line, int page)
    {
        _links.Clear();
        var leaf = tree.Leaf(line.Role, page);
        if (leaf is null)
        {
            var subtype = line.Baseline < pageHeight / 2 ? "Header" : "Footer";
            content.Operator(line.Role.Kind == StructureKind.Furniture ? $"/Artifact << /Type /Pagination /Subtype /{subtype} >> BDC" : "/Artifact << /Type /Layout >> BDC");
            content.Line(line);
            content.Operator("EMC");
            return;
        }
        foreach (var run in line.Line.Runs)
        {
            var element = leaf;
            if (run.NoteCall is not null || run.Href is { Length: > 0 })
            {
                // A contents entry is one link, however many lines and runs it takes, its page number included.
                // A link to a place in the document (a cross-reference to a figure or table, a heading) is a
                // Reference holding the Link, as the contents entries are (ISO 32000-1 §14.8.4.4).
                element = line.Role.Kind == StructureKind.ContentsEntry
                    ? _entryLinks.TryGetValue(leaf, out var entry) ? entry : _entryLinks[leaf] = tree.Link(leaf, page, null)
                    : run.NoteCall is { } note ? tree.Link(leaf, page, Asan.Briefs.Resolution.ResolvedDocument.NoteAnchor(note))
                    : Asan.Briefs.Resolution.LinkTarget.Parse(run.Href!) is Asan.Briefs.Resolution.InternalTarget ? tree.Link(tree.Reference(leaf, page), page, null)
                    : tree.Link(leaf, page, null);
                _links.Enqueue(element);
            }
            var mcid = tree.Mcid(element, page);
            var spanLang = LanguageOf(run.Text);
            var langEntry = spanLang is not null && spanLang != lang ? " /Lang " + PdfSyntax.Text(spanLang) : "";
            content.Operator($"/{element.Type} << /MCID {I(mcid)}{langEntry} >> BDC");
            content.Run(line, run);
            content.Operator("EMC");
        }
    }

    /// <summary>Korean for a run with Hangul, English for one with Latin letters and no Hangul, else the document's.</summary>
    private static string? LanguageOf(string text)
    {
        var latin = false;
        foreach (var c in text)
        {
            if (TextRules.IsHangulLetter(c)) return "ko";
            if (char.IsAsciiLetter(c)) latin = true;
        }
        return latin ? "en" : null;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
