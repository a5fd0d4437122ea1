using Asan.Briefs.Diagnostics;
using Asan.Briefs.Docx.Import;
using Asan.Briefs.Reading;
using Asan.Briefs.Tests.Support;
using Asan.Briefs.Writing;

namespace Asan.Briefs.Tests.Import;

/// <summary>Imports a draft of one of the repository's briefs, as the import command does, into Markdown.</summary>
public static class ImportSupport
{
    public static string BodyPath(string briefId, string lang) => Path.Combine(Repository.Content, briefId, $"body.{lang}.md");

    public static ImportTarget Target(string briefId, string lang)
    {
        var brief = Repository.Brief(briefId);
        var problems = new List<Diagnostic>();
        var body = MarkdownBodyReader.Read(brief.Directory, lang, BodyPath(briefId, lang), problems);
        return ImportTarget.Of(brief.Directory, body, []);
    }

    public static ImportedDraft Read(string briefId, string lang, byte[] docx)
    {
        var path = Path.Combine(Path.GetTempPath(), $"asan-import-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, docx);
        try { return DocxDraftReader.Read(path, Target(briefId, lang)); }
        finally { File.Delete(path); }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), Lazy<byte[]>> Resaved = new();

    /// <summary>The edition's draft after a re-save by LibreOffice (`soffice --convert-to docx`): one conversion per edition and test run, it is slow.</summary>
    public static byte[] ResavedByLibreOffice(string briefId, string lang) =>
        Resaved.GetOrAdd((briefId, lang), key => new Lazy<byte[]>(() =>
            ResaveWithLibreOffice(RenderedEditions.Docx(key.Item1, key.Item2), $"{key.Item1}.{key.Item2}.docx"))).Value;

    /// <summary>A draft as LibreOffice saves it again (`soffice --headless --convert-to docx`).</summary>
    public static byte[] ResaveWithLibreOffice(byte[] docx, string fileName) => LibreOffice.Convert([(fileName, docx)], "docx")[0];

    public static string Markdown(string briefId, ImportedDraft draft) =>
        MarkdownBodyWriter.Write(draft.Body, Repository.Brief(briefId).Directory);
}
