namespace Asan.Briefs.Tests.Support;

/// <summary>A PDF's structure tree as Mozilla's pdf.js reads it (Pdf/Tagging/struct-tree.mjs): JSON, one tree per page, with the text of each marked content.</summary>
public static class PdfJsStructTree
{
    public static string Read(byte[] pdf)
    {
        var script = Path.Combine(Repository.Root, "tests", "Asan.Briefs.Tests", "Pdf", "Tagging", "struct-tree.mjs");
        return ExternalTool.RunOnFile("node", $"\"{script}\" \"{ExternalTool.PdfJs()}\" {{file}}", pdf, "pdf");
    }
}
