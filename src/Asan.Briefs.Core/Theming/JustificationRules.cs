namespace Asan.Briefs.Theming;

/// <summary>
/// The justify: section of theme.yaml as written, at the top level and per language: how justified
/// lines stretch and shrink. Space shares are fractions of a space's own width (TeX's glue); the rest
/// is in em of the font size. A language's values replace the top level's one by one.
/// </summary>
public sealed class JustifyFile
{
    public double? SpaceStretch { get; set; }
    public double? SpaceShrink { get; set; }
    public double? HangulSpaceStretch { get; set; }
    public double? HangulSpaceShrink { get; set; }
    public double? WordSpace { get; set; }
    public double? MaxWordGap { get; set; }
    public double? LetterSpacing { get; set; }
    public double? LetterSpacingLimit { get; set; }
    public double? LetterShrink { get; set; }

    /// <summary>Every value with its key, for checking each where it is written.</summary>
    internal IEnumerable<(string Key, double? Value)> Entries() =>
    [
        ("space_stretch", SpaceStretch), ("space_shrink", SpaceShrink), ("hangul_space_stretch", HangulSpaceStretch),
        ("hangul_space_shrink", HangulSpaceShrink), ("word_space", WordSpace), ("max_word_gap", MaxWordGap),
        ("letter_spacing", LetterSpacing), ("letter_spacing_limit", LetterSpacingLimit), ("letter_shrink", LetterShrink),
    ];
}

/// <summary>
/// How justified lines of one language stretch and shrink, resolved from theme.yaml (KLREQ's order for
/// Korean: the spaces between 어절 first, then the spacing between Hangul syllables within a cap).
/// </summary>
/// <param name="SpaceStretch">How much a space in a Latin face may grow, as a share of its width.</param>
/// <param name="SpaceShrink">How much it may give up, as a share of its width.</param>
/// <param name="HangulSpaceStretch">The same for a space in a Hangul face: less, so gaps between 어절 stay near their natural width.</param>
/// <param name="HangulSpaceShrink">How much a space in a Hangul face may give up.</param>
/// <param name="WordSpace">The natural width (em) of a space in a Hangul face when narrower than the face's own; null: the face's own.</param>
/// <param name="MaxWordGap">The widest gap (em, the space included) the second tier of stretch takes a space to, shared with the syllables; null: no second tier.</param>
/// <param name="LetterSpacing">The cap (em) on spacing added between two Hangul syllables once the spaces have stretched; never before punctuation.</param>
/// <param name="LetterSpacingLimit">How far (em) that spacing may go in the second tier, on a line the spaces alone would leave wider than <paramref name="MaxWordGap"/>.</param>
/// <param name="LetterShrink">How much (em) the spacing between syllables may tighten, once the spaces have shrunk all they may.</param>
public sealed record JustificationRules(
    double SpaceStretch, double SpaceShrink, double HangulSpaceStretch, double HangulSpaceShrink,
    double? WordSpace, double? MaxWordGap, double LetterSpacing, double LetterSpacingLimit, double LetterShrink)
{
    /// <summary>TeX's plain glue for spaces, no added spacing between letters: what a theme without justify: gets.</summary>
    public static readonly JustificationRules Default = new(0.5, 1.0 / 3, 0.5, 1.0 / 3, null, null, 0, 0, 0);

    /// <summary>True when justified lines may space (or tighten) Hangul syllables.</summary>
    public bool SpacesSyllables => LetterSpacing > 0 || LetterSpacingLimit > 0 || LetterShrink > 0;

    internal static JustificationRules Resolve(JustifyFile top, JustifyFile? language)
    {
        double Pick(Func<JustifyFile, double?> get, double fallback) => (language is null ? null : get(language)) ?? get(top) ?? fallback;
        double? PickOptional(Func<JustifyFile, double?> get) => (language is null ? null : get(language)) ?? get(top);
        var d = Default;
        return new JustificationRules(
            Pick(f => f.SpaceStretch, d.SpaceStretch), Pick(f => f.SpaceShrink, d.SpaceShrink),
            Pick(f => f.HangulSpaceStretch, d.HangulSpaceStretch), Pick(f => f.HangulSpaceShrink, d.HangulSpaceShrink),
            PickOptional(f => f.WordSpace), PickOptional(f => f.MaxWordGap),
            Pick(f => f.LetterSpacing, 0), Pick(f => f.LetterSpacingLimit, 0), Pick(f => f.LetterShrink, 0));
    }

    /// <summary>
    /// Checks one justify: section where it is written (<paramref name="path"/> leads to it) and, with the
    /// language's values over the top level's, what only shows together (a cap above its limit).
    /// </summary>
    internal static void Validate(JustifyFile file, JustificationRules resolved, string[] path, Action<string, string[]> problem)
    {
        var at = string.Join('.', path);
        foreach (var (key, value) in file.Entries())
        {
            if (value is not { } v) continue;
            if (double.IsNaN(v) || v < 0)
                problem($"{at}.{key}: {v} must not be negative; write 0 or more", [.. path, key]);
            else if (key is "space_shrink" or "hangul_space_shrink" && v >= 1)
                problem($"{at}.{key}: {v} would shrink a space to nothing; write a share of the space below 1 (e.g. 0.33)", [.. path, key]);
            else if (key is not ("space_stretch" or "hangul_space_stretch" or "word_space" or "max_word_gap") && v > 0.5)
                problem($"{at}.{key}: {v} em between two letters would read as a space between words; write at most 0.5 (e.g. 0.05)", [.. path, key]);
        }
        if (file.LetterSpacingLimit is not null || file.LetterSpacing is not null)
            if (resolved.LetterSpacingLimit < resolved.LetterSpacing)
                problem($"{at}.letter_spacing_limit: {resolved.LetterSpacingLimit} is below letter_spacing {resolved.LetterSpacing}; the limit must be at least the cap",
                    [.. path, file.LetterSpacingLimit is not null ? "letter_spacing_limit" : "letter_spacing"]);
        if ((file.MaxWordGap is not null || file.WordSpace is not null) && resolved is { MaxWordGap: { } gap, WordSpace: { } space } && gap <= space)
            problem($"{at}.max_word_gap: {gap} em is not wider than word_space {space} em; make it wider (e.g. 0.49)",
                [.. path, file.MaxWordGap is not null ? "max_word_gap" : "word_space"]);
    }
}
