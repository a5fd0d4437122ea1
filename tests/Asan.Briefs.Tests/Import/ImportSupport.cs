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
        return new ImportTarget(brief.Directory, lang, body.Sections.Where(s => s.Level > 0).Select(s => s.Id).ToList(), body.ReferenceOrder);
    }

    public static ImportedDraft Read(string briefId, string lang, byte[] docx)
    {
        var path = Path.Combine(Path.GetTempPath(), $"asan-import-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, docx);
        try { return DocxDraftReader.Read(path, Target(briefId, lang)); }
        finally { File.Delete(path); }
    }

    public static string Markdown(string briefId, ImportedDraft draft) =>
        MarkdownBodyWriter.Write(draft.Body, Repository.Brief(briefId).Directory);
}
