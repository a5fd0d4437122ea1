namespace Asan.Briefs.Cli.Pipeline;

[Flags]
public enum OutputFormat
{
    None = 0,
    Html = 1,
    Pdf = 2,
    Docx = 4,
    /// <summary>The PDF/X-4 print file, &lt;id&gt;.&lt;lang&gt;.print.pdf.</summary>
    Print = 8,
    All = Html | Pdf | Docx | Print,
}

public static class OutputFormats
{
    public static OutputFormat Parse(string list)
    {
        var result = OutputFormat.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= name.ToLowerInvariant() switch
            {
                "html" => OutputFormat.Html,
                "pdf" => OutputFormat.Pdf,
                "docx" => OutputFormat.Docx,
                "print" => OutputFormat.Print,
                "all" => OutputFormat.All,
                _ => throw new ArgumentException($"unknown format '{name}'; use html, pdf, print, docx or all"),
            };
        }
        return result;
    }
}
