namespace Asan.Briefs.Docx;

/// <summary>Word's language tags for the document's language.</summary>
internal sealed record LanguageTags(string Val, string EastAsia, bool IsKorean)
{
    public static LanguageTags For(string lang)
    {
        var primary = lang.Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            // Hangul in an English brief (authors' names, titles of Korean works) is still Korean.
            "en" => new(lang.Contains('-') ? lang : "en-US", "ko-KR", false),
            "ko" => new("ko-KR", "ko-KR", true),
            _ => new(lang, "ko-KR", false),
        };
    }
}
