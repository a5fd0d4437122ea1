using Asan.Briefs.Diagnostics;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Theming;

public enum Script { Latin, Hangul }

/// <summary>A font file chosen for a role, script and weight; <see cref="Path"/> is absolute.</summary>
public sealed record FontFace(string Family, string Path, bool Bold, bool Italic)
{
    /// <summary>True when the file has no italic and the renderer should slant the upright face.</summary>
    public bool SynthesizeItalic { get; init; }

    /// <summary>The theme's size correction: the face is set at this share of its style's size.</summary>
    public double Scale { get; init; } = 1;
}

/// <summary>Page geometry in points.</summary>
public sealed record PageGeometry(
    double Width, double Height,
    double MarginTop, double MarginBottom, double MarginLeft, double MarginRight,
    double HeaderOffset, double FooterOffset, double NoteGap, double NoteRuleWidth)
{
    public double ContentWidth => Width - MarginLeft - MarginRight;
    public double ContentHeight => Height - MarginTop - MarginBottom;
}

/// <summary>
/// The look shared by the three editions: page, fonts per role and script, colours and named styles.
/// Styles inherit through <c>based_on</c> and may be overridden per language.
/// </summary>
public sealed class Theme
{
    private readonly ThemeFile _file;
    private readonly string _themePath;
    private readonly Dictionary<(string Style, string Lang), ParagraphStyle> _resolved = new();

    public Theme(ThemeFile file, string themePath, string fontsDirectory, YamlPositions positions)
    {
        _file = file;
        _themePath = themePath;
        FontsDirectory = fontsDirectory;
        Validate(positions);
        Page = ResolvePage(file.Page);
        Limits = new ContentLimits(file.Limits.ListDepth, file.Limits.QuoteDepth, (long)(file.Limits.ImageMegapixels * 1e6));
    }

    /// <summary>The smallest text block (width and height inside the margins) a page may leave: about a narrow column.</summary>
    public const double MinTextBlock = 60 * 72 / 25.4;

    public ContentLimits Limits { get; }

    public ThemeFile File => _file;
    public string FontsDirectory { get; }
    public PageGeometry Page { get; }
    /// <summary>The PDF files' colour profiles and the print file's bleed, inks and printing condition.</summary>
    public PdfSetup Pdf { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Colors => _file.Colors;
    public IEnumerable<string> StyleNames => _file.Styles.Keys;
    public IEnumerable<string> FontRoles => _file.Fonts.Keys;

    /// <summary>
    /// The font role inline code is set in, the same in all three outputs: "mono" when the theme
    /// defines it, else "sans", so that code still stands apart from serif text.
    /// </summary>
    public string CodeFontRole => _file.Fonts.ContainsKey("mono") ? "mono" : _file.Fonts.ContainsKey("sans") ? "sans" : _file.Fonts.Keys.First();

    /// <summary>How justified lines in <paramref name="lang"/> stretch and shrink (the language's justify: over the top level's).</summary>
    public JustificationRules Justification(string lang) =>
        JustificationRules.Resolve(_file.Justify, _file.Languages.TryGetValue(lang, out var language) ? language.Justify : null);

    public bool HasStyle(string name) => _file.Styles.ContainsKey(name);

    public ParagraphStyle Style(string name, string lang)
    {
        lock (_resolved)
        {
            if (_resolved.TryGetValue((name, lang), out var cached)) return cached;
            var style = Resolve(name, lang);
            _resolved[(name, lang)] = style;
            return style;
        }
    }

    /// <summary>The installed font the theme names for machines without a role's family, if any.</summary>
    public string? Fallback(string role, Script script, string? lang = null) =>
        _file.Fonts.ContainsKey(role) ? Faces(role, script, lang).Fallback : null;

    /// <summary>
    /// The face for a role and script in <paramref name="lang"/> (a language's <c>fonts:</c> replace the
    /// role's, e.g. Korean's lighter Latin); falls back to regular/upright when the family lacks the weight or slant.
    /// </summary>
    public FontFace Face(string role, Script script, bool bold, bool italic, string? lang = null)
    {
        var set = Faces(role, script, lang);
        // Korean has no italic, and a slanted Hangul face is a distortion (KLREQ): emphasis takes the
        // face the theme names for it, upright, or stays upright. Latin inside keeps its italic.
        if (script == Script.Hangul && italic && (bold ? set.BoldItalic : set.Italic) is null)
            return set.Emphasis is { } other && other != role ? Face(other, script, bold, false, lang) : Face(role, script, bold, false, lang);
        string? file = (bold, italic) switch
        {
            (true, true) => set.BoldItalic ?? set.Bold,
            (true, false) => set.Bold,
            (false, true) => set.Italic,
            _ => set.Regular,
        };
        var hasWeight = file is not null;
        file ??= bold && set.Bold is not null ? set.Bold : set.Regular;
        var slantMissing = italic && (bold ? set.BoldItalic is null : set.Italic is null);
        return new FontFace(set.Family, System.IO.Path.Combine(FontsDirectory, file), bold && (hasWeight || set.Bold is not null), italic)
        {
            SynthesizeItalic = slantMissing,
            Scale = set.Scale ?? 1,
        };
    }

    /// <summary>The faces of a role and script, as <paramref name="lang"/> replaces them.</summary>
    private FontFacesFile Faces(string role, Script script, string? lang)
    {
        if (!_file.Fonts.TryGetValue(role, out var faces))
            throw new BriefException(_themePath, 0, 0, $"font role '{role}' is not defined under fonts:; define it or use one of: {string.Join(", ", _file.Fonts.Keys)}");
        return Replacement(role, script, lang) ?? (script == Script.Hangul ? faces.Hangul : faces.Latin);
    }

    /// <summary>The faces that <paramref name="lang"/>'s own fonts give a role and script; null where the role's own stand.</summary>
    private FontFacesFile? Replacement(string role, Script script, string? lang) =>
        lang is not null && _file.Languages.TryGetValue(lang, out var language) && language.Fonts.TryGetValue(role, out var replaced)
            ? (script == Script.Hangul ? replaced.Hangul : replaced.Latin)
            : null;

    /// <summary>The faces of a role and script in <paramref name="lang"/> (null: the role's own), with where they are written.</summary>
    private (FontFacesFile Set, string[] Path) FacesWritten(string role, Script script, string? lang)
    {
        var key = script == Script.Hangul ? "hangul" : "latin";
        return Replacement(role, script, lang) is { } own
            ? (own, ["languages", lang!, "fonts", role, key])
            : (Faces(role, script, null), ["fonts", role, key]);
    }

    /// <summary>
    /// A web page names a face by its family (@font-face), so in one language a family takes one size
    /// correction whichever role sets it; each conflict once, at the scale that is written.
    /// </summary>
    private void CheckScalesPerFamily(Action<string, string[]> problem)
    {
        var reported = new HashSet<string>();
        foreach (var lang in new string?[] { null }.Concat(_file.Languages.Keys))
        {
            var seen = new Dictionary<string, (FontFacesFile Set, string[] Path, Script Script)>();
            foreach (var role in _file.Fonts.Keys)
            foreach (var script in new[] { Script.Latin, Script.Hangul })
            {
                var (set, at) = FacesWritten(role, script, lang);
                if (!seen.TryGetValue(set.Family, out var first)) { seen[set.Family] = (set, at, script); continue; }
                if ((first.Set.Scale ?? 1) == (set.Scale ?? 1)) continue;
                var (where, other, otherAt, otherScript) = set.Scale is not null
                    ? (at, first.Set, first.Path, first.Script) : (first.Path, set, at, script);
                if (reported.Add(string.Join('.', where)))
                    problem($"{string.Join('.', where)}.scale: {set.Family} is also the {otherScript} face of {string.Join('.', otherAt[..^1])} at scale {Number(other.Scale ?? 1)}; a web page names a face by its family, so give both the same scale",
                        [.. where, "scale"]);
            }
        }
    }

    private static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every face set the theme names, with where it is written: the roles' and the languages' replacements.</summary>
    private IEnumerable<(FontFacesFile Set, string[] Path)> FaceSets() =>
        _file.Fonts.SelectMany(r => new (FontFacesFile?, string[])[] { (r.Value.Latin, ["fonts", r.Key, "latin"]), (r.Value.Hangul, ["fonts", r.Key, "hangul"]) })
            .Concat(_file.Languages.SelectMany(l => l.Value.Fonts.SelectMany(r => new (FontFacesFile?, string[])[]
            {
                (r.Value.Latin, new[] { "languages", l.Key, "fonts", r.Key, "latin" }),
                (r.Value.Hangul, new[] { "languages", l.Key, "fonts", r.Key, "hangul" }),
            })))
            .Where(s => s.Item1 is not null).Select(s => (s.Item1!, s.Item2));

    /// <summary>Every font file the theme names, for fingerprinting and packaging.</summary>
    public IEnumerable<string> FontFiles() =>
        FaceSets().Select(s => s.Set)
            .SelectMany(f => new[] { f.Regular, f.Bold, f.Italic, f.BoldItalic })
            .OfType<string>().Distinct().Select(f => System.IO.Path.Combine(FontsDirectory, f));

    public string Color(string nameOrHex) =>
        nameOrHex.StartsWith('#') ? nameOrHex
        : _file.Colors.TryGetValue(nameOrHex, out var hex) ? hex
        : throw new BriefException(_themePath, 0, 0, $"colour '{nameOrHex}' is not defined under colors:; define it or write #rrggbb");

    /// <summary>
    /// Why a colour a template writes cannot be painted in every file, or null when it can: a name not
    /// under colors:, or a raw #rrggbb without the CMYK value the print file paints it with.
    /// </summary>
    public string? ColorProblem(string nameOrHex) =>
        nameOrHex.StartsWith('#')
            ? Pdf.Print.CmykByHex.ContainsKey(nameOrHex) ? null
                : $"colour {nameOrHex} has no CMYK value for the print file; use a colour name from colors: in templates/theme.yaml, or add it there and give it a CMYK value under pdf.print.cmyk"
            : _file.Colors.ContainsKey(nameOrHex) ? null
                : $"colour '{nameOrHex}' is not defined under colors: in templates/theme.yaml; define it there with a CMYK value under pdf.print.cmyk, or use one of: {string.Join(", ", _file.Colors.Keys)}";

    private ParagraphStyle Resolve(string name, string lang)
    {
        var chain = new List<StyleFile>();
        var seen = new HashSet<string>();
        for (var current = name; current is not null;)
        {
            if (!seen.Add(current))
                throw new BriefException(_themePath, 0, 0, $"style '{name}' inherits from itself through based_on: {string.Join(" → ", seen)}");
            if (!_file.Styles.TryGetValue(current, out var style))
                throw new BriefException(_themePath, 0, 0, $"style '{current}' is not defined under styles:; define it or use one of: {string.Join(", ", _file.Styles.Keys)}");
            // The language's override sits above its base style, so it wins over everything the base sets.
            if (_file.Languages.TryGetValue(lang, out var language) && language.Styles.TryGetValue(current, out var over))
                chain.Add(over);
            chain.Add(style);
            current = style.BasedOn;
        }

        T Pick<T>(Func<StyleFile, T?> get, T fallback) where T : class => chain.Select(get).FirstOrDefault(v => v is not null) ?? fallback;
        T PickValue<T>(Func<StyleFile, T?> get, T fallback) where T : struct => chain.Select(get).FirstOrDefault(v => v.HasValue) ?? fallback;
        double Points(Func<StyleFile, string?> get) => Length.ToPoints(Pick(get, "0pt"), $"{_themePath}: style '{name}'");

        var size = Points(s => s.Size);
        if (size <= 0) size = 10;
        // Validate has checked every align written; an unknown one cannot reach this point.
        var align = Alignments[Pick(s => s.Align, "left")];
        var tracking = Pick(s => s.Tracking, "0pt");
        return new ParagraphStyle(
            name,
            Pick(s => s.Font, "serif"),
            Pick(s => s.Weight, "regular") == "bold",
            PickValue(s => s.Italic, false),
            size,
            size * PickValue(s => s.Leading, 1.4),
            Color(Pick(s => s.Color, "text")),
            align,
            Points(s => s.SpaceBefore),
            Points(s => s.SpaceAfter),
            Points(s => s.IndentLeft),
            Points(s => s.IndentFirst),
            PickValue(s => s.KeepWithNext, false),
            Points(s => s.RuleBelow),
            Color(Pick(s => s.RuleColor, "rule")),
            Length.ToPoints(tracking, $"{_themePath}: style '{name}'"));
    }

    private PageGeometry ResolvePage(PageFile p)
    {
        double P(string value, string key) => Length.ToPoints(value, $"{_themePath}: page.{key}");
        return new PageGeometry(
            P(p.Width, "width"), P(p.Height, "height"),
            P(p.MarginTop, "margin_top"), P(p.MarginBottom, "margin_bottom"),
            P(p.MarginLeft, "margin_left"), P(p.MarginRight, "margin_right"),
            P(p.HeaderOffset, "header_offset"), P(p.FooterOffset, "footer_offset"),
            P(p.NoteGap, "note_gap"), P(p.NoteRuleWidth, "note_rule_width"));
    }

    private enum Sign { Any, NotNegative, Positive }

    private static readonly Dictionary<string, TextAlign> Alignments = new(StringComparer.Ordinal)
    {
        ["justify"] = TextAlign.Justify, ["left"] = TextAlign.Left, ["center"] = TextAlign.Center, ["right"] = TextAlign.Right,
    };

    /// <summary>
    /// Checks every value where the designer wrote it, so each problem is reported once, at its line:
    /// a length in a base style would otherwise fail again in every style based on it.
    /// </summary>
    private void Validate(YamlPositions positions)
    {
        var problems = new List<Diagnostic>();
        void Problem(string message, params string[] path)
        {
            var (line, column) = positions.Of(path);
            problems.Add(new Diagnostic(_themePath, line, column, message));
        }
        // A length that parses must also be positive (or at least not negative): a negative margin would
        // reach Word as an unsigned 4294965935, a zero font size would be taken for the default.
        double CheckLength(string? value, string what, Sign sign, params string[] path)
        {
            if (value is null) return double.NaN;
            if (!Length.TryParsePoints(value, out var points))
                Problem($"{what}: {Length.NotALength(value)}", path);
            else if (sign == Sign.Positive && points <= 0)
                Problem($"{what}: {value} must be more than 0", path);
            else if (sign == Sign.NotNegative && points < 0)
                Problem($"{what}: {value} must not be negative", path);
            else return points;
            return double.NaN;
        }

        foreach (var (set, at) in FaceSets())
        foreach (var (key, file) in new[] { ("regular", set.Regular), ("bold", set.Bold), ("italic", set.Italic), ("bold_italic", set.BoldItalic) })
        {
            if (file is not null && !System.IO.File.Exists(System.IO.Path.Combine(FontsDirectory, file)))
                Problem($"{string.Join('.', at)}: file '{file}' is not in {FontsDirectory}; add the font file or fix the name", [.. at, key]);
        }
        foreach (var (set, at) in FaceSets())
            if (set.Emphasis is { } emphasis && !_file.Fonts.ContainsKey(emphasis))
                Problem($"{string.Join('.', at)}: emphasis font role '{emphasis}' is not defined under fonts:; define it or use one of: {string.Join(", ", _file.Fonts.Keys)}", [.. at, "emphasis"]);
        // A correction, not a new size: beyond these the style's own size is what wants changing.
        foreach (var (set, at) in FaceSets())
            if (set.Scale is { } scale && scale is < 0.5 or > 1.5)
                Problem($"{string.Join('.', at)}.scale: {Number(scale)} must be between 0.5 and 1.5 (a share of the style's size, e.g. 0.9)", [.. at, "scale"]);
        foreach (var (lang, language) in _file.Languages)
        foreach (var role in language.Fonts.Keys.Where(r => !_file.Fonts.ContainsKey(r)))
            Problem($"languages.{lang}.fonts: font role '{role}' is not defined under fonts:; define it there first or use one of: {string.Join(", ", _file.Fonts.Keys)}", "languages", lang, "fonts", role);
        if (problems.Count == 0) CheckScalesPerFamily(Problem);

        var page = _file.Page;
        var lengths = new Dictionary<string, double>();
        foreach (var (key, value) in new[]
                 {
                     ("width", page.Width), ("height", page.Height), ("margin_top", page.MarginTop), ("margin_bottom", page.MarginBottom),
                     ("margin_left", page.MarginLeft), ("margin_right", page.MarginRight), ("header_offset", page.HeaderOffset),
                     ("footer_offset", page.FooterOffset), ("note_gap", page.NoteGap), ("note_rule_width", page.NoteRuleWidth),
                 })
            lengths[key] = CheckLength(value, $"page.{key}", key is "width" or "height" ? Sign.Positive : Sign.NotNegative, "page", key);
        foreach (var (size, before, after, what) in new[] { ("width", "margin_left", "margin_right", "wide"), ("height", "margin_top", "margin_bottom", "tall") })
        {
            var block = lengths[size] - lengths[before] - lengths[after];
            if (block < MinTextBlock)
                Problem($"page: the margins leave a text block {block * 25.4 / 72:0.#} mm {what}; it must be at least 60 mm, so make page.{before} and page.{after} smaller", "page", before);
        }
        foreach (var (key, value, least) in new[] { ("list_depth", (double)_file.Limits.ListDepth, 1.0), ("quote_depth", _file.Limits.QuoteDepth, 1.0), ("image_megapixels", _file.Limits.ImageMegapixels, 0.001) })
            if (value < least)
                Problem($"limits.{key}: {value} is too small; write at least {least}", "limits", key);

        if (_file.Contents.Leader is not ("dots" or "none"))
            Problem($"contents.leader: '{_file.Contents.Leader}' is unknown; write dots (a dotted leader to the page number) or none (the number alone)", "contents", "leader");

        JustificationRules.Validate(_file.Justify, JustificationRules.Resolve(_file.Justify, null), ["justify"], Problem);
        foreach (var (lang, language) in _file.Languages)
            if (language.Justify is { } justify)
                JustificationRules.Validate(justify, Justification(lang), ["languages", lang, "justify"], Problem);

        // templates/ holds fonts/ and the theme's colour profiles.
        Pdf = PdfSetup.Resolve(_file, System.IO.Path.GetDirectoryName(FontsDirectory)!, Problem);

        var written = _file.Styles.Select(kv => (kv.Key, kv.Value, Path: new[] { "styles", kv.Key }))
            .Concat(_file.Languages.SelectMany(l => l.Value.Styles.Select(kv => (kv.Key, kv.Value, Path: new[] { "languages", l.Key, "styles", kv.Key }))));
        foreach (var (name, style, path) in written)
        {
            string[] At(string key) => [.. path, key];
            if (!_file.Styles.ContainsKey(name))
                Problem($"style '{name}' has no base style under styles:; define it there first", path);
            // A first-line indent may hang (negative), and tracking may tighten; nothing else may be below 0.
            foreach (var (key, value, sign) in new[]
                     {
                         ("size", style.Size, Sign.Positive), ("space_before", style.SpaceBefore, Sign.NotNegative), ("space_after", style.SpaceAfter, Sign.NotNegative),
                         ("indent_left", style.IndentLeft, Sign.NotNegative), ("indent_first", style.IndentFirst, Sign.Any),
                         ("rule_below", style.RuleBelow, Sign.NotNegative), ("tracking", style.Tracking, Sign.Any),
                     })
                CheckLength(value, $"style '{name}': {key}", sign, At(key));
            if (style.Leading is <= 0)
                Problem($"style '{name}': leading {style.Leading} must be more than 0 (a multiple of the size, e.g. 1.4)", At("leading"));
            if (style.Align is { } align && !Alignments.ContainsKey(align))
                Problem($"style '{name}': align '{align}' is unknown; use {string.Join(", ", Alignments.Keys)}", At("align"));
            if (style.BasedOn is { } basis && !_file.Styles.ContainsKey(basis))
                Problem($"style '{name}': based_on '{basis}' is not defined under styles:; define it or use one of: {string.Join(", ", _file.Styles.Keys)}", At("based_on"));
            if (style.Font is { } font && !_file.Fonts.ContainsKey(font))
                Problem($"style '{name}': font role '{font}' is not defined under fonts:; define it or use one of: {string.Join(", ", _file.Fonts.Keys)}", At("font"));
            foreach (var (key, colour) in new[] { ("color", style.Color), ("rule_color", style.RuleColor) })
                if (colour is not null && !colour.StartsWith('#') && !_file.Colors.ContainsKey(colour))
                    Problem($"style '{name}': colour '{colour}' is not defined under colors:; define it or write #rrggbb", At(key));
        }

        // What only shows once styles are put together: a based_on loop.
        if (problems.Count == 0)
        {
            foreach (var name in _file.Styles.Keys)
            {
                try { Style(name, "en"); }
                catch (BriefException e)
                {
                    var (line, column) = positions.Of("styles", name);
                    problems.AddRange(e.Diagnostics.Select(d => d with { Line = line, Column = column }));
                }
            }
        }
        if (problems.Count > 0) throw new BriefException(problems);
    }
}
