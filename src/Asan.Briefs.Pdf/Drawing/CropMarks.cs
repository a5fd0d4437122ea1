namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// Crop marks of the print file: at each corner of the trimmed page, two short lines on the lines of
/// its edges, starting <see cref="Offset"/> out from the trim (never less than the bleed, so that no
/// mark reaches into the BleedBox and none is printed on the page when it is cut) and running
/// <see cref="Length"/> further out. They are in registration colour and are Artifacts of type Page
/// (ISO 32000-1 §14.8.2.2: "production aids … such as cut marks"), outside the structure tree.
/// </summary>
internal sealed class CropMarks(double bleed)
{
    private const double Millimetre = 72 / 25.4;

    /// <summary>The usual 3 mm from the trim, or the bleed when it is more.</summary>
    public double Offset { get; } = Math.Max(bleed, 3 * Millimetre);

    public double Length => 5 * Millimetre;

    /// <summary>A quarter point: fine enough to cut on, heavy enough to see.</summary>
    public const double Thickness = 0.25;

    /// <summary>Draws the eight marks around a trimmed page of <paramref name="width"/> × <paramref name="height"/> (layout coordinates: trim origin top left).</summary>
    public void Draw(ContentStream content, double width, double height)
    {
        content.Operator("/Artifact << /Type /Page >> BDC");
        foreach (var x in new[] { 0.0, width })
        foreach (var y in new[] { 0.0, height })
        {
            var outX = x == 0 ? -1 : 1;
            var outY = y == 0 ? -1 : 1;
            // On the line of the vertical edge, beyond the top or bottom; on the line of the horizontal edge, beyond the side.
            content.RegistrationLine(x, y + outY * Offset, x, y + outY * (Offset + Length), Thickness);
            content.RegistrationLine(x + outX * Offset, y, x + outX * (Offset + Length), y, Thickness);
        }
        content.Operator("EMC");
    }
}
