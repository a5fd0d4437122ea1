using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Asan.Briefs.Pdf.Layout;
using Asan.Briefs.PrintMarkup;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// Adds with PDFsharp what Skia's PDF backend cannot write: the document language, the outline of
/// headings, the full information dictionary, XMP metadata and a file identifier derived from the
/// content, so identical input gives identical bytes.
/// </summary>
internal static class PdfFinisher
{
    public static byte[] Finish(byte[] skiaPdf, LaidOutDocument layout, DocumentInfo info)
    {
        // The identifier is a hash of what Skia drew plus the metadata, never random or the clock.
        var id = SHA256.HashData(Combine(skiaPdf, Encoding.UTF8.GetBytes(string.Join("\u0001",
            layout.Lang, info.Title, info.Author, info.Subject, info.Keywords, info.Creator,
            info.Created.ToString("O", CultureInfo.InvariantCulture), info.Modified.ToString("O", CultureInfo.InvariantCulture)))))[..16];
        // Skia writes no /ID; PDFsharp would make a random one on opening (and derive the XMP
        // document and instance ids from it), so the trailer gets ours before PDFsharp reads it.
        skiaPdf = WithTrailerId(skiaPdf, Convert.ToHexString(id));
        using var input = new MemoryStream(skiaPdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);

        document.Language = layout.Lang;
        var documentInfo = document.Info;
        documentInfo.Title = info.Title;
        documentInfo.Author = info.Author;
        documentInfo.Subject = info.Subject;
        documentInfo.Keywords = info.Keywords;
        documentInfo.Creator = info.Creator;
        documentInfo.Elements.SetString("/Producer", PdfWriter.Producer);
        documentInfo.CreationDate = info.Created.UtcDateTime;
        documentInfo.ModificationDate = info.Modified.UtcDateTime;

        AddOutline(document, layout);
        document.PageMode = layout.Outline.Count > 0 ? PdfPageMode.UseOutlines : PdfPageMode.UseNone;

        var idString = Encoding.Latin1.GetString(id);
        document.Internals.FirstDocumentID = idString;
        document.Internals.SecondDocumentID = idString;
        document.Options.CompressContentStreams = true;

        using var output = new MemoryStream(skiaPdf.Length + 4096);
        document.Save(output, closeStream: false);
        var bytes = output.ToArray();
        FixXmpIds(bytes, new Guid(id));
        return bytes;
    }

    /// <summary>
    /// PDFsharp writes XMP metadata with a fresh random document and instance UUID on every save.
    /// They are overwritten in place, same length, with one derived from the content, so no offset moves.
    /// </summary>
    private static void FixXmpIds(byte[] pdf, Guid id)
    {
        var uuid = Encoding.ASCII.GetBytes(id.ToString("D"));
        foreach (var tag in new[] { "<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:" })
        {
            var marker = Encoding.ASCII.GetBytes(tag);
            var at = pdf.AsSpan().LastIndexOf(marker);
            if (at < 0 || at + marker.Length + uuid.Length > pdf.Length) continue;
            uuid.CopyTo(pdf, at + marker.Length);
        }
    }

    /// <summary>
    /// Adds /ID to the trailer Skia wrote. The trailer follows the cross-reference table, so no
    /// object offset moves; startxref still points at the table.
    /// </summary>
    private static byte[] WithTrailerId(byte[] pdf, string hex)
    {
        var tail = Math.Max(0, pdf.Length - 1024);
        var text = Encoding.Latin1.GetString(pdf, tail, pdf.Length - tail);
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var end = trailer < 0 ? -1 : text.IndexOf(">>", trailer, StringComparison.Ordinal);
        if (end < 0 || text.IndexOf("/ID", trailer, StringComparison.Ordinal) is >= 0 and var at && at < end) return pdf;
        var insert = Encoding.Latin1.GetBytes($"\n/ID [<{hex}> <{hex}>]");
        var result = new byte[pdf.Length + insert.Length];
        var cut = tail + end;
        pdf.AsSpan(0, cut).CopyTo(result);
        insert.CopyTo(result, cut);
        pdf.AsSpan(cut).CopyTo(result.AsSpan(cut + insert.Length));
        return result;
    }

    private static byte[] Combine(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }

    /// <summary>Bookmarks nested by heading level: a level-2 heading goes under the last level-1 before it.</summary>
    private static void AddOutline(PdfDocument document, LaidOutDocument layout)
    {
        var stack = new List<(int Level, PdfOutline Outline)>();
        foreach (var entry in layout.Outline)
        {
            if (entry.PageIndex >= document.PageCount || string.IsNullOrWhiteSpace(entry.Title)) continue;
            while (stack.Count > 0 && stack[^1].Level >= entry.Level) stack.RemoveAt(stack.Count - 1);
            var parent = stack.Count > 0 ? stack[^1].Outline.Outlines : document.Outlines;
            var outline = parent.Add(entry.Title, document.Pages[entry.PageIndex], opened: true);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Left = 0;
            outline.Top = layout.Height - entry.Y;
            stack.Add((entry.Level, outline));
        }
    }
}
