using System.Globalization;
using System.Xml.Linq;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// What one kind of PDF file promises beyond tagging (PDF/UA-1, which both carry) and what that
/// changes in the writing: the PDF version, the page boxes, how colour is painted, the output intent,
/// the identification in Info and XMP, and whether link annotations print.
/// </summary>
internal abstract class PdfEdition(PdfSetup setup, ColorProfiles profiles)
{
    public static PdfEdition For(PdfKind kind, PdfSetup setup, ColorProfiles profiles) =>
        kind == PdfKind.Print ? new PrintEdition(setup, profiles) : new WebEdition(setup, profiles);

    protected PdfSetup Setup => setup;
    protected ColorProfiles Profiles => profiles;

    public abstract string Version { get; }

    /// <summary>How far the page (its MediaBox) extends beyond the trimmed page on every side, in points.</summary>
    public virtual double Margin => 0;

    /// <summary>Link annotations print with the page (PDF/A asks it) or not (PDF/X keeps them off the press).</summary>
    public abstract bool LinksPrint { get; }

    public abstract Inks Inks();

    /// <summary>The page dictionary's boxes for a trimmed page of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public abstract string Boxes(double width, double height);

    /// <summary>Writes the output intent (and its profile) and returns the catalog's /OutputIntents array.</summary>
    public abstract string OutputIntents(PdfFile file, int rgbProfile);

    /// <summary>Identification schemas for the XMP packet (pdfuaid is common to both).</summary>
    public abstract IEnumerable<XElement> Xmp();

    /// <summary>Printer's marks drawn on every page after its content; none in the web file.</summary>
    public virtual void Marks(ContentStream content, double width, double height) { }

    /// <summary>More entries for the Info dictionary.</summary>
    public virtual IEnumerable<string> Info() => [];

    protected static string Box(double x0, double y0, double x1, double y1) =>
        $"[{PdfSyntax.Number(x0)} {PdfSyntax.Number(y0)} {PdfSyntax.Number(x1)} {PdfSyntax.Number(y1)}]";

    protected static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The web file: PDF/A-2a (ISO 19005-2, level A) with PDF/UA-1, painted in RGB under an sRGB output intent.</summary>
internal sealed class WebEdition(PdfSetup setup, ColorProfiles profiles) : PdfEdition(setup, profiles)
{
    public override string Version => "1.7";
    public override bool LinksPrint => true;
    public override Inks Inks() => new RgbInks();
    public override string Boxes(double width, double height) => "/MediaBox " + Box(0, 0, width, height);

    // ISO 19005-2 §6.2.3: one PDF/A output intent whose profile is the sRGB the figures are tagged with.
    public override string OutputIntents(PdfFile file, int rgbProfile) =>
        $"[<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) " +
        $"/Info (sRGB IEC61966-2.1) /DestOutputProfile {PdfFile.Ref(rgbProfile)} >>]";

    public override IEnumerable<XElement> Xmp() => [Metadata.PdfA(2, "A"), Metadata.PdfUa(), Metadata.PdfUaExtensionSchema()];
}

/// <summary>
/// The print file: PDF/X-4 (ISO 15930-7) with PDF/UA-1. The trimmed page grows by the theme's bleed on
/// every side (and by room for crop marks, when the theme asks for them); text and rules are DeviceCMYK
/// from the theme's values; figures keep their sRGB profile for the press to convert; the output intent
/// names the registered printing condition and embeds a profile of it.
/// </summary>
internal sealed class PrintEdition(PdfSetup setup, ColorProfiles profiles) : PdfEdition(setup, profiles)
{
    public const string PdfXVersion = "PDF/X-4";

    // PDF/X-4 is defined on PDF 1.6.
    public override string Version => "1.6";
    public override double Margin => Crop is { } m ? m.Offset + m.Length : Setup.Print.Bleed;
    public override bool LinksPrint => false;
    public override Inks Inks() => new CmykInks(Setup.Print.CmykByHex);

    private CropMarks? Crop => Setup.Print.CropMarks ? new CropMarks(Setup.Print.Bleed) : null;

    public override string Boxes(double width, double height)
    {
        var m = Margin;
        var b = Setup.Print.Bleed;
        return $"/MediaBox {Box(0, 0, width + 2 * m, height + 2 * m)} /BleedBox {Box(m - b, m - b, width + m + b, height + m + b)} " +
            $"/TrimBox {Box(m, m, width + m, height + m)}";
    }

    public override void Marks(ContentStream content, double width, double height) => Crop?.Draw(content, width, height);

    public override string OutputIntents(PdfFile file, int rgbProfile)
    {
        var print = Setup.Print;
        var profile = Profiles.Write(file, print.ProfilePath, components: 4);
        var condition = print.ConditionText.Length > 0 ? " /OutputCondition " + PdfSyntax.Text(print.ConditionText) : "";
        return $"[<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier {PdfSyntax.Text(print.Condition)}{condition} " +
            $"/RegistryName (http://www.color.org) /Info {PdfSyntax.Text(print.Condition)} /DestOutputProfile {PdfFile.Ref(profile)} >>]";
    }

    public override IEnumerable<XElement> Xmp() => [Metadata.PdfX(PdfXVersion), Metadata.PdfUa()];

    // ISO 15930-7 §6.7: the version key and a definite trapping state.
    public override IEnumerable<string> Info() => ["/GTS_PDFXVersion " + PdfSyntax.Literal(PdfXVersion), "/Trapped /False"];
}
