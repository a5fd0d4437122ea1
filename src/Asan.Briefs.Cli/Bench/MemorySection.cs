using Asan.Briefs.Cli.Commands;
using Spectre.Console;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// Peak memory of a whole build against the number of briefs: a generated repository of 30 and of
/// 300 distinct briefs (<see cref="GeneratedRepository.Kind.Distinct"/>: each with font subsets and shapes of
/// its own, which the process-wide caches hold), each built once by a process of this CLI. Outputs are written and released edition
/// by edition, so the peak should not grow with the briefs; the target is 300 briefs under 250 MiB.
/// </summary>
public static class MemorySection
{
    private const double TargetMiB = 250;

    /// <param name="native">The native CLI, measured instead of this one when given (see <see cref="ThroughputSection"/>).</param>
    public static void Run(BenchContext context, string? native)
    {
        context.Console.MarkupLine($"[bold]Peak memory: one build process, 30 and 300 distinct briefs ({BenchRuns.Name(native)})[/]");
        var (file, prefix) = native is not null ? (native, "") : BenchRuns.Cli();
        double? fewer = null;
        foreach (var count in new[] { 30, 300 })
        {
            using var repository = GeneratedRepository.Create(context.Scratch, context.Seed.Directory, context.Workspace.TemplatesDirectory, count);
            var result = PeakMemory.Of(file, $"{prefix}build --root \"{repository.Root}\" --quiet");
            if (result is null)
            {
                context.Console.MarkupLine("  [yellow]no /proc on this system: peak memory is not measured[/]");
                return;
            }
            var mib = result.PeakBytes / (1024.0 * 1024.0);
            // The growth from 30 to 300 briefs is what the number of briefs costs; the rest is the engine.
            var growth = fewer is { } before ? $"; {(mib - before) * 1024 / (count - 30):F0} KiB more per added brief" : "";
            var verdict = count == 300 ? (mib < TargetMiB ? $", under the {TargetMiB:F0} MiB target" : $", OVER the {TargetMiB:F0} MiB target") : "";
            context.Report(new BenchCommand.Figure($"peak RSS, build of {count} distinct briefs", result.Milliseconds,
                $"{mib:F0} MiB peak resident{growth}{verdict}"));
            fewer = mib;
        }
    }
}
