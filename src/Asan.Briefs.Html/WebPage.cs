using Asan.Briefs.Fonts;

namespace Asan.Briefs.Html;

/// <summary>
/// A web page between its template and its files (<see cref="HtmlEditionWriter.Prepare"/>): checked,
/// and the fonts its CSS refers to known, with the characters of each the page draws, but not cut yet. Cutting
/// them is most of a web edition's time (hb-subset, then WOFF2's Brotli at its slowest; a Korean page's
/// Hangul faces draw hundreds of syllables each), so the cuts are handed out one at a time, the largest
/// first, to whoever calls <see cref="CutFonts"/>: at the end of a build both cores share a page's fonts
/// instead of one cutting them all while the other waits. <see cref="Files"/> then gives the files.
/// </summary>
public sealed class WebPage
{
    private readonly string _html;
    private readonly string _pagePath;
    private readonly IReadOnlyList<Face> _faces;
    private readonly PagePolicy _policy;
    private readonly Func<IEnumerable<(string, byte[])>> _more;
    // The faces to cut, the largest (most characters) first, and the next one to hand out.
    private readonly Face[] _cuts;
    private int _next;

    /// <summary>A font file the page refers to: its characters on the page (null when it draws none: no file, no rule) and, once cut, its subset.</summary>
    internal sealed class Face(string url, FontData font, int[]? kept)
    {
        public string Url { get; } = url;
        public FontData Font { get; } = font;
        public int[]? Kept { get; } = kept;
        public byte[]? Bytes { get; set; }
    }

    internal WebPage(string html, string pagePath, IReadOnlyList<Face> faces, PagePolicy policy, Func<IEnumerable<(string, byte[])>> more)
    {
        (_html, _pagePath, _faces, _policy, _more) = (html, pagePath, faces, policy, more);
        _cuts = faces.Where(f => f.Kept is not null).OrderByDescending(f => f.Kept!.Length).ToArray();
    }

    /// <summary>Cuts the page's fonts not yet taken, one at a time, until none is left; any number of threads may call it at once.</summary>
    public void CutFonts()
    {
        for (var i = Interlocked.Increment(ref _next) - 1; i < _cuts.Length; i = Interlocked.Increment(ref _next) - 1)
            _cuts[i].Bytes = WebFontSubsets.Woff2(_cuts[i].Font, _cuts[i].Kept!);
    }

    /// <summary>
    /// The page, its font addresses named by the subsets' content and its policy added, its font subsets and
    /// its figures, with paths relative to artifacts/, in a fixed order; once every <see cref="CutFonts"/> call has returned.
    /// </summary>
    public IReadOnlyList<(string RelativePath, byte[] Bytes)> Files()
    {
        if (_cuts.Any(f => f.Bytes is null)) throw new InvalidOperationException($"{_pagePath}: a font is not cut yet");
        return HtmlEditionWriter.Assemble(_html, _pagePath, _faces, _policy, _more());
    }
}
