using Asan.Briefs.Images;
using Asan.Briefs.PrintMarkup;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Asan.Briefs.Docx;

/// <summary>Figures: the picture as an inline drawing on a paragraph of its own, then its caption and credit.</summary>
internal sealed partial class BodyBuilder
{
    private const long EmuPerPoint = 12700;

    protected override void VisitFigure(PrintFigure figure, Context ctx)
    {
        var resolved = Doc.FigureOf(figure);
        var relId = Image(resolved.Image);
        // In a list item the figure is indented to the item's text (the importer's mark) and fits the rest of the measure.
        var indent = (ctx.Number?.Level ?? ctx.ContinuationLevel) is { } level ? _numbering.TextIndent(level) : 0;
        var (width, height) = resolved.SizeIn(_ctx.ContentWidth - indent, _ctx.Document.Page.ContentHeight);

        var figureStyle = Doc.StyleOf(figure);
        var paragraph = NewParagraph(figureStyle, ctx, figure);
        var pPr = paragraph.ParagraphProperties!;
        // The picture sits on a line of its own height: exact line spacing would clip it.
        pPr.SpacingBetweenLines = new SpacingBetweenLines
        {
            Before = DocxUnits.Twips(figureStyle.SpaceBefore), After = DocxUnits.Twips(figureStyle.SpaceAfter), Line = "240", LineRule = LineSpacingRuleValues.Auto,
        };
        if (figure.Caption is not null || figure.Credit is not null) pPr.KeepNext = new KeepNext();
        paragraph.Append(new Run(new Drawing(Inline(relId, figure, (long)Math.Round(width * EmuPerPoint), (long)Math.Round(height * EmuPerPoint)))));
        if (figure.Id is not null) _bookmarks.Add(paragraph, figure.Id);
        _state.Body.Add(paragraph);

        var inner = ctx with { Number = null, ContinuationLevel = ctx.Number?.Level ?? ctx.ContinuationLevel };
        if (figure.Caption is { } caption)
        {
            var p = TextParagraph(Doc.StyleOf(caption), caption.Inlines, inner, caption);
            if (figure.Credit is not null) (p.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
            _state.Body.Add(p);
        }
        if (figure.Credit is { } credit)
            _state.Body.Add(TextParagraph(Doc.StyleOf(credit), credit.Inlines, inner, credit));
    }

    private string Image(PngImage image)
    {
        if (_state.Images.TryGetValue(image.Path, out var id)) return id;
        id = $"rIdImage{_state.Images.Count + 1}";
        var part = _ctx.Main.AddImagePart(ImagePartType.Png, id);
        using (var stream = new MemoryStream(image.Bytes, writable: false)) part.FeedData(stream);
        _state.Images[image.Path] = id;
        return id;
    }

    private DW.Inline Inline(string relId, PrintFigure figure, long cx, long cy)
    {
        var id = (uint)++_state.DrawingId;
        var name = $"Figure {id}";
        return new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = Clean(figure.Alt) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = Path.GetFileName(figure.Source), Description = Clean(figure.Alt) },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        };
    }

}
