using Asan.Briefs.Templating;
using Asan.Briefs.Theming;
using YamlDotNet.Serialization;

namespace Asan.Briefs.Reading;

/// <summary>
/// The typed YAML files' models (theme.yaml, brief.yaml, site.yaml), for YamlDotNet's static context:
/// its source generator writes their object factories and property accessors, so reading them needs no
/// reflection. Reflecting over the theme's types was most of reading it, on the main thread of every
/// cold build before anything else could start. A model type the files gain is added here.
/// </summary>
[YamlStaticContext]
[YamlSerializable(typeof(ThemeFile))]
[YamlSerializable(typeof(PageFile))]
[YamlSerializable(typeof(FontRoleFile))]
[YamlSerializable(typeof(FontFacesFile))]
[YamlSerializable(typeof(StyleFile))]
[YamlSerializable(typeof(LanguageThemeFile))]
[YamlSerializable(typeof(FontRoleLanguageFile))]
[YamlSerializable(typeof(ContentsFile))]
[YamlSerializable(typeof(PdfThemeFile))]
[YamlSerializable(typeof(PrintThemeFile))]
[YamlSerializable(typeof(LimitsFile))]
[YamlSerializable(typeof(JustifyFile))]
[YamlSerializable(typeof(BriefFile))]
[YamlSerializable(typeof(AuthorFile))]
[YamlSerializable(typeof(SiteSettings))]
public partial class YamlModels : StaticContext;
