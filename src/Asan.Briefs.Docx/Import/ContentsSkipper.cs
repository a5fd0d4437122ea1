using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx.Import;

/// <summary>
/// Finds the paragraphs of a draft's table of contents, which the writer makes from the headings and
/// the importer must not read as content: the "TOC Heading" paragraph, every paragraph in a "toc N"
/// style (Word's and LibreOffice's names), and every paragraph between the begin and end of a TOC
/// field, as Word writes it after updating the field (with PAGEREF fields nested in its entries).
/// </summary>
internal sealed class ContentsSkipper
{
    private int _depth;   // fields open in the TOC field's result, the TOC field itself included

    public bool Skip(Paragraph paragraph, string? style)
    {
        var inField = _depth > 0;
        foreach (var element in paragraph.Descendants())
        {
            if (element is FieldChar { FieldCharType.Value: var type })
            {
                if (type == FieldCharValues.Begin && _depth > 0) _depth++;
                else if (type == FieldCharValues.End && _depth > 0) _depth--;
            }
            else if (element is FieldCode code && _depth == 0 && IsContentsField(code.Text))
            {
                _depth = 1;
                inField = true;
            }
            else if (element is SimpleField simple && IsContentsField(simple.Instruction?.Value)) inField = true;
        }
        return inField || style is "contents-heading" || (style is not null && WordStyles.ContentsLevel(style) is not null);
    }

    private static bool IsContentsField(string? instruction) =>
        instruction is not null && instruction.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase)
        && (instruction.TrimStart().Length == 3 || char.IsWhiteSpace(instruction.TrimStart()[3]));
}
