using System.Globalization;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>
/// Word numbering for the markup's lists: abstract numberings per list kind and marker, the instances
/// paragraphs refer to, and the indents of list text, all from the theme's list style.
/// </summary>
internal sealed class ListNumbering(DocxContext ctx, DocxState state)
{
    public const int MaxLevels = 3;

    private readonly DocxContext _ctx = ctx;
    private readonly DocxState _state = state;
    private readonly Numbering _numbering = new();
    private readonly Dictionary<(bool Ordered, string Pattern), int> _abstractNums = new();
    private readonly Dictionary<int, int> _sharedNums = new();
    private readonly List<NumberingInstance> _nums = [];

    public bool HasInstances => _nums.Count > 0;

    public Numbering Build()
    {
        foreach (var num in _nums) _numbering.Append(num);
        return _numbering;
    }

    public double Hang => Math.Round(_ctx.Theme.Style("list", _ctx.Document.Lang).Size * 1.8);

    public double TextIndent(int level) =>
        (_ctx.Theme.HasStyle("list") ? _ctx.Theme.Style("list", _ctx.Document.Lang).IndentLeft : 0) + Hang * (level + 1);


    /// <summary>
    /// One abstract numbering per list kind (and marker pattern); bullet lists share one instance,
    /// each ordered list gets its own so that it restarts at its <see cref="PrintList.Start"/>.
    /// </summary>
    public int Instance(PrintList list, int level)
    {
        var marker = list.Items.Count > 0 ? list.Items[0].Marker.Trim() : "";
        var pattern = list.Ordered ? OrderedPattern(marker) : (marker.Length is > 0 and <= 2 ? marker : "\u2022");
        if (!_abstractNums.TryGetValue((list.Ordered, pattern), out var abstractId))
        {
            abstractId = _abstractNums.Count;
            _abstractNums[(list.Ordered, pattern)] = abstractId;
            _numbering.Append(AbstractNumbering(abstractId, list.Ordered, pattern));
        }
        if (!list.Ordered && _sharedNums.TryGetValue(abstractId, out var shared)) return shared;
        var numId = _nums.Count + 1;
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId };
        if (list.Ordered)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = list.Start }) { LevelIndex = level });
        else
            _sharedNums[abstractId] = numId;
        _nums.Add(instance);
        return numId;
    }

    /// <summary>"1." → "{0}." and "(1)" → "({0})": the template's marker with the number left open.</summary>
    private static string OrderedPattern(string marker)
    {
        var start = marker.IndexOfAny("0123456789".ToCharArray());
        if (start < 0) return "{0}.";
        var end = start;
        while (end < marker.Length && char.IsAsciiDigit(marker[end])) end++;
        return marker[..start].Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            + "{0}" + marker[end..].Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    private AbstractNum AbstractNumbering(int id, bool ordered, string pattern)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        var listStyle = _ctx.Resolved.Style("list");
        var latin = _ctx.Theme.Face(listStyle.FontRole, Script.Latin, false, false, _ctx.Resolved.Lang).Family;
        _state.Use(listStyle, false, false, pattern);
        for (var level = 0; level < MaxLevels; level++)
        {
            var text = ordered ? string.Format(CultureInfo.InvariantCulture, pattern, $"%{level + 1}") : pattern;
            var lvl = new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = ordered ? NumberFormatValues.Decimal : NumberFormatValues.Bullet },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = DocxUnits.Twips(TextIndent(level)), Hanging = DocxUnits.Twips(Hang) }))
            { LevelIndex = level };
            if (!ordered)
                lvl.Append(new NumberingSymbolRunProperties(new RunFonts { Ascii = latin, HighAnsi = latin, Hint = FontTypeHintValues.Default }));
            abstractNum.Append(lvl);
        }
        return abstractNum;
    }
}
