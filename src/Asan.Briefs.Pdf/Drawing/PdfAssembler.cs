using Asan.Briefs.Fonts;
using System.Globalization;
using System.Text;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// The drawing stage: serialises laid-out pages straight into a PDF file with our own small writer
/// (<see cref="PdfFile"/>): a tagged content stream per page (<see cref="TaggedPage"/>), the
/// structure tree, fonts, images, links, destinations, outline, Info and XMP, in the form its
/// <see cref="PdfEdition"/> promises (web: PDF/A-2a; print: PDF/X-4; both PDF/UA-1). Knows nothing about
/// flow or pagination; every position comes from the layout. The file identifier and XMP ids are digests of what was written, so the same layout
/// gives the same bytes on any machine, in any time zone.
/// </summary>
internal static class PdfAssembler
{
    public static byte[] Write(LaidOutDocument document, DocumentInfo info, FontLibrary fontFiles, PdfEdition edition, PdfSetup setup, ColorProfiles profiles)
    {
        var file = new PdfFile(edition.Version);
        var fonts = new CidFonts(file, SubsetFonts.For(document, fontFiles));
        var inks = edition.Inks();
        var frame = new PageFrame(document.Height, edition.Margin);
        var navigation = new Navigation(file, frame, edition.LinksPrint);
        var catalog = file.Reserve();
        var pageTree = file.Reserve();
        var resources = file.Reserve();
        var pages = document.Pages.Select(_ => file.Reserve()).ToList();
        var images = new Dictionary<string, (string Name, int Object)>(StringComparer.Ordinal);
        var boxes = edition.Boxes(document.Width, document.Height);
        // Figures are tagged sRGB in both files: device-independent, as PDF/X asks of RGB, and the same
        // profile the web file names as its output intent.
        var rgbProfile = profiles.Write(file, setup.RgbProfilePath, components: 3);
        var rgb = $"[/ICCBased {PdfFile.Ref(rgbProfile)}]";

        var tree = new StructureTree(file) { AnnotationBase = document.Pages.Count };
        string Image(ImageItem image)
        {
            if (!images.TryGetValue(image.Source, out var xobject))
                images[image.Source] = xobject = ("Im" + (images.Count + 1).ToString(CultureInfo.InvariantCulture), PngXObject.Write(file, image.Source, rgb));
            return xobject.Name;
        }
        for (var p = 0; p < document.Pages.Count; p++)
        {
            var content = new ContentStream(frame, fonts, inks);
            var page = new TaggedPage(file, tree, navigation, content, document.Lang, document.Height);
            tree.BeginPage();
            foreach (var item in document.Pages[p].Items) page.Draw(item, p, Image);
            edition.Marks(content, document.Width, document.Height);
            var contents = file.AddStream("", content.Bytes, compress: true);
            var annots = page.Annotations.Count > 0 ? " /Annots [" + string.Join(" ", page.Annotations.Select(PdfFile.Ref)) + "]" : "";
            // /Tabs /S: keyboard order follows the structure (PDF/UA-1 §7.18.3).
            file.Write(pages[p], $"<< /Type /Page /Parent {PdfFile.Ref(pageTree)} {boxes} /Resources {PdfFile.Ref(resources)} " +
                $"/Contents {PdfFile.Ref(contents)}{annots} /StructParents {p.ToString(CultureInfo.InvariantCulture)} /Tabs /S >>");
        }

        fonts.WriteAll();
        var xobjects = images.Count > 0 ? " /XObject << " + string.Join(" ", images.Values.Select(i => "/" + i.Name + " " + PdfFile.Ref(i.Object))) + " >>" : "";
        file.Write(resources, $"<< /Font << {fonts.Resources()} >>{xobjects} >>");
        file.Write(pageTree, $"<< /Type /Pages /Kids [{string.Join(" ", pages.Select(PdfFile.Ref))}] /Count {pages.Count.ToString(CultureInfo.InvariantCulture)} >>");
        var dests = navigation.WriteDestinations(pages);
        var outline = navigation.WriteOutline(document.Outline, pages);
        var structure = tree.Write(pages, document.Lang);

        // Everything so far plus the metadata fixes the document's identity.
        var digest = file.Digest(string.Join("\u0001", document.Lang, info.Title, info.Author, info.Subject, info.Keywords, info.Creator,
            PdfSyntax.XmpDate(info.Created), PdfSyntax.XmpDate(info.Modified)));
        var id = digest.AsSpan(0, 16);
        // PDF/A: the metadata stream is not filtered, so any tool can find the packet.
        var metadata = file.AddStream("/Type /Metadata /Subtype /XML", Metadata.Xmp(info, document.Lang, new Guid(id), edition.Xmp()), compress: false);
        var infoObject = file.Add(Metadata.Info(info, edition.Info()));
        var intents = edition.OutputIntents(file, rgbProfile);

        var root = new StringBuilder($"<< /Type /Catalog /Pages {PdfFile.Ref(pageTree)} /Lang {PdfSyntax.Text(document.Lang)} /Metadata {PdfFile.Ref(metadata)}");
        if (dests is { } d) root.Append(" /Names << /Dests ").Append(PdfFile.Ref(d)).Append(" >>");
        if (outline is { } o) root.Append(" /Outlines ").Append(PdfFile.Ref(o)).Append(" /PageMode /UseOutlines");
        root.Append(" /MarkInfo << /Marked true >> /StructTreeRoot ").Append(PdfFile.Ref(structure));
        root.Append(" /OutputIntents ").Append(intents);
        root.Append(" /ViewerPreferences << /DisplayDocTitle true >> >>");
        file.Write(catalog, root.ToString());
        return file.Finish(catalog, infoObject, id);
    }
}
