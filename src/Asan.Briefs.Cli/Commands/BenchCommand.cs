using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Asan.Briefs.Cli.Bench;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Model;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Templating;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `bench`: measures the pipeline on this machine and writes artifacts/bench/bench.json. Warm figures
/// are medians of repeated runs after warm-up; the cold figure is a whole CLI process.
/// </summary>
public static class BenchCommand
{
    public const string SeedBrief = "korea-japan-diplomatic-tasks";

    public sealed record Figure(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("milliseconds")] double Milliseconds,
        [property: JsonPropertyName("detail")] string Detail);

    public sealed record Machine(
        [property: JsonPropertyName("cores")] int Cores,
        [property: JsonPropertyName("os")] string Os,
        [property: JsonPropertyName("runtime")] string Runtime);

    /// <summary>What bench.json holds.</summary>
    public sealed record Report(
        [property: JsonPropertyName("machine")] Machine Machine,
        [property: JsonPropertyName("iterations")] int Iterations,
        [property: JsonPropertyName("figures")] IReadOnlyList<Figure> Figures);

    /// <summary>The parts of the bench, each to be run alone with `--only`.</summary>
    public static readonly string[] Sections = ["warm", "length", "typst", "throughput", "memory", "cold"];

    /// <param name="native">A native (AOT-compiled) build of this CLI, whose cold start is measured too.</param>
    /// <param name="only">The sections to run (all when empty).</param>
    public static int Run(Workspace workspace, IAnsiConsole console, int iterations, string? native, IReadOnlyCollection<string> only)
    {
        var figures = new List<Figure>();
        void Report(Figure figure)
        {
            figures.Add(figure);
            console.MarkupLine($"  {Markup.Escape(figure.Name),-48} {figure.Milliseconds,10:F2} ms  [grey]{Markup.Escape(figure.Detail)}[/]");
        }
        bool Runs(string section) => only.Count == 0 || only.Contains(section);

        var publisher = new Publisher(workspace, new BuildStamp(null));
        var briefs = publisher.ReadBriefs();
        var seed = briefs.First(b => b.Id == SeedBrief);
        var scratch = Path.Combine(Path.GetTempPath(), "asan-briefs-bench-" + Environment.ProcessId);
        var context = new BenchContext(workspace, publisher, briefs, seed, scratch, iterations, console, Report);
        try
        {
            var warmPdf = Runs("warm") ? WarmEditions(context) : [];
            if (Runs("length")) Lengths(context);
            if (Runs("typst")) TypstSection.Run(context, warmPdf);
            if (Runs("throughput")) ThroughputSection.Run(context, native);
            if (Runs("memory")) MemorySection.Run(context, native);
            if (Runs("cold")) Cold(context, native);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }

        var json = Path.Combine(workspace.ArtifactsDirectory, "bench", "bench.json");
        var report = new Report(
            new Machine(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version.ToString()),
            iterations,
            figures.Select(f => f with { Milliseconds = Math.Round(f.Milliseconds, 3) }).ToList());
        AtomicFile.Write(json, JsonSerializer.SerializeToUtf8Bytes(report, CliJson.Default.Report));
        console.MarkupLine($"[green]figures written to {Markup.Escape(Asan.Briefs.Diagnostics.DisplayPath.Of(json))}[/]");
        return CommandLine.Success;
    }

    /// <returns>Our warm PDF time per edition (brief.lang), for Typst to be set beside.</returns>
    private static Dictionary<string, double> WarmEditions(BenchContext context)
    {
        var (publisher, iterations) = (context.Publisher, context.Iterations);
        var pdf = new Asan.Briefs.Pdf.PdfWriter(theme => new Asan.Briefs.Pdf.Text.TextLayouter(theme));
        var docx = new Asan.Briefs.Docx.DocxWriter();
        var times = new Dictionary<string, double>();
        context.Console.MarkupLine("[bold]Warm, in process: typesetting each edition (print markup → file)[/]");
        foreach (var brief in context.Briefs)
        foreach (var lang in brief.Languages)
        {
            var document = publisher.PrintDocument(brief, lang);
            var pages = pdf.Layout(document, publisher.Theme).Pages.Count;
            var pdfTime = Median(iterations, () => pdf.Write(document, publisher.Theme));
            times[$"{brief.Id}.{lang}"] = pdfTime;
            context.Report(new Figure($"pdf  {brief.Id}.{lang}", pdfTime, $"{pages} pages, {pages / (pdfTime / 1000):F0} pages/s"));
            context.Report(new Figure($"print {brief.Id}.{lang}", Median(iterations, () => pdf.Write(document, publisher.Theme, Asan.Briefs.Pdf.PdfKind.Print)), "the PDF/X-4 file, laid out and drawn"));
            context.Report(new Figure($"docx {brief.Id}.{lang}", Median(iterations, () => docx.Write(document, publisher.Theme)), ""));
            context.Report(PageWeightBench.Edition(publisher, brief, lang, action => Median(iterations, action)));
            context.Report(new Figure($"markup {brief.Id}.{lang}", Median(iterations, () => publisher.PrintDocument(brief, lang)), "template + schema check"));
        }
        context.Report(PageWeightBench.Site(publisher, context.Briefs));
        return times;
    }

    private static void Lengths(BenchContext context)
    {
        var publisher = context.Publisher;
        var pdf = new Asan.Briefs.Pdf.PdfWriter(theme => new Asan.Briefs.Pdf.Text.TextLayouter(theme));
        context.Console.MarkupLine("[bold]How PDF cost grows with length (the seed brief repeated)[/]");
        var seedDocument = publisher.PrintDocument(context.Seed, "en");
        // About 10 and about 100 pages: the seed brief's flow is 3.4 pages long.
        var lengths = new List<(int Pages, double Time)>();
        foreach (var copies in new[] { 3, 30 })
        {
            var document = Repeat(seedDocument, copies);
            var pages = pdf.Layout(document, publisher.Theme).Pages.Count;
            var time = Median(Math.Max(3, context.Iterations / copies), () => pdf.Write(document, publisher.Theme));
            lengths.Add((pages, time));
            context.Report(new Figure($"pdf  generated, {pages} pages", time, $"{pages / (time / 1000):F0} pages/s"));
        }
        var (shortDoc, longDoc) = (lengths[0], lengths[1]);
        context.Console.MarkupLine($"  [grey]{longDoc.Pages} pages cost {longDoc.Time / shortDoc.Time:F1}× the time of {shortDoc.Pages} pages ({(double)longDoc.Pages / shortDoc.Pages:F1}× the pages)[/]");
    }

    private static void Cold(BenchContext context, string? native)
    {
        var (workspace, scratch, seed) = (context.Workspace, context.Scratch, context.Seed);
        context.Console.MarkupLine("[bold]Cold: one CLI process rendering the seed brief's six outputs[/]");
        string Build(string output, string briefs) => $"build --root \"{context.RepoRoot}\" {briefs} --force --out \"{Path.Combine(scratch, output)}\"";
        var seedOnly = $"--brief {SeedBrief}";
        var colds = new List<(string Build, double Time)>
        {
            (BenchRuns.Name(null), BenchRuns.MedianOf(3, () => BenchRuns.Run(BenchRuns.Cli(), Build("managed", seedOnly)))),
        };
        if (native is not null)
        {
            colds.Add((BenchRuns.Name(native), BenchRuns.MedianOf(3, () => BenchRuns.Run((native, ""), Build("native", seedOnly)))));
            // A native build keeps only the code it can see used; every brief must come out byte for byte as from the managed build.
            BenchRuns.Run(BenchRuns.Cli(), Build("managed-all", ""));
            BenchRuns.Run((native, ""), Build("native-all", ""));
            var differing = BenchRuns.DifferingFiles(Path.Combine(scratch, "managed-all"), Path.Combine(scratch, "native-all"));
            if (differing.Count > 0)
                throw new InvalidOperationException($"the native CLI wrote different bytes from the managed one: {string.Join(", ", differing)}");
            context.Console.MarkupLine("  [grey]the native CLI writes every brief's files byte for byte as the managed one does[/]");
        }
        foreach (var (build, time) in colds) context.Report(new Figure($"cold process, 6 outputs: {build}", time, "pdf, docx, html × en, ko, and the zip"));
        if (ExternalProcess.Find("pandoc") is { } pandoc)
        {
            var seedDirectory = Path.Combine(workspace.ContentDirectory, SeedBrief);
            var pandocTime = BenchRuns.MedianOf(3, () =>
            {
                foreach (var lang in seed.Languages)
                {
                    BenchRuns.Run(pandoc, $"\"{Path.Combine(seedDirectory, $"body.{lang}.md")}\" -s --metadata title=brief -o \"{Path.Combine(scratch, $"pandoc.{lang}.docx")}\"");
                    BenchRuns.Run(pandoc, $"\"{Path.Combine(seedDirectory, $"body.{lang}.md")}\" -s --metadata title=brief -o \"{Path.Combine(scratch, $"pandoc.{lang}.html")}\"");
                }
            });
            var ratios = string.Join("; ", colds.Select(c => $"{c.Build} / pandoc {c.Time / pandocTime:F2}"));
            context.Report(new Figure("pandoc, 4 outputs (docx, html × en, ko)", pandocTime, "ratio " + ratios));
        }
        else
        {
            context.Console.MarkupLine("  [yellow]pandoc is not installed: no comparison (apt-get install pandoc)[/]");
        }
    }

    private static double Median(int runs, Action action) => BenchRuns.Median(runs, action);

    /// <summary>A longer document: the flow repeated, with ids made unique per copy.</summary>
    private static PrintDocument Repeat(PrintDocument document, int copies) => document with
    {
        Blocks = Enumerable.Range(0, copies).SelectMany(copy => document.Blocks.Select(b => b.Id is null ? b : b with { Id = $"{b.Id}-{copy}" })).ToList(),
    };
}

/// <summary>What every section of the bench works with.</summary>
public sealed record BenchContext(
    Workspace Workspace, Publisher Publisher, IReadOnlyList<Brief> Briefs, Brief Seed, string Scratch, int Iterations,
    IAnsiConsole Console, Action<BenchCommand.Figure> Report)
{
    public string RepoRoot => Path.GetDirectoryName(Workspace.ContentDirectory)!;
}
