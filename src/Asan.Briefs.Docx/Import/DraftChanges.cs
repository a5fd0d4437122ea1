using DocumentFormat.OpenXml;

namespace Asan.Briefs.Docx.Import;

/// <summary>The tracked changes met while reading, each with the block it was found in.</summary>
internal sealed class DraftChanges
{
    public List<TrackedChange> Changes { get; } = [];

    /// <summary>Where reading is: "section 'diagnosis', paragraph 3".</summary>
    public string Block { get; set; } = "";

    public void Add(OpenXmlElement change, string kind, string text)
    {
        var author = change.GetAttributes().FirstOrDefault(a => a.LocalName == "author").Value ?? "";
        var date = change.GetAttributes().FirstOrDefault(a => a.LocalName == "date").Value ?? "";
        Changes.Add(new TrackedChange(kind, author, date, text, Block));
    }
}
