using Asan.Briefs.Tests.Support;
using Asan.Briefs.Typography;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Typesetting;

/// <summary>Latin inside Korean text, read back with PdfPig: which face each symbol and quote was set in.</summary>
public class LatinInKoreanTests
{
    public static IEnumerable<object[]> KoreanEditions() => RenderedEditions.All().Where(e => (string)e[1] == "ko");

    private static bool IsLatinFace(string? fontName) => fontName is not null && fontName.Contains("Noto", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(KoreanEditions))]
    public void Ascii_symbols_and_dashes_come_from_the_Latin_face_and_quote_pairs_from_one_face(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Length == 1).ToList();
        var symbols = letters.Where(l => TextRules.TakesLatinFace(l.Value[0])).ToList();
        Assert.True(symbols.Count > 5, $"only {symbols.Count} symbols in the edition");
        var wrong = symbols.Where(l => !IsLatinFace(l.FontName)).Select(l => $"'{l.Value}' in {l.FontName}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));

        var pairs = 0;
        var open = new Stack<UglyToad.PdfPig.Content.Letter>();
        foreach (var l in letters)
        {
            var c = l.Value[0];
            if (c is '“' or '‘') open.Push(l);
            else if ((c == '”' && open.TryPeek(out var o) && o.Value == "“") || (c == '’' && open.TryPeek(out o) && o.Value == "‘"))
            {
                var opener = open.Pop();
                Assert.True(opener.FontName == l.FontName, $"{opener.Value}…{l.Value} set in {opener.FontName} and {l.FontName}");
                pairs++;
            }
        }
        Assert.True(pairs > 0, "no quote pair found");
    }
}
