namespace Asan.Briefs.Templating;

/// <summary>Markup a template produced itself (an included partial, JSON-LD): written out without escaping.</summary>
public sealed record TrustedMarkup(string Text)
{
    public override string ToString() => Text;
}
