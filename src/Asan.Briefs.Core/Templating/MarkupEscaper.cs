using System.Text;

namespace Asan.Briefs.Templating;

/// <summary>Escapes text for HTML and XML alike (text and attribute values); everything else passes as is.</summary>
public static class MarkupEscaper
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            builder.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? ch.ToString());
        }
        return builder.ToString();
    }
}
