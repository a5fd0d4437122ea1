using Asan.Briefs.Templating;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// Heading ids and note labels back from the bookmark names the writer gave them. The print markup
/// lower-cases ids and Word allows only letters, digits and underscores, so a name is matched first
/// against the ids and labels the brief already has; a new one is read as written, '_' as '-'.
/// </summary>
internal sealed class DraftNames
{
    private const string NotePrefix = "note-";

    private readonly Dictionary<string, string> _headings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _notes = new(StringComparer.OrdinalIgnoreCase);

    public DraftNames(ImportTarget target)
    {
        foreach (var id in target.HeadingIds) _headings.TryAdd(WordBookmarks.BaseName(BriefViewBuilder.AnchorId(id)), id);
        foreach (var label in target.NoteLabels) _notes.TryAdd(WordBookmarks.BaseName(NotePrefix + BriefViewBuilder.AnchorId(label)), label);
    }

    public static bool IsNote(string bookmark) => bookmark.StartsWith("note_", StringComparison.OrdinalIgnoreCase);

    public string Heading(string bookmark) => _headings.TryGetValue(bookmark, out var id) ? id : Decode(bookmark);

    public string Note(string bookmark) => _notes.TryGetValue(bookmark, out var label) ? label : Decode(bookmark[NotePrefix.Length..]);

    private static string Decode(string name) => name.Replace('_', '-').ToLowerInvariant();
}
