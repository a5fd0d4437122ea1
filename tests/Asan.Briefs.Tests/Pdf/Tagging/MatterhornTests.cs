using System.Xml.Linq;
using Asan.Briefs.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Asan.Briefs.Tests.Pdf.Tagging;

/// <summary>
/// Machine-testable failure conditions of the Matterhorn Protocol 1.1 that apply to these
/// documents, read with PdfPig from the file's own objects (the structure tree itself is read with
/// pdf.js in <see cref="StructureTreeTests"/>). The number of each checkpoint is in the test.
/// </summary>
public class MatterhornTests
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Document_level_conditions_hold(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        T Get<T>(DictionaryToken d, string key) where T : class, IToken =>
            (d.Data.TryGetValue(key, out var token) ? token is IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token : null) as T
            ?? throw new Xunit.Sdk.XunitException($"/{key} is missing");
        // 01-004 (tagged): /MarkInfo /Marked true; 01-006: a StructTreeRoot.
        Assert.True(Get<BooleanToken>(Get<DictionaryToken>(catalog, "MarkInfo"), "Marked").Data);
        Assert.Equal("StructTreeRoot", Get<NameToken>(Get<DictionaryToken>(catalog, "StructTreeRoot"), "Type").Data);
        // 11-001 (natural language): /Lang on the catalog.
        Assert.Equal(lang, Get<StringToken>(catalog, "Lang").Data);
        // 07-002 (DisplayDocTitle) and 06-003 (dc:title in the metadata stream), 06-002 (pdfuaid:part).
        Assert.True(Get<BooleanToken>(Get<DictionaryToken>(catalog, "ViewerPreferences"), "DisplayDocTitle").Data);
        Assert.True(pdf.TryGetXmpMetadata(out var metadata));
        var xmp = XDocument.Parse(System.Text.Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()));
        Assert.Equal("1", xmp.Descendants(XName.Get("part", "http://www.aiim.org/pdfua/ns/id/")).Single().Value);
        Assert.Equal(pdf.Information.Title, xmp.Descendants(XName.Get("title", "http://purl.org/dc/elements/1.1/")).Single().Value);
        foreach (var page in pdf.GetPages())
        {
            var dictionary = page.Dictionary;
            // 01-005 (content tagged): every page is in the ParentTree; 28-002 (annotations): /Tabs /S.
            Assert.True(dictionary.ContainsKey(NameToken.Create("StructParents")), $"page {page.Number} has no /StructParents");
            Assert.Equal("S", Get<NameToken>(dictionary, "Tabs").Data);
            if (!dictionary.Data.ContainsKey("Annots")) continue;
            foreach (var annotation in Get<ArrayToken>(dictionary, "Annots").Data.Select(a => (DictionaryToken)pdf.Structure.GetObject(((IndirectReferenceToken)a).Data).Data))
            {
                // 28-004 (annotation in the structure) and 28-008 / 7.18.5 (link /Contents).
                Assert.True(annotation.ContainsKey(NameToken.Create("StructParent")), $"an annotation on page {page.Number} has no /StructParent");
                Assert.NotEmpty(Get<IDataToken<string>>(annotation, "Contents").Data);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Fonts_are_embedded_and_map_to_Unicode(string id, string lang)
    {
        // 31-009 (embedded), 31-027 (ToUnicode for every glyph): every letter PdfPig reads has a value.
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        foreach (var page in pdf.GetPages())
            Assert.DoesNotContain(page.Letters, l => l.Value.Length == 0 || l.Value.Contains('\uFFFD'));
        var fonts = ExternalTool.RunOnFile("pdffonts", "{file}", RenderedEditions.Pdf(id, lang), "pdf");
        Assert.DoesNotContain(" no ", fonts);
    }

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Every_note_has_a_unique_ID_found_through_the_IDTree(string id, string lang)
    {
        // 19-003 (ID entry of the Note tag is not present), 19-004 (ID not unique); read with qpdf.
        var pdf = QpdfObjects.Of(RenderedEditions.Pdf(id, lang));
        var notes = pdf.All.Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object
            && o.Value.TryGetProperty("/Type", out var t) && t.GetString() == "/StructElem" && o.Value.GetProperty("/S").GetString() == "/Note").ToList();
        Assert.Equal(RenderedEditions.PrintDocument(id, lang).Notes().Distinct().Count(), notes.Count);
        if (notes.Count == 0) return; // the seed's English has no notes
        var ids = notes.Select(n => n.Value.GetProperty("/ID").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var names = pdf.Get(pdf.Get(pdf.Catalog.GetProperty("/StructTreeRoot")).GetProperty("/IDTree")).GetProperty("/Names").EnumerateArray().ToList();
        var tree = Enumerable.Range(0, names.Count / 2).ToDictionary(i => names[2 * i].GetString()!, i => names[2 * i + 1].GetString()!);
        foreach (var (reference, value) in notes) Assert.Equal(reference, tree[value.GetProperty("/ID").GetString()!]);
    }
}
