namespace Asan.Briefs.Diagnostics;

/// <summary>One problem found in a content, template or theme file, located for the person who fixes it.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>Formats as compilers do (<c>file:line:col: error: message</c>) so editors and CI logs link to it.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: error: {Message}" : $"{File}: error: {Message}";
}

/// <summary>Raised when input cannot be built; carries every problem found, never a half result.</summary>
public sealed class BriefException : Exception
{
    public BriefException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public BriefException(Diagnostic diagnostic) : this([diagnostic]) { }

    public BriefException(string file, int line, int column, string message)
        : this(new Diagnostic(file, line, column, message)) { }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
