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
        AddXmp(document, layout.Lang, info);

        // The identifier is a hash of what Skia drew plus the metadata, never random or the clock.
        var id = SHA256.HashData(Combine(skiaPdf, Encoding.UTF8.GetBytes(string.Join("\u0001",
            layout.Lang, info.Title, info.Author, info.Subject, info.Keywords, info.Creator,
            info.Created.ToString("O", CultureInfo.InvariantCulture), info.Modified.ToString("O", CultureInfo.InvariantCulture)))))[..16];
        var idString = Encoding.Latin1.GetString(id);
        document.Internals.FirstDocumentID = idString;
        document.Internals.SecondDocumentID = idString;
        document.Options.CompressContentStreams = true;

        using var output = new MemoryStream(skiaPdf.Length + 4096);
        document.Save(output, closeStream: false);
        return output.ToArray();
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

    private static void AddXmp(PdfDocument document, string lang, DocumentInfo info)
    {
        static string X(string s) => System.Security.SecurityElement.Escape(s) ?? "";
        var created = info.Created.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var modified = info.Modified.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var xmp = $"""
            <?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(info.Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>{X(info.Author)}</rdf:li></rdf:Seq></dc:creator>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{X(info.Subject)}</rdf:li></rdf:Alt></dc:description>
               <dc:language><rdf:Bag><rdf:li>{X(lang)}</rdf:li></rdf:Bag></dc:language>
               <pdf:Keywords>{X(info.Keywords)}</pdf:Keywords>
               <pdf:Producer>{X(PdfWriter.Producer)}</pdf:Producer>
               <xmp:CreatorTool>{X(info.Creator)}</xmp:CreatorTool>
               <xmp:CreateDate>{created}</xmp:CreateDate>
               <xmp:ModifyDate>{modified}</xmp:ModifyDate>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """;
        var metadata = new PdfDictionary(document);
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream(Encoding.UTF8.GetBytes(xmp));
        document.Internals.AddObject(metadata);
        document.Internals.Catalog.Elements.SetReference("/Metadata", metadata);
    }
}
