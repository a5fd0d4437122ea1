using System.Text;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Resolution;
using Asan.Briefs.Theming;
using Asan.Briefs.Typography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>Inlines: runs with language tags per script, hyperlinks, note references and fields.</summary>
internal sealed partial class BodyBuilder
{
    /// <param name="afterSpace">The runs follow a space of their own (a footnote's text after its mark): the space is the first run.</param>
    private List<OpenXmlElement> Inlines(IReadOnlyList<PrintInline> inlines, OpenXmlPart part, ParagraphStyle style, bool afterSpace = false)
    {
        // Digits and common punctuation for note numbers, page fields and list numbers in this style.
        _state.Use(style, false, false, " 0123456789.,:;()-/");
        foreach (var text in inlines.OfType<PrintText>())
            _state.Use(text.Code ? style with { FontRole = _ctx.Theme.CodeFontRole } : style, text.Bold, text.Italic, text.Text);
        foreach (var call in inlines.OfType<PrintNoteCall>()) _state.Use(style, false, false, call.Note.Mark);
        var result = new List<OpenXmlElement>();
        Hyperlink? link = null;
        string? linkHref = null;
        var sequence = SequenceText.Of(inlines);
        var scripts = ParagraphScripts(sequence);
        var trims = BracketTrims(sequence, scripts, style, afterSpace);
        if (afterSpace)
        {
            var space = new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve });
            if (trims?.Space is { } trim) space.PrependChild(new RunProperties { Spacing = Condensed(trim, style) });
            result.Add(space);
        }
        for (var i = 0; i < inlines.Count; i++)
        {
            var inline = inlines[i];
            var href = (inline as PrintText)?.Href;
            if (href != linkHref)
            {
                link = href is null ? null : NewHyperlink(href, part);
                if (link is not null) result.Add(link);
                linkHref = href;
            }
            foreach (var element in InlineElements(inline, href is not null, part, style, scripts, trims?.After, sequence.Start(i)))
            {
                if (link is not null) link.Append(element);
                else result.Add(element);
            }
        }
        return result;
    }

    private IEnumerable<OpenXmlElement> InlineElements(PrintInline inline, bool inLink, OpenXmlPart part, ParagraphStyle style, CharScript[]? scripts, double[]? trims, int offset)
    {
        switch (inline)
        {
            case PrintText text:
            {
                var runStyle = RunStyleOf(text, inLink);
                if (runStyle is not null) _state.UsedStyles.Add(runStyle);
                // A caption's number is Word's caption field (SEQ, as Insert Caption makes it), so Word renumbers it and
                // the importer knows it; a complex field, whose result pandoc and LibreOffice read as text.
                if (text.Sequence is { } sequence)
                {
                    yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Begin });
                    yield return new Run(new FieldCode(SequenceInstruction(sequence)) { Space = SpaceProcessingModeValues.Preserve });
                    yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Separate });
                }
                foreach (var (segment, script, trim) in Segments(text.Text, scripts, trims, offset))
                {
                    var run = new Run();
                    var rPr = SegmentProperties(text, runStyle, inLink, style, script, trim);
                    if (rPr.HasChildren) run.Append(rPr);
                    AppendText(run, segment);
                    yield return run;
                }
                if (text.Sequence is not null) yield return new Run(new FieldChar { FieldCharType = FieldCharValues.End });
                break;
            }
            case PrintNoteCall call when part is MainDocumentPart:
            {
                var id = Footnote(call.Note);
                _state.UsedStyles.Add(WordStyles.FootnoteReferenceId);
                yield return new Run(
                    new RunProperties(new RunStyle { Val = WordStyles.FootnoteReferenceId }),
                    new FootnoteReference { Id = id });
                break;
            }
            case PrintNoteCall call:
                // Notes cannot nest in Word; keep the mark as text.
                yield return new Run(new RunProperties(new RunStyle { Val = WordStyles.FootnoteReferenceId }), new Text(Clean(call.Note.Mark)));
                break;
            case PrintLineBreak:
                yield return new Run(new Break());
                break;
            case PrintField field:
            {
                var code = field.Kind == PrintFieldKind.PageNumber ? " PAGE " : " NUMPAGES ";
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Begin });
                yield return new Run(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve });
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Separate });
                yield return new Run(new Text("1"));
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.End });
                break;
            }
        }
    }

    /// <summary>" SEQ Table \* ARABIC ": the field Word's Insert Caption writes for a figure's or table's number.</summary>
    internal static string SequenceInstruction(string sequence) =>
        $" SEQ {char.ToUpperInvariant(sequence[0])}{sequence[1..]} \\* ARABIC ";

    /// <summary>Text with tabs as Word tabs; characters XML cannot carry are dropped.</summary>
    private static void AppendText(Run run, string text)
    {
        var parts = Clean(text).Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            if (parts[i].Length > 0) run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is '\n' or '\r') builder.Append(' ');
            else if (ch == '\t') builder.Append(ch);
            else if (ch < ' ' || ch is '\uFFFE' or '\uFFFF') continue;
            else if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) builder.Append(ch).Append(text[++i]);
            }
            else if (!char.IsLowSurrogate(ch)) builder.Append(ch);
        }
        return builder.ToString();
    }

    private Hyperlink NewHyperlink(string href, OpenXmlPart part)
    {
        if (LinkTarget.Parse(href) is InternalTarget target)
            return new Hyperlink { Anchor = _bookmarks.Name(target.Anchor), History = true };
        if (!_state.Links.TryGetValue(part, out var ids)) _state.Links[part] = ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!ids.TryGetValue(href, out var id))
        {
            id = $"rIdLink{ids.Count + 1}";
            part.AddHyperlinkRelationship(new ExternalTarget(href).Uri, true, id);
            ids[href] = id;
        }
        return new Hyperlink { Id = id, History = true };
    }
}
