using System.Globalization;

namespace Asan.Briefs.Pdf.Drawing;

/// <summary>
/// ICC profiles as ICCBased colour space streams (ISO 32000-1 §8.6.5.5), read and compressed once per
/// process: the print file's press profile is large, and every edition embeds the same bytes.
/// </summary>
internal sealed class ColorProfiles
{
    private readonly Dictionary<string, byte[]> _deflated = new(StringComparer.Ordinal);

    /// <summary>Writes the profile's stream and returns its object number.</summary>
    /// <param name="components">3 for RGB, 4 for CMYK: the /N the profile must have.</param>
    public int Write(PdfFile file, string path, int components)
    {
        byte[] data;
        lock (_deflated)
        {
            if (!_deflated.TryGetValue(path, out data!))
            {
                var profile = File.ReadAllBytes(path);
                var space = profile.Length >= 20 ? System.Text.Encoding.ASCII.GetString(profile, 16, 4) : "";
                if (space != (components == 4 ? "CMYK" : "RGB "))
                    throw new InvalidDataException($"{path}: an ICC profile of colour space {(components == 4 ? "CMYK" : "RGB")} is needed here, not '{space.Trim()}'");
                _deflated[path] = data = PdfFile.Deflate(profile);
            }
        }
        // No /Alternate: a reader without colour management falls back on N's device space anyway, and
        // naming DeviceRGB in the print file would read as RGB to a PDF/X preflight.
        return file.AddStream($"/N {components.ToString(CultureInfo.InvariantCulture)} /Filter /FlateDecode", data, compress: false);
    }
}
