using Asan.Briefs.Model;
using Asan.Briefs.Templating;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// The text an edition must show for the model, in one language: cross-references as their targets'
/// number words and captions with their numbers, from the model's <see cref="Numbering"/> and the
/// language's i18n labels, so tests compare outputs with the model rather than with a template.
/// </summary>
public sealed class ModelText(Brief brief, string lang)
{
    private readonly Numbering _numbering = Numbering.Of(brief);
    private readonly I18n _i18n = I18n.Load(Repository.Templates, lang);

    public string Lang => lang;

    /// <summary>Inlines as shown: a reference as "Table 1", "그림 1".</summary>
    public string Plain(IEnumerable<Inline> inlines) => Inlines.PlainText(inlines, Reference);

    public string Reference(ReferenceInline reference) => _i18n.ReferenceText(_numbering, reference);

    /// <summary>"Figure 1", "표 2": a figure's or table's number word.</summary>
    public string NumberWord(Block block) => _i18n.NumberWord(block is FigureBlock ? "figure" : "table", _numbering.NumberOf(block));

    /// <summary>A figure's or table's caption line as shown: "Table 1. Exports…", or the number word alone when it has no text.</summary>
    public string Caption(Block block)
    {
        var text = block switch
        {
            FigureBlock f => Plain(f.Caption[lang]),
            TableBlock t => t.Caption is { } c ? Plain(c[lang]) : "",
            _ => throw new ArgumentException(block.GetType().Name),
        };
        return text.Length == 0 ? NumberWord(block) : $"{NumberWord(block)}. {text}";
    }
}
