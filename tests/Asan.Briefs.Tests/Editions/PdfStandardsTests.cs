using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Reading;
using Asan.Briefs.Templating;
using Asan.Briefs.Tests.Support;
using UglyToad.PdfPig;

namespace Asan.Briefs.Tests.Editions;

/// <summary>What the PDF standards ask of every PDF, read back with poppler, qpdf and PdfPig.</summary>
public partial class PdfStandardsTests
{
    public static IEnumerable<object[]> AllEditions() => RenderedEditions.All();

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Pdfinfo_shows_exact_A4_and_pdffonts_only_embedded_subsets_with_ToUnicode(string id, string lang)
    {
        var pdf = RenderedEditions.Pdf(id, lang);
        var info = ExternalTool.RunOnFile("pdfinfo", "{file}", pdf, "pdf");
        Assert.Contains("Page size:       595.276 x 841.89 pts (A4)", info);
        var fonts = ExternalTool.RunOnFile("pdffonts", "{file}", pdf, "pdf").Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        foreach (var line in fonts)
            Assert.Matches(FontLine(), line);
    }

    // name, "CID TrueType", "Identity-H", then emb sub uni all "yes".
    [GeneratedRegex(@"^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0\s*$")]
    private static partial Regex FontLine();

    [Theory]
    [MemberData(nameof(AllEditions))]
    public void Ligatures_read_back_as_plain_letters(string id, string lang)
    {
        using var pdf = PdfDocument.Open(RenderedEditions.Pdf(id, lang));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value).ToList();
        Assert.DoesNotContain(letters, l => l.Any(c => c is >= '\uFB00' and <= '\uFB06'));
        if (id == Repository.FeatureTour && lang == "en")
            Assert.Contains("fi", letters); // the tour sets "fi" with the font's ligature glyph
    }

    private const string HardTitle = "R&D < 5% of \\\"GDP\\\" & <b>bold</b>";
    private const string HardKoreanTitle = "연구 & 개발 < \\\"5%\\\" 한일관계";

    [Theory]
    [InlineData("en")]
    [InlineData("ko")]
    public void Xmp_is_well_formed_and_agrees_with_Info_for_titles_with_markup_characters(string lang)
    {
        using var scratch = new ScratchBrief();
        scratch.Write("brief.yaml", ScratchBrief.Yaml
            .Replace("title: { en: \"A Test Brief\", ko: \"시험 브리프\" }", $"title: {{ en: \"{HardTitle}\", ko: \"{HardKoreanTitle}\" }}")
            .Replace("summary: { en: \"Summary.\", ko: \"요약.\" }", "summary: { en: \"Less < more & \\\"quoted\\\".\", ko: \"요약 & <요약>.\" }"));
        var brief = BriefReader.Read(scratch.Directory);
        var bytes = new Publisher(scratch.Workspace, new BuildStamp(null)).Render(brief, lang, OutputFormat.Pdf).Single().Bytes;
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.TryGetXmpMetadata(out var metadata), "no XMP metadata");
        var xmp = XDocument.Parse(System.Text.Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()));
        XNamespace rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", dc = "http://purl.org/dc/elements/1.1/",
            xmpNs = "http://ns.adobe.com/xap/1.0/", pdfNs = "http://ns.adobe.com/pdf/1.3/";
        string One(XName name) => xmp.Descendants(name).Single().Value;
        var info = pdf.Information;
        Assert.Contains(lang == "en" ? "R&D < 5%" : "연구 & 개발 <", info.Title);
        Assert.Equal(info.Title, xmp.Descendants(dc + "title").Single().Descendants(rdf + "li").Single().Value);
        Assert.Equal(info.Subject, xmp.Descendants(dc + "description").Single().Descendants(rdf + "li").Single().Value);
        Assert.Equal(info.Author!.Split(", "), xmp.Descendants(dc + "creator").Single().Descendants(rdf + "li").Select(e => e.Value));
        Assert.Equal(info.Producer, One(pdfNs + "Producer"));
        Assert.Equal(info.Keywords, One(pdfNs + "Keywords"));
        Assert.Equal(info.Creator, One(xmpNs + "CreatorTool"));
        Assert.Equal(XmpDate(info.CreationDate!), One(xmpNs + "CreateDate"));
        Assert.Equal(XmpDate(info.ModifiedDate!), One(xmpNs + "ModifyDate"));
    }

    /// <summary>D:20220429000000Z → 2022-04-29T00:00:00Z.</summary>
    private static string XmpDate(string pdfDate)
    {
        var m = Regex.Match(pdfDate, @"^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$");
        Assert.True(m.Success, $"not a UTC PDF date: {pdfDate}");
        return $"{m.Groups[1]}-{m.Groups[2]}-{m.Groups[3]}T{m.Groups[4]}:{m.Groups[5]}:{m.Groups[6]}Z";
    }

    [Fact]
    public void Builds_in_UTC_and_Seoul_give_identical_bytes_with_and_without_SOURCE_DATE_EPOCH()
    {
        using var scratch = new ScratchBrief();
        var cli = Path.Combine(AppContext.BaseDirectory, "asan-briefs.dll");
        Dictionary<string, byte[]> Build(string zone, string? epoch)
        {
            var output = Path.Combine(scratch.Root, $"out-{zone.Replace('/', '-')}-{epoch ?? "none"}");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { cli, "build", "--root", scratch.Root, "--out", output, "--format", "pdf,print", "--force" }) start.ArgumentList.Add(a);
            start.Environment["TZ"] = zone;
            if (epoch is null) start.Environment.Remove("SOURCE_DATE_EPOCH");
            else start.Environment["SOURCE_DATE_EPOCH"] = epoch;
            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"build in {zone} exited {process.ExitCode}: {errors}{log.Result}");
            return Directory.EnumerateFiles(output, "*.pdf", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(output, f), File.ReadAllBytes);
        }
        CopyTemplates(scratch.Root);
        foreach (var epoch in new[] { null, "1700000000" })
        {
            var utc = Build("UTC", epoch);
            var seoul = Build("Asia/Seoul", epoch);
            Assert.Equal(4, utc.Count); // the web and the print PDF of each language
            Assert.Equal(utc.Keys.Order(), seoul.Keys.Order());
            foreach (var (name, bytes) in utc) Assert.True(bytes.SequenceEqual(seoul[name]), $"{name} differs between UTC and Asia/Seoul (SOURCE_DATE_EPOCH {epoch ?? "unset"})");
        }
    }

    private static void CopyTemplates(string root)
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "templates", Path.GetRelativePath(Repository.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
