using System.Buffers.Binary;
using Asan.Briefs.Diagnostics;
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

    private void Figure(PrintFigure figure, Context ctx)
    {
        var relId = Image(figure.Source);
        var (pixelWidth, pixelHeight) = PngSize(figure.Source);
        var width = _ctx.ContentWidth * Math.Clamp(figure.WidthFraction, 0.05, 1);
        var height = width * pixelHeight / pixelWidth;
        var maxHeight = _ctx.Document.Page.ContentHeight * 0.7;
        if (height > maxHeight) { width *= maxHeight / height; height = maxHeight; }

        var paragraph = NewParagraph(StyleIn(figure, ctx), ctx, figure);
        var pPr = paragraph.ParagraphProperties!;
        // The picture sits on a line of its own height: exact line spacing would clip it.
        var figureStyle = _ctx.Theme.Style(_ctx.Theme.HasStyle(figure.Style) ? figure.Style : "body", _ctx.Document.Lang);
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
            var p = TextParagraph(caption.Style, caption.Inlines, inner, caption);
            if (figure.Credit is not null) (p.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
            _state.Body.Add(p);
        }
        if (figure.Credit is { } credit)
            _state.Body.Add(TextParagraph(credit.Style, credit.Inlines, inner, credit));
    }

    private string Image(string path)
    {
        if (_state.Images.TryGetValue(path, out var id)) return id;
        if (!File.Exists(path))
            throw new BriefException(DisplayPath.Of(path), 0, 0, "figure image not found; check the figure's src in the content");
        id = $"rIdImage{_state.Images.Count + 1}";
        var part = _ctx.Main.AddImagePart(ImagePartType.Png, id);
        using (var stream = File.OpenRead(path)) part.FeedData(stream);
        _state.Images[path] = id;
        return id;
    }

    private static (double Width, double Height) PngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using (var stream = File.OpenRead(path))
        {
            if (stream.Read(header) < 24 || header[0] != 0x89 || header[1] != (byte)'P' || header[2] != (byte)'N' || header[3] != (byte)'G')
                throw new BriefException(DisplayPath.Of(path), 0, 0, "not a PNG image; figures must be PNG files");
        }
        var w = BinaryPrimitives.ReadUInt32BigEndian(header[16..20]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(header[20..24]);
        if (w == 0 || h == 0) throw new BriefException(DisplayPath.Of(path), 0, 0, "PNG image has no size");
        return (w, h);
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
