using System.Collections.Concurrent;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.PrintMarkup;

namespace Asan.Briefs.Tests.Support;

/// <summary>Every edition of the repository's briefs, rendered once per test run through the real pipeline.</summary>
public static class RenderedEditions
{
    private static readonly ConcurrentDictionary<(string, string), Lazy<IReadOnlyList<OutputFile>>> Rendered = new();

    public static IEnumerable<object[]> All() =>
        Repository.BriefIds.SelectMany(id => Repository.Brief(id).Languages.Select(lang => new object[] { id, lang }));

    public static IReadOnlyList<OutputFile> Files(string briefId, string lang) =>
        Rendered.GetOrAdd((briefId, lang), key => new Lazy<IReadOnlyList<OutputFile>>(() =>
            Repository.Publisher.Render(Repository.Brief(key.Item1), key.Item2, OutputFormat.All))).Value;

    public static byte[] File(string briefId, string lang, string extension) =>
        Files(briefId, lang).Single(f => f.RelativePath == $"{briefId}/{briefId}.{lang}.{extension}").Bytes;

    public static byte[] Pdf(string briefId, string lang) => File(briefId, lang, "pdf");

    /// <summary>The PDF/X-4 print file.</summary>
    public static byte[] Print(string briefId, string lang) => File(briefId, lang, "print.pdf");

    public static byte[] Docx(string briefId, string lang) => File(briefId, lang, "docx");

    public static PrintDocument PrintDocument(string briefId, string lang) =>
        Repository.Publisher.PrintDocument(Repository.Brief(briefId), lang);
}
