using System.Text.Json;
using System.Text.RegularExpressions;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// A PDF's objects as qpdf reads them (`qpdf --json`, format 2, streams decoded and inlined): the
/// standards tests look at catalog, pages, fonts and streams through a parser we did not write.
/// Values keep qpdf's spelling: names "/Name", references "5 0 R", text "u:…", bytes "b:…".
/// </summary>
public sealed partial class QpdfObjects
{
    private readonly Dictionary<string, JsonElement> _objects = new(StringComparer.Ordinal);

    private QpdfObjects(JsonDocument json)
    {
        var qpdf = json.RootElement.GetProperty("qpdf");
        PdfVersion = qpdf[0].GetProperty("pdfversion").GetString()!;
        foreach (var entry in qpdf[1].EnumerateObject())
            _objects[entry.Name.StartsWith("obj:", StringComparison.Ordinal) ? entry.Name[4..] : entry.Name] = entry.Value;
    }

    public static QpdfObjects Of(byte[] pdf) =>
        new(JsonDocument.Parse(ExternalTool.RunOnFile("qpdf", "--json --json-stream-data=inline --decode-level=generalized {file}", pdf, "pdf")));

    public string PdfVersion { get; }

    public JsonElement Trailer => _objects["trailer"].GetProperty("value");

    public JsonElement Catalog => Get(Trailer.GetProperty("/Root"));

    /// <summary>Every object number with its value (a stream's dictionary for streams).</summary>
    public IEnumerable<(string Reference, JsonElement Value)> All =>
        _objects.Where(o => o.Key != "trailer").Select(o => (o.Key, Dictionary(o.Value)));

    /// <summary>The pages in order, following /Kids from the page tree's root.</summary>
    public IReadOnlyList<JsonElement> Pages
    {
        get
        {
            var pages = new List<JsonElement>();
            void Walk(JsonElement node)
            {
                if (node.TryGetProperty("/Kids", out var kids)) foreach (var kid in kids.EnumerateArray()) Walk(Get(kid));
                else pages.Add(node);
            }
            Walk(Get(Catalog.GetProperty("/Pages")));
            return pages;
        }
    }

    /// <summary>An indirect reference resolved (a stream gives its dictionary); any other value as it is.</summary>
    public JsonElement Get(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Reference().IsMatch(value.GetString()!) ? Dictionary(_objects[value.GetString()!]) : value;

    /// <summary>The decoded data of the stream <paramref name="reference"/> points to.</summary>
    public byte[] Data(JsonElement reference)
    {
        var stream = _objects[reference.GetString()!].GetProperty("stream");
        return Convert.FromBase64String(stream.GetProperty("data").GetString()!);
    }

    /// <summary>The named destinations (/Names /Dests): name → index of the page it is on.</summary>
    public Dictionary<string, int> Destinations()
    {
        var pageIndex = Pages.Select((p, i) => (p.GetRawText(), i)).ToDictionary(p => p.Item1, p => p.i);
        var dests = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = Get(Get(Catalog.GetProperty("/Names")).GetProperty("/Dests")).GetProperty("/Names").EnumerateArray().ToList();
        for (var i = 0; i + 1 < names.Count; i += 2)
            dests[Text(names[i].GetString()!)] = pageIndex[Get(Get(names[i + 1])[0]).GetRawText()];
        return dests;
    }

    /// <summary>A string as qpdf's JSON writes it: u: for text, b: for bytes in hex (our names are UTF-8).</summary>
    public static string Text(string json) =>
        json.StartsWith("b:", StringComparison.Ordinal) ? System.Text.Encoding.UTF8.GetString(Convert.FromHexString(json[2..])) : json.StartsWith("u:", StringComparison.Ordinal) ? json[2..] : json;

    public bool IsStream(string reference) => _objects[reference].TryGetProperty("stream", out _);

    /// <summary>A number box such as /MediaBox as four doubles.</summary>
    public double[] Box(JsonElement page, string key) => Get(page.GetProperty(key)).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static JsonElement Dictionary(JsonElement entry) =>
        entry.TryGetProperty("stream", out var stream) ? stream.GetProperty("dict") : entry.GetProperty("value");

    [GeneratedRegex(@"^\d+ \d+ R$")]
    private static partial Regex Reference();
}
