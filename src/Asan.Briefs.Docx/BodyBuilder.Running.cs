using Asan.Briefs.PrintMarkup;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asan.Briefs.Docx;

/// <summary>Running heads and feet: one paragraph per part with tab-separated slots.</summary>
internal sealed partial class BodyBuilder
{

    /// <summary>The running head or foot as one paragraph: left slot, tab, centre slot, tab, right slot.</summary>
    public OpenXmlElement[] Running(RunningContent running, OpenXmlPart part, bool isHeader)
    {
        var style = running.Slots.Count > 0 ? Doc.StyleOf(running.Slots[0]) : Doc.Style(isHeader ? "header" : "footer");
        var paragraph = NewParagraph(style, Context.Flow);
        var pPr = paragraph.ParagraphProperties!;
        if (style.Name is not ("header" or "footer")) pPr.Tabs = StylesBuilder.RunningTabs(_ctx.ContentWidth);
        if (running.RuleThickness > 0)
        {
            var color = StylesBuilder.Hex(_ctx.Theme.Colors.TryGetValue("rule", out var rule) ? rule : "#9aa3ad");
            var size = StylesBuilder.Eighths(running.RuleThickness);
            pPr.ParagraphBorders = isHeader
                ? new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = size, Space = 4, Color = color })
                : new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = size, Space = 4, Color = color });
        }
        SlotAlign? at = null;
        foreach (var slot in running.Slots.OrderBy(s => s.Align))
        {
            var tabs = slot.Align - (at ?? SlotAlign.Left);
            for (var i = 0; i < tabs; i++) paragraph.Append(new Run(new TabChar()));
            paragraph.Append(Inlines(slot.Inlines, part, Doc.StyleOf(slot)));
            at = slot.Align;
        }
        return [paragraph];
    }

    public OpenXmlElement[] EmptyRunning(bool isHeader) => [NewParagraph(Doc.Style(isHeader ? "header" : "footer"), Context.Flow)];
}
