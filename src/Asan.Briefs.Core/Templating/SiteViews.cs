using Asan.Briefs.Model;

namespace Asan.Briefs.Templating;

/// <summary>
/// The briefs a site's own files list (the index pages, the feeds, the sitemap), with the view of each brief in each
/// language built once for all of those files. Each file lists every brief, in its language and in all of them: built
/// anew for each, 100 briefs made 2,800 views of their whole text, about an eighth of the build's CPU.
/// One thread at a time: the site's files are rendered one after another.
/// </summary>
public sealed class SiteViews(EditionTemplates templates, IReadOnlyList<Brief> briefs)
{
    private readonly Dictionary<(string Brief, string Lang), BriefView> _views = [];

    public IReadOnlyList<Brief> Briefs => briefs;

    public BriefView View(Brief brief, string lang)
    {
        if (!_views.TryGetValue((brief.Id, lang), out var view)) _views[(brief.Id, lang)] = view = templates.View(brief, lang);
        return view;
    }
}
