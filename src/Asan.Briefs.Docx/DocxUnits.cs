using System.Globalization;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Docx;

/// <summary>Word's units from the theme's points.</summary>
internal static class DocxUnits
{
    public static string Twips(double points) => Length.ToTwips(points).ToString(CultureInfo.InvariantCulture);
}
