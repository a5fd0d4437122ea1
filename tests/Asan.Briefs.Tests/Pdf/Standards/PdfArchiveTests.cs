using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Asan.Briefs.Tests.Support;

namespace Asan.Briefs.Tests.Pdf.Standards;

/// <summary>
/// PDF/A-2a (ISO 19005-2, level A) clause by clause for every web PDF, read back with qpdf: veraPDF,
/// the reference validator, is neither a Debian nor an npm package, so each clause that applies to
/// these files is checked here directly. The clause is named in each assertion.
/// </summary>
public class PdfArchiveTests
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace PdfAExtension = "http://www.aiim.org/pdfa/ns/extension/";
    private static readonly XNamespace PdfASchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfAProperty = "http://www.aiim.org/pdfa/ns/property#";

    /// <summary>The schemas ISO 19005-2 §6.6.2.3.1 predefines (XMP 2005 and PDF/A's own identification schema).</summary>
    private static readonly HashSet<string> Predefined =
    [
        "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xap/1.0/rights/",
        "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
        "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/pdf/1.3/", "http://ns.adobe.com/photoshop/1.0/",
        "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
        "http://ns.adobe.com/tiff/1.0/", "http://www.aiim.org/pdfa/ns/id/",
    ];

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Xmp_identifies_PDF_A_2a_and_PDF_UA_1_and_describes_every_property_outside_the_predefined_schemas(string id, string lang)
    {
        var pdf = QpdfObjects.Of(RenderedEditions.Pdf(id, lang));
        var xmp = Xmp(pdf);
        string One(string ns, string name) => xmp.Descendants(XName.Get(name, ns)).Single().Value;
        Assert.Equal("2", One("http://www.aiim.org/pdfa/ns/id/", "part")); // §6.6.4
        Assert.Equal("A", One("http://www.aiim.org/pdfa/ns/id/", "conformance"));
        Assert.Equal("1", One("http://www.aiim.org/pdfua/ns/id/", "part"));

        // §6.6.2.3.2: a property of any other schema is described by a pdfaExtension schema entry.
        var described = xmp.Descendants(PdfASchema + "namespaceURI")
            .Select(uri => (Uri: uri.Value, Schema: uri.Parent!))
            .ToDictionary(s => s.Uri, s => s.Schema.Descendants(PdfAProperty + "name").Select(n => n.Value).ToHashSet());
        var extensionNamespaces = new[] { PdfAExtension, PdfASchema, PdfAProperty }.Select(n => n.NamespaceName).ToHashSet();
        var properties = xmp.Descendants(Rdf + "Description").SelectMany(d => d.Elements())
            .Where(p => !extensionNamespaces.Contains(p.Name.NamespaceName)).ToList();
        Assert.NotEmpty(properties);
        foreach (var property in properties.Where(p => !Predefined.Contains(p.Name.NamespaceName)))
            Assert.True(described.TryGetValue(property.Name.NamespaceName, out var names) && names.Contains(property.Name.LocalName),
                $"{property.Name} is in no predefined schema and no pdfaExtension schema describes it");
        Assert.Contains("http://www.aiim.org/pdfua/ns/id/", described.Keys);
        foreach (var type in xmp.Descendants(PdfAProperty + "valueType")) Assert.Contains(type.Value, new[] { "Integer", "Text", "Boolean", "Date", "URI" });
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void One_PDF_A_output_intent_embeds_the_shipped_sRGB_profile(string id, string lang)
    {
        var pdf = QpdfObjects.Of(RenderedEditions.Pdf(id, lang));
        var intent = Assert.Single(pdf.Get(pdf.Catalog.GetProperty("/OutputIntents")).EnumerateArray().Select(pdf.Get));
        Assert.Equal("/GTS_PDFA1", intent.GetProperty("/S").GetString()); // §6.2.3
        var profileRef = intent.GetProperty("/DestOutputProfile");
        Assert.Equal(3, pdf.Get(profileRef).GetProperty("/N").GetInt32());
        var profile = pdf.Data(profileRef);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Templates, "color", "sRGB.icc")), profile);
        Assert.Equal("RGB ", Encoding.ASCII.GetString(profile, 16, 4));
        Assert.Contains(Encoding.ASCII.GetString(profile, 12, 4), new[] { "mntr", "prtr" }); // an output or display profile
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void File_structure_and_metadata_stream_follow_the_clauses(string id, string lang)
    {
        var bytes = RenderedEditions.Pdf(id, lang);
        // §6.1.2: the header, then a comment of at least four bytes above 127.
        Assert.Equal("%PDF-1.7\n%", Encoding.ASCII.GetString(bytes, 0, 10));
        Assert.All(bytes[10..14], b => Assert.True(b > 127));
        var pdf = QpdfObjects.Of(bytes);
        Assert.Equal("1.7", pdf.PdfVersion);
        // §6.1.3: an /ID in the trailer, no /Encrypt.
        Assert.Equal(2, pdf.Trailer.GetProperty("/ID").GetArrayLength());
        Assert.False(pdf.Trailer.TryGetProperty("/Encrypt", out _));
        // §6.6.2.1: the metadata stream is not filtered, and its packet header has no bytes or encoding attribute.
        var metadataRef = pdf.Catalog.GetProperty("/Metadata");
        Assert.False(pdf.Get(metadataRef).TryGetProperty("/Filter", out _));
        var packet = Encoding.UTF8.GetString(pdf.Data(metadataRef));
        var header = packet[..packet.IndexOf("?>", StringComparison.Ordinal)];
        Assert.StartsWith("<?xpacket begin=", header);
        Assert.DoesNotContain("bytes=", header);
        Assert.DoesNotContain("encoding=", header);
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void No_transparency_group_printable_annotations_and_only_colour_the_intent_allows(string id, string lang)
    {
        var pdf = QpdfObjects.Of(RenderedEditions.Pdf(id, lang));
        var annotations = 0;
        foreach (var (reference, value) in pdf.All.Where(o => o.Value.ValueKind == JsonValueKind.Object))
        {
            Assert.False(value.TryGetProperty("/Group", out _), $"{reference} has a transparency group");
            if (value.TryGetProperty("/S", out var s) && s.ValueKind == JsonValueKind.String)
                Assert.DoesNotContain(s.GetString(), new[] { "/JavaScript", "/Launch", "/ImportData", "/ResetForm", "/Movie", "/Sound" }); // §6.5.1
            Assert.False(value.TryGetProperty("/AA", out _), $"{reference} has additional actions"); // §6.5.2
            if (value.TryGetProperty("/Subtype", out var subtype) && subtype.GetString() == "/Image")
            {
                Assert.False(value.TryGetProperty("/Interpolate", out var interpolate) && interpolate.GetBoolean(), $"{reference} interpolates"); // §6.2.8
                var space = value.GetProperty("/ColorSpace");
                if (space.ValueKind == JsonValueKind.String) Assert.Contains(space.GetString(), new[] { "/DeviceGray" });
                else Assert.Contains("/ICCBased", space.GetRawText()); // figures carry the sRGB profile
            }
            if (value.TryGetProperty("/Type", out var type) && type.GetString() == "/Annot")
            {
                annotations++;
                // §6.3.2: the Print flag set; Invisible, Hidden, NoView, ToggleNoView clear.
                var flags = value.GetProperty("/F").GetInt32();
                Assert.True((flags & 4) != 0 && (flags & (1 | 2 | 32 | 256)) == 0, $"annotation {reference} has flags {flags}");
            }
        }
        Assert.True(annotations > 0 || id != Repository.FeatureTour, "the tour has links, so there should be annotations");
        // §6.2.4.3: DeviceCMYK needs a CMYK output intent; this file's is RGB, so no content paints in CMYK.
        foreach (var page in pdf.Pages)
        foreach (var content in Contents(pdf, page))
            Assert.DoesNotMatch(@"(^|\s)[\d.]+ [\d.]+ [\d.]+ [\d.]+ [kK](\s|$)", content);
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Every_glyph_drawn_has_a_Unicode_value_and_none_is_notdef(string id, string lang)
    {
        var pdf = QpdfObjects.Of(RenderedEditions.Pdf(id, lang));
        var glyphs = 0;
        foreach (var page in pdf.Pages)
        {
            var fonts = pdf.Get(pdf.Get(page.GetProperty("/Resources")).GetProperty("/Font"));
            var maps = new Dictionary<string, Dictionary<int, string>>();
            foreach (var content in Contents(pdf, page))
            foreach (var (font, code) in ContentGlyphs.Codes(content))
            {
                if (!maps.TryGetValue(font, out var map))
                    maps[font] = map = ContentGlyphs.ToUnicode(Encoding.ASCII.GetString(pdf.Data(pdf.Get(fonts.GetProperty("/" + font)).GetProperty("/ToUnicode"))));
                glyphs++;
                Assert.True(code != 0, $"{font} draws .notdef"); // §6.2.11.8
                // §6.2.11.7.2 (level A): a Unicode value for every code, and not U+0000, U+FEFF or U+FFFE.
                Assert.True(map.TryGetValue(code, out var text) && text.Length > 0 && !text.Any(c => c is '\0' or '\uFEFF' or '\uFFFE'),
                    $"{font} glyph {code:X4} has no usable Unicode value");
            }
        }
        Assert.True(glyphs > 100);
    }

    [Theory]
    [InlineData(Repository.SeedBrief)]
    [InlineData(Repository.FeatureTour)]
    public void Hyphens_added_at_line_breaks_read_as_soft_hyphens_in_poppler_and_MuPDF(string id)
    {
        var pdf = RenderedEditions.Pdf(id, "en");
        static int SoftBreaks(string text) => text.Split('\n').Count(l => l.TrimEnd().EndsWith('\u00AD'));
        var poppler = SoftBreaks(ExternalTool.RunOnFile("pdftotext", "{file} -", pdf, "pdf"));
        var mupdf = SoftBreaks(ExternalTool.RunOnFile("mutool", "draw -q -F txt -o - {file}", pdf, "pdf"));
        Assert.True(poppler > 0, "no hyphenated line end found");
        Assert.Equal(poppler, mupdf);
    }

    internal static IEnumerable<string> Contents(QpdfObjects pdf, JsonElement page)
    {
        var contents = page.GetProperty("/Contents");
        var streams = contents.ValueKind == JsonValueKind.Array ? contents.EnumerateArray().ToList() : [contents];
        return streams.Select(s => Encoding.Latin1.GetString(pdf.Data(s)));
    }

    private static XDocument Xmp(QpdfObjects pdf) =>
        XDocument.Parse(Encoding.UTF8.GetString(pdf.Data(pdf.Catalog.GetProperty("/Metadata"))).TrimStart('\uFEFF'));
}
