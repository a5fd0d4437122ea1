namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// From the layout's page (origin top left, y down, the trimmed page) to PDF user space (origin bottom
/// left, y up), shifted by what a print file adds on every side (bleed, and room for crop marks).
/// Every coordinate the writer emits goes through here, so content, links and destinations move together.
/// </summary>
internal readonly record struct PageFrame(double Height, double Margin)
{
    public double X(double x) => x + Margin;

    public double Y(double y) => Height + Margin - y;
}
