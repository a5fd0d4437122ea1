using System.Buffers;
using System.Text;
using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Reading;

/// <summary>
/// Decodes a content or template file as strict UTF-8. A byte that is not UTF-8, NUL and every other
/// control character (C0 but tab and line ends, DEL, C1) are errors at their line and column, since
/// a decoder would turn them into U+FFFD or an output would drop them. Characters that are invisible
/// but change the text — bidirectional controls, zero-width characters — are warnings: they have
/// honest uses (a joiner in a name), but are more often pasted in by accident or to mislead.
/// One pass over the bytes.
/// </summary>
public static class ContentText
{
    private const int MaxProblems = 20;

    public static string Decode(ReadOnlySpan<byte> bytes, string displayPath, List<Diagnostic>? warnings = null)
    {
        // A byte-order mark is allowed and dropped, as File.ReadAllText does.
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var problems = new List<Diagnostic>();
        int line = 1, column = 1;
        var afterBad = false;
        for (var i = 0; i < bytes.Length;)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            var bad = status != OperationStatus.Done;
            // A run of bad bytes (an overlong form, an encoded surrogate) is one problem, at its first.
            var runGoesOn = afterBad;
            afterBad = bad;
            if (bad)
            {
                if (problems.Count < MaxProblems && !runGoesOn)
                    problems.Add(new Diagnostic(displayPath, line, column,
                        $"byte 0x{bytes[i]:X2} is not UTF-8 (the file is in another encoding, or damaged); save it as UTF-8"));
                i += Math.Max(consumed, 1);
                column++;
                continue;
            }
            if (rune.Value == '\n')
            {
                line++;
                column = 1;
                i += consumed;
                continue;
            }
            if (IsControl(rune.Value) && problems.Count < MaxProblems)
                problems.Add(new Diagnostic(displayPath, line, column,
                    $"control character {Name(rune.Value)} is not text and no output can show it; delete it"));
            else if (warnings is not null && Invisible(rune.Value) is { } kind)
                warnings.Add(new Diagnostic(displayPath, line, column,
                    $"invisible {kind} {Name(rune.Value)}; delete it unless it is meant to be there", Warning: true));
            i += consumed;
            column++;
        }
        if (problems.Count > 0) throw new BriefException(problems);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>C0 controls except tab and the line ends, DEL, and C1 controls.</summary>
    private static bool IsControl(int c) => (c < 0x20 && c is not ('\t' or '\r' or '\n')) || c is >= 0x7F and <= 0x9F;

    private static string? Invisible(int c) => c switch
    {
        >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C => "bidirectional control",
        0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or 0x180E => "zero-width character",
        _ => null,
    };

    public static string Name(int c) => c < 0x20 || c is >= 0x7F and <= 0x9F || Invisible(c) is not null
        ? $"U+{c:X4}"
        : $"'{char.ConvertFromUtf32(c)}' (U+{c:X4})";
}
