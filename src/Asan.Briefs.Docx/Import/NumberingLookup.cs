using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx.Import;

/// <summary>What a list paragraph's numbering says: bullet or number, which abstract list, where it restarts.</summary>
internal sealed record ListMark(int NumId, int AbstractId, int Level, bool Ordered, bool Hidden, int? Restart, int Start);

/// <summary>
/// Reads numbering.xml. Word and LibreOffice both re-number on saving (LibreOffice gives an ordered
/// list one instance per item, the first with a restart), so lists are told apart by their abstract
/// numbering and restarts, never by instance id alone.
/// </summary>
internal sealed class NumberingLookup
{
    private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> Restarts)> _nums = new();
    private readonly Dictionary<(int AbstractId, int Level), (string Format, int Start)> _levels = new();

    public NumberingLookup(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null) return;
        foreach (var abstractNum in numbering.Elements<AbstractNum>())
        {
            var id = abstractNum.AbstractNumberId?.Value ?? -1;
            foreach (var level in abstractNum.Elements<Level>())
            {
                var format = level.NumberingFormat?.Val?.InnerText ?? "decimal";
                _levels[(id, level.LevelIndex?.Value ?? 0)] = (format, level.StartNumberingValue?.Val?.Value ?? 1);
            }
        }
        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            var restarts = new Dictionary<int, int>();
            foreach (var over in num.Elements<LevelOverride>())
                if (over.StartOverrideNumberingValue?.Val?.Value is { } start) restarts[over.LevelIndex?.Value ?? 0] = start;
            _nums[num.NumberID?.Value ?? -1] = (num.AbstractNumId?.Val?.Value ?? -1, restarts);
        }
    }

    /// <summary>The paragraph's list mark, or null when it is not numbered (numId 0 switches numbering off).</summary>
    public ListMark? Of(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        if (numPr?.NumberingId?.Val?.Value is not { } numId || numId == 0) return null;
        if (!_nums.TryGetValue(numId, out var num)) return null;
        var level = numPr.NumberingLevelReference?.Val?.Value ?? 0;
        var (format, start) = _levels.TryGetValue((num.AbstractId, level), out var l) ? l : ("decimal", 1);
        int? restart = num.Restarts.TryGetValue(level, out var r) ? r : null;
        return new ListMark(numId, num.AbstractId, level, format != "bullet", format == "none", restart, restart ?? start);
    }
}
