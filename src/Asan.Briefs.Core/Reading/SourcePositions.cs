namespace Asan.Briefs.Reading;

/// <summary>
/// Turns an offset in a file's text into the 1-based line and column people see in an editor; columns
/// count characters (a character outside the BMP is one column), as <see cref="ContentText"/> does.
/// </summary>
public sealed class SourcePositions
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public SourcePositions(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        var column = 1;
        foreach (var _ in _text.AsSpan(_lineStarts[line], offset - _lineStarts[line]).EnumerateRunes()) column++;
        return (line + 1, column);
    }
}
