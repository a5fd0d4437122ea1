using Asan.Briefs.Caching;
using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Templating;

/// <summary>
/// The texts of templates/ that need no theme: each language's labels (templates/i18n/&lt;lang&gt;.yaml)
/// and templates/site.yaml, each read once, on first use. Apart from <see cref="EditionTemplates"/>, so
/// that a build can read them on another core while it reads the theme.
/// </summary>
public sealed class TemplateLabels(string templatesDirectory)
{
    // One read per language even when two threads ask at once (the warm-up's hyphenation and the
    // template check); a file that failed to read is read again next time, as its problem may be fixed.
    private readonly OnceCache<string, I18n> _i18n = new(StringComparer.Ordinal);
    private readonly Lazy<SiteSettings> _site = new(() => SiteSettings.Load(templatesDirectory));

    /// <summary>templates/site.yaml.</summary>
    public SiteSettings Site => _site.Value;

    public I18n I18n(string lang) => _i18n.Get(lang, l => Templating.I18n.Load(templatesDirectory, l));
}
