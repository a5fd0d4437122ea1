using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>Bookmarks for the markup's ids: unique Word names, each bookmark numbered in document order.</summary>
internal sealed class WordBookmarks
{
    private readonly Dictionary<string, string> _bookmarkNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedBookmarkNames = new(StringComparer.Ordinal);
    private int _bookmarkId;

    public void Add(Paragraph paragraph, string id)
    {
        var name = Name(id);
        var number = (++_bookmarkId).ToString(CultureInfo.InvariantCulture);
        var start = new BookmarkStart { Name = name, Id = number };
        if (paragraph.ParagraphProperties is { } pPr) pPr.InsertAfterSelf(start);
        else paragraph.PrependChild(start);
        paragraph.Append(new BookmarkEnd { Id = number });
    }

    /// <summary>Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters.</summary>
    public string Name(string id)
    {
        if (_bookmarkNames.TryGetValue(id, out var known)) return known;
        var builder = new StringBuilder(Spelled(id));
        var name = builder.Length > 40 ? builder.ToString(0, 40) : builder.ToString();
        for (var n = 2; !_usedBookmarkNames.Add(name); n++)
        {
            var suffix = $"_{n}";
            name = (builder.Length + suffix.Length > 40 ? builder.ToString(0, 40 - suffix.Length) : builder.ToString()) + suffix;
        }
        _bookmarkNames[id] = name;
        return name;
    }

    /// <summary>The name an id takes before it is made unique and cut to 40 characters; the importer matches names by it.</summary>
    public static string BaseName(string id)
    {
        var spelled = Spelled(id);
        return spelled.Length > 40 ? spelled[..40] : spelled;
    }

    private static string Spelled(string id)
    {
        var builder = new StringBuilder();
        foreach (var ch in id) builder.Append(char.IsAsciiLetterOrDigit(ch) ? ch : '_');
        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0])) builder.Insert(0, 'b');
        return builder.ToString();
    }
}
