using Asan.Briefs.Images;

namespace Asan.Briefs.Reading;

/// <summary>
/// How deep lists and quotes may nest and how many pixels a figure may have (theme.yaml `limits:`).
/// Deeper or larger content is an error where it is written: the PDF sets every level up to these,
/// and no output drops what lies beyond them.
/// </summary>
public sealed record ContentLimits(int ListDepth, int QuoteDepth, long ImagePixels)
{
    public static readonly ContentLimits Default = new(6, 6, PngImage.DefaultMaxPixels);
}
