namespace Asan.Briefs.Resolution;

/// <summary>Where a link goes, decided once from the markup's href: an anchor in this document or an outside address.</summary>
public abstract record LinkTarget
{
    /// <summary>"#id" is an anchor of this document; anything else an address (absolute, or relative to the page).</summary>
    public static LinkTarget Parse(string href) =>
        href.StartsWith('#') ? new InternalTarget(href[1..]) : new ExternalTarget(href);
}

/// <summary>A block id of this document: a PDF named destination, a Word bookmark.</summary>
public sealed record InternalTarget(string Anchor) : LinkTarget;

/// <summary>An address outside the document, as the markup wrote it.</summary>
public sealed record ExternalTarget(string Href) : LinkTarget
{
    public Uri Uri => Uri.TryCreate(Href, UriKind.Absolute, out var absolute) ? absolute : new Uri(Href, UriKind.Relative);
}
