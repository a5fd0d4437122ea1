namespace Asan.Briefs.Diagnostics;

/// <summary>One problem found in a content, template or theme file, located for the person who fixes it.
/// A warning does not stop the build; an error does.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message, bool Warning = false)
{
    /// <summary>Formats as compilers do (<c>file:line:col: error: message</c>) so editors and CI logs link to it.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Severity}: {Message}" : $"{File}: {Severity}: {Message}";

    private string Severity => Warning ? "warning" : "error";
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
