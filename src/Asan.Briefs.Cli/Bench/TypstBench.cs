using System.Diagnostics;
using System.Text.Json;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.PrintMarkup;
using Asan.Briefs.Theming;

namespace Asan.Briefs.Cli.Bench;

/// <summary>
/// Typst, the nearest peer of our PDF engine, timed on the same editions: each edition's print markup
/// written as a .typ (<see cref="TypstSource"/>) with the theme's fonts, compiled by the npm package
/// @myriaddreamin/typst-ts-node-compiler that the Bench target installs into tools/.
/// </summary>
public sealed class TypstBench
{
    public const string Package = "@myriaddreamin/typst-ts-node-compiler";
    public const string Version = "0.7.0";

    private readonly string _node;
    private readonly string _package;
    private readonly string _script = Path.Combine(AppContext.BaseDirectory, "Bench", "typst-bench.cjs");
    private readonly string _folder;

    private TypstBench(string node, string package, string folder) => (_node, _package, _folder) = (node, package, folder);

    /// <returns>Null, with the reason, when node or the package is missing.</returns>
    public static (TypstBench? Bench, string? Missing) Find(string repoRoot, string scratch)
    {
        var package = Path.Combine(repoRoot, "tools", "node_modules", Package);
        if (ExternalProcess.Find("node") is not { } node) return (null, "node is not installed");
        if (!Directory.Exists(package)) return (null, $"{Package} is not in tools/ (npm install --prefix tools {Package}@{Version}, as the Bench target does)");
        return (new TypstBench(node, package, Path.Combine(scratch, "typst")), null);
    }

    public sealed record Edition(string Name, string Typ, string Pdf);

    /// <summary>Median compile-and-export times (ms): wall, and the node process's CPU (user + system) beside it.</summary>
    public sealed record Warm(int Pages, double Fresh, double FreshCpu, double Memoized, double MemoizedCpu, double Edited, double EditedCpu);

    /// <summary>Writes the edition as a .typ beside the PDF Typst will make of it.</summary>
    public Edition Write(string name, PrintDocument document, Theme theme)
    {
        Directory.CreateDirectory(_folder);
        var typ = Path.Combine(_folder, name + ".typ");
        File.WriteAllText(typ, TypstSource.Write(document, theme));
        return new Edition(name, typ, Path.Combine(_folder, name + ".typst.pdf"));
    }

    /// <summary>One compiler process for all the editions: each edition's median compile-and-export time.</summary>
    public IReadOnlyDictionary<string, Warm> RunWarm(IReadOnlyList<Edition> editions, string fonts, int runs)
    {
        var output = Run(editions, fonts, runs, "warm");
        var byTyp = editions.ToDictionary(e => e.Typ, e => e.Name);
        return output.Split('\n').Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(
                e => byTyp[e.GetProperty("typ").GetString()!],
                e => new Warm(e.GetProperty("pages").GetInt32(), e.GetProperty("fresh").GetDouble(), e.GetProperty("freshCpu").GetDouble(),
                    e.GetProperty("memoized").GetDouble(), e.GetProperty("memoizedCpu").GetDouble(), e.GetProperty("edited").GetDouble(), e.GetProperty("editedCpu").GetDouble()));
    }

    /// <summary>A whole process (node, the compiler, the fonts) compiling the editions once: its wall time.</summary>
    public double RunCold(IReadOnlyList<Edition> editions, string fonts)
    {
        var start = Stopwatch.GetTimestamp();
        Run(editions, fonts, 1, "cold");
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private string Run(IReadOnlyList<Edition> editions, string fonts, int runs, string mode)
    {
        var job = Path.Combine(_folder, $"job-{mode}.json");
        using (var stream = File.Create(job))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("fonts", fonts);
            json.WriteNumber("runs", runs);
            json.WriteStartArray("files");
            foreach (var edition in editions)
            {
                json.WriteStartObject();
                json.WriteString("typ", edition.Typ);
                json.WriteString("pdf", edition.Pdf);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var result = ExternalProcess.Run(_node, $"\"{_script}\" \"{_package}\" \"{job}\" {mode}")!;
        if (result.ExitCode != 0) throw new InvalidOperationException($"Typst ({mode}) exited {result.ExitCode}: {result.Output}");
        return result.Output;
    }
}
