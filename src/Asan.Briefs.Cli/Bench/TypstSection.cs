using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Spectre.Console;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// Typst beside our PDF engine on the same editions, as ratios from the same run: warm (one process,
/// per edition) and cold (a whole process making the seed brief's two PDFs). Before any figure, each
/// Typst PDF's words are compared with ours (pdftotext), so the two did the same work.
/// </summary>
public static class TypstSection
{
    public static void Run(BenchContext context, IReadOnlyDictionary<string, double> ourWarmPdf)
    {
        var console = context.Console;
        console.MarkupLine("[bold]Typst (typst-ts-node-compiler) on the same editions, same fonts[/]");
        var (typst, missing) = TypstBench.Find(context.RepoRoot, context.Scratch);
        if (typst is null)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(missing!)}: no Typst figures[/]");
            return;
        }
        var publisher = context.Publisher;
        var editions = context.Briefs.SelectMany(b => b.Languages.Select(lang =>
            typst.Write($"{b.Id}.{lang}", publisher.PrintDocument(b, lang), publisher.Theme))).ToList();
        var fonts = publisher.Theme.FontsDirectory;
        var warm = typst.RunWarm(editions, fonts, context.Iterations);

        var pdf = new Asan.Briefs.Pdf.PdfWriter(theme => new Asan.Briefs.Pdf.Text.TextLayouter(theme));
        foreach (var edition in editions)
        {
            var ours = Path.Combine(context.Scratch, "typst", edition.Name + ".ours.pdf");
            var (brief, lang) = (context.Briefs.Single(b => edition.Name.StartsWith(b.Id + ".", StringComparison.Ordinal)), edition.Name.Split('.')[^1]);
            var document = publisher.PrintDocument(brief, lang);
            File.WriteAllBytes(ours, pdf.Write(document, publisher.Theme));
            var same = SameWords.Share(ours, edition.Pdf);
            var time = ourWarmPdf.TryGetValue(edition.Name, out var measured) ? measured : BenchRuns.Median(context.Iterations, () => pdf.Write(document, publisher.Theme));
            // CPU beside wall time: on a loaded machine the wall clock also counts the waits for a core.
            var cpu = BenchRuns.MedianCpu(context.Iterations, () => pdf.Write(document, publisher.Theme));
            var t = warm[edition.Name];
            context.Report(new BenchCommand.Figure($"typst {edition.Name}, ours (cpu {cpu:F2} ms)", time,
                $"{pdf.Layout(document, publisher.Theme).Pages.Count} pages (typst {t.Pages}); words in common {same:P1}"));
            context.Report(new BenchCommand.Figure($"typst {edition.Name}, warm, cache emptied", t.Fresh,
                $"cpu {t.FreshCpu:F2} ms; every page set again; ours / typst {time / t.Fresh:F2} (cpu {cpu / t.FreshCpu:F2})"));
            context.Report(new BenchCommand.Figure($"typst {edition.Name}, warm, one word edited", t.Edited,
                $"cpu {t.EditedCpu:F2} ms; as `typst watch` after an edit; ours / typst {time / t.Edited:F2} (cpu {cpu / t.EditedCpu:F2})"));
            context.Report(new BenchCommand.Figure($"typst {edition.Name}, warm, unchanged", t.Memoized,
                $"cpu {t.MemoizedCpu:F2} ms; every layout from the cache; ours / typst {time / t.Memoized:F2} (cpu {cpu / t.MemoizedCpu:F2})"));
        }

        // Cold: the seed brief's two PDFs, each side a whole process; the two take turns.
        var seedEditions = editions.Where(e => e.Name.StartsWith(context.Seed.Id + ".", StringComparison.Ordinal)).ToList();
        var ourArguments = $"build --root \"{context.RepoRoot}\" --brief {context.Seed.Id} --format pdf --force --quiet --out \"{Path.Combine(context.Scratch, "typst-cold")}\"";
        var typstCold = new List<double>();
        var ourCold = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            typstCold.Add(typst.RunCold(seedEditions, fonts));
            ourCold.Add(BenchRuns.MedianOf(1, () => BenchRuns.Run(BenchRuns.Cli(), ourArguments)));
        }
        var (typstMedian, ourMedian) = (typstCold.Order().ElementAt(1), ourCold.Order().ElementAt(1));
        context.Report(new BenchCommand.Figure($"cold process, 2 PDFs ({context.Seed.Id}): this CLI", ourMedian, $"ours / typst {ourMedian / typstMedian:F2}"));
        context.Report(new BenchCommand.Figure($"cold process, 2 PDFs ({context.Seed.Id}): typst (node)", typstMedian, "node, the compiler, fonts, compile and write"));
    }
}
