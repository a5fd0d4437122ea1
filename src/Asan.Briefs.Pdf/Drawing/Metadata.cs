using System.Text;
using System.Xml;
using System.Xml.Linq;
using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// The document information dictionary and the XMP packet (ISO 16684-1), written from the same
/// values so they agree field by field. The XMP is built as an XML tree and serialised by
/// System.Xml, so '&amp;', '&lt;' and quotes in a title are escaped, never pasted in raw.
/// </summary>
internal static class Metadata
{
    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace XmpNs = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace XmpMM = "http://ns.adobe.com/xap/1.0/mm/";
    private static readonly XNamespace PdfUaId = "http://www.aiim.org/pdfua/ns/id/";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace PdfXId = "http://www.npes.org/pdfx/ns/id/";
    private static readonly XNamespace PdfAExtension = "http://www.aiim.org/pdfa/ns/extension/";
    private static readonly XNamespace PdfASchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfAProperty = "http://www.aiim.org/pdfa/ns/property#";

    /// <summary>The PDF/UA identification schema (ISO 14289-1 §5): part 1.</summary>
    public static XElement PdfUa() =>
        new(Rdf + "Description", new XAttribute(Rdf + "about", ""), new XAttribute(XNamespace.Xmlns + "pdfuaid", PdfUaId),
            new XElement(PdfUaId + "part", "1"));

    /// <summary>The PDF/A identification schema (ISO 19005-2 §6.6.4): part and conformance level.</summary>
    public static XElement PdfA(int part, string conformance) =>
        new(Rdf + "Description", new XAttribute(Rdf + "about", ""), new XAttribute(XNamespace.Xmlns + "pdfaid", PdfAId),
            new XElement(PdfAId + "part", part.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new XElement(PdfAId + "conformance", conformance));

    /// <summary>
    /// PDF/A allows only the XMP schemas it predefines unless the file describes the others (ISO 19005-2
    /// §6.6.2.3.2): pdfuaid is not predefined, so its one property is described here.
    /// </summary>
    public static XElement PdfUaExtensionSchema() =>
        new(Rdf + "Description", new XAttribute(Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "pdfaExtension", PdfAExtension),
            new XAttribute(XNamespace.Xmlns + "pdfaSchema", PdfASchema),
            new XAttribute(XNamespace.Xmlns + "pdfaProperty", PdfAProperty),
            new XElement(PdfAExtension + "schemas", new XElement(Rdf + "Bag", new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                new XElement(PdfASchema + "schema", "PDF/UA Universal Accessibility Schema"),
                new XElement(PdfASchema + "namespaceURI", PdfUaId.NamespaceName),
                new XElement(PdfASchema + "prefix", "pdfuaid"),
                new XElement(PdfASchema + "property", new XElement(Rdf + "Seq", new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                    new XElement(PdfAProperty + "name", "part"),
                    new XElement(PdfAProperty + "valueType", "Integer"),
                    new XElement(PdfAProperty + "category", "internal"),
                    new XElement(PdfAProperty + "description", "Indicates, which part of ISO 14289 standard is followed"))))))));

    /// <summary>The PDF/X identification (ISO 15930-7 §6.7.4) and the trapping state, which PDF/X wants definite.</summary>
    public static XElement PdfX(string version) =>
        new(Rdf + "Description", new XAttribute(Rdf + "about", ""), new XAttribute(XNamespace.Xmlns + "pdfxid", PdfXId),
            new XAttribute(XNamespace.Xmlns + "pdf", Pdf),
            new XElement(PdfXId + "GTS_PDFXVersion", version),
            new XElement(Pdf + "Trapped", "False"));

    /// <summary>The document information dictionary; <paramref name="extra"/> holds entries a standard adds (GTS_PDFXVersion, Trapped).</summary>
    public static string Info(DocumentInfo info, IEnumerable<string>? extra = null)
    {
        var entries = new StringBuilder("<< ");
        void Entry(string key, string value)
        {
            if (value.Length > 0) entries.Append('/').Append(key).Append(' ').Append(PdfSyntax.Text(value)).Append(' ');
        }
        Entry("Title", info.Title);
        Entry("Author", info.Author);
        Entry("Subject", info.Subject);
        Entry("Keywords", info.Keywords);
        Entry("Creator", info.Creator);
        Entry("Producer", PdfWriter.Producer);
        entries.Append("/CreationDate ").Append(PdfSyntax.Date(info.Created)).Append(" /ModDate ").Append(PdfSyntax.Date(info.Modified)).Append(' ');
        foreach (var e in extra ?? []) entries.Append(e).Append(' ');
        return entries.Append(">>").ToString();
    }

    /// <param name="id">The document id, derived from the content (never random, never the clock).</param>
    /// <param name="schemas">More rdf:Description elements a standard asks for.</param>
    public static byte[] Xmp(DocumentInfo info, string lang, Guid id, IEnumerable<XElement>? schemas = null)
    {
        var uuid = "uuid:" + id.ToString("D");
        var description = new XElement(Rdf + "Description",
            new XAttribute(Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "xmp", XmpNs),
            new XAttribute(XNamespace.Xmlns + "pdf", Pdf),
            new XAttribute(XNamespace.Xmlns + "xmpMM", XmpMM),
            new XElement(Dc + "format", "application/pdf"),
            LangAlt(Dc + "title", info.Title, lang),
            info.Author.Length > 0 ? new XElement(Dc + "creator", new XElement(Rdf + "Seq", Authors(info.Author).Select(a => new XElement(Rdf + "li", a)))) : null,
            info.Subject.Length > 0 ? LangAlt(Dc + "description", info.Subject, lang) : null,
            new XElement(Dc + "language", new XElement(Rdf + "Bag", new XElement(Rdf + "li", lang))),
            new XElement(XmpNs + "CreateDate", PdfSyntax.XmpDate(info.Created)),
            new XElement(XmpNs + "ModifyDate", PdfSyntax.XmpDate(info.Modified)),
            new XElement(XmpNs + "MetadataDate", PdfSyntax.XmpDate(info.Modified)),
            info.Creator.Length > 0 ? new XElement(XmpNs + "CreatorTool", info.Creator) : null,
            new XElement(Pdf + "Producer", PdfWriter.Producer),
            info.Keywords.Length > 0 ? new XElement(Pdf + "Keywords", info.Keywords) : null,
            new XElement(XmpMM + "DocumentID", uuid),
            new XElement(XmpMM + "InstanceID", uuid),
            // PDF/X-4 asks for the version and rendition of the document as well (ISO 15930-7 §6.7.4).
            new XElement(XmpMM + "VersionID", "1"),
            new XElement(XmpMM + "RenditionClass", "default"));
        var root = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X),
            new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf), description, schemas));
        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, NewLineChars = "\n" }))
            root.WriteTo(writer);
        // The packet wrapper (XMP part 1, §7.3) lets tools find and rewrite the packet in place.
        var packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" + xml + "\n<?xpacket end=\"r\"?>";
        return new UTF8Encoding(false).GetBytes(packet);
    }

    /// <summary>The Info /Author joins authors with ", " (as the print template writes them); XMP keeps each as its own entry.</summary>
    public static IEnumerable<string> Authors(string author) =>
        author.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static XElement LangAlt(XName name, string text, string lang) =>
        new(name, new XElement(Rdf + "Alt",
            new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), text)));
}
