using System.Text.RegularExpressions;
using Asan.Briefs.Cli.Pipeline;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `validate`: checks every output under artifacts/ with the tools the quality bars name — the Open
/// XML validator on each DOCX, qpdf and pdffonts on each PDF (fonts embedded as subsets), the Nu Html
/// Checker on each page. A missing tool is reported with how to install it, and fails the run.
/// </summary>
public static partial class ValidateCommand
{
    public const string VnuJar = "tools/node_modules/vnu-jar/build/dist/vnu.jar";

    public static int Run(Workspace workspace, IAnsiConsole console)
    {
        var root = workspace.ArtifactsDirectory;
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "site" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !f.Contains(Path.DirectorySeparatorChar + "bench" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            console.MarkupLine("[red]nothing to validate: run `dotnet cake` (or asan-briefs build) first[/]");
            return CommandLine.InvalidInput;
        }
        var problems = 0;
        void Fail(string file, string message)
        {
            problems++;
            console.MarkupLine($"  [red]✗[/] {Markup.Escape(Path.GetRelativePath(root, file))}: {Markup.Escape(message)}");
        }
        void Pass(string file, string what) => console.MarkupLine($"  [green]✓[/] {Markup.Escape(Path.GetRelativePath(root, file))} [grey]{Markup.Escape(what)}[/]");

        foreach (var docx in files.Where(f => f.EndsWith(".docx", StringComparison.Ordinal)))
        {
            using var document = WordprocessingDocument.Open(docx, false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
            if (errors.Count == 0) Pass(docx, "Open XML validator (Office 2019): no errors");
            foreach (var error in errors.Take(10)) Fail(docx, $"{error.Path?.XPath}: {error.Description}");
        }

        var pdfs = files.Where(f => f.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        foreach (var pdf in pdfs)
        {
            var check = Tool("qpdf", $"--check \"{pdf}\"", "qpdf");
            if (check.Missing is not null) { Fail(pdf, check.Missing); continue; }
            if (check.Exit != 0) Fail(pdf, "qpdf --check: " + check.Output.Trim());
            var fonts = Tool("pdffonts", $"\"{pdf}\"", "poppler-utils");
            if (fonts.Missing is not null) { Fail(pdf, fonts.Missing); continue; }
            var notSubset = fonts.Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0)
                .Where(l => !SubsetFontLine().IsMatch(l)).ToList();
            foreach (var line in notSubset) Fail(pdf, "font not embedded as a subset: " + line.Trim());
            if (check.Exit == 0 && notSubset.Count == 0) Pass(pdf, "qpdf --check passes; every font embedded and subset");
        }

        var pages = files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var jar = Path.Combine(Path.GetDirectoryName(workspace.ContentDirectory)!, VnuJar);
        if (pages.Count > 0)
        {
            if (!File.Exists(jar))
            {
                Fail(jar, "the Nu Html Checker is missing: run `npm install --prefix tools vnu-jar` in the repository");
            }
            else
            {
                var vnu = Tool("java", $"-jar \"{jar}\" --errors-only {string.Join(" ", pages.Select(p => $"\"{p}\""))}", "default-jre-headless");
                if (vnu.Missing is not null) Fail(jar, vnu.Missing);
                else if (vnu.Exit != 0) Fail(jar, "Nu Html Checker:\n" + vnu.Output.Trim());
                else foreach (var page in pages) Pass(page, "Nu Html Checker: no errors");
            }
        }

        console.MarkupLine(problems == 0
            ? $"[green]{files.Count(f => f.EndsWith(".docx") || f.EndsWith(".pdf") || f.EndsWith(".html"))} output(s) valid[/]"
            : $"[red]{problems} problem(s)[/]");
        return problems == 0 ? CommandLine.Success : CommandLine.InvalidInput;
    }

    private static (int Exit, string Output, string? Missing) Tool(string file, string arguments, string package) =>
        ExternalProcess.Run(file, arguments) is { } result
            ? (result.ExitCode, result.Output, null)
            : (-1, "", $"'{file}' is not installed; install it with `apt-get install {package}`");

    // pdffonts columns: name type encoding emb sub uni object-id; a subset name carries a six-letter tag.
    [GeneratedRegex(@"^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+\w+\s+\d+\s+\d+\s*$")]
    private static partial Regex SubsetFontLine();
}
