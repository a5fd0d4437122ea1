namespace Asan.Briefs.Tests.Support;

/// <summary>A small valid two-language brief in a temporary folder, for tests to break one file at a time.</summary>
public sealed class ScratchBrief : IDisposable
{
    public const string Yaml = """
        languages: [en, ko]
        series: issue-brief
        number: ""
        date: 2022-04-29
        title: { en: "A Test Brief", ko: "시험 브리프" }
        summary: { en: "Summary.", ko: "요약." }
        keywords: { en: [test], ko: [시험] }
        authors:
          - name: { en: "Choi Eunmi", ko: "최은미" }
            role: { en: "Research Fellow", ko: "연구위원" }
            affiliation: { en: "The Asan Institute for Policy Studies", ko: "아산정책연구원" }
        """;

    /// <summary><see cref="Yaml"/> with English only (no body.ko.md needed).</summary>
    public static readonly string EnglishOnlyYaml = System.Text.RegularExpressions.Regex.Replace(
        Yaml.Replace("languages: [en, ko]", "languages: [en]"), @", ko: (""[^""]*""|\[[^\]]*\])", "");

    public const string English = """
        The introduction.[^a]

        # First section {#first}

        A paragraph with *emphasis* and a [link](https://www.asaninst.org/).

        - one
        - two

        [^a]: A note.
        """;

    public const string Korean = """
        서론이다.[^a]

        # 첫째 절 {#first}

        *강조*와 [링크](https://www.asaninst.org/)가 있는 문단이다.

        - 하나
        - 둘

        [^a]: 주석이다.
        """;

    public ScratchBrief(string id = "scratch-brief")
    {
        Root = Path.Combine(Path.GetTempPath(), "asan-briefs-tests", Guid.NewGuid().ToString("N"));
        Directory = Path.Combine(Root, "content", id);
        System.IO.Directory.CreateDirectory(Directory);
        Write("brief.yaml", Yaml);
        Write("body.en.md", English);
        Write("body.ko.md", Korean);
    }

    /// <summary>The repository-like folder: content/ beside a copy-free link to the real templates.</summary>
    public string Root { get; }
    public string Directory { get; }

    /// <summary>The scratch content with the repository's templates, building into the scratch folder.</summary>
    public Asan.Briefs.Cli.Pipeline.Workspace Workspace =>
        new(Path.Combine(Root, "content"), Repository.Templates, Path.Combine(Root, "artifacts"));

    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>Copies the repository's templates into the scratch folder (fonts linked, not copied), for a test to break one.</summary>
    public string CopyTemplates()
    {
        var to = Path.Combine(Root, "templates");
        foreach (var file in System.IO.Directory.EnumerateFiles(Repository.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(Repository.Templates, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (file.EndsWith(".ttf", StringComparison.Ordinal)) File.CreateSymbolicLink(target, file);
            else File.Copy(file, target);
        }
        return to;
    }

    /// <summary>Runs the command line on the scratch folder (its own templates: call <see cref="CopyTemplates"/> first).</summary>
    public (int Exit, string Output) Cli(params string[] args)
    {
        var console = new Spectre.Console.Testing.TestConsole { EmitAnsiSequences = false };
        console.Profile.Width = 4000;
        var exit = Asan.Briefs.Cli.CommandLine.Run([args[0], "--root", Root, .. args[1..]], console);
        return (exit, console.Output);
    }

    /// <summary>Every file under artifacts/ with its hash and time, to show a failed build changed nothing.</summary>
    public Dictionary<string, string> ArtifactsSnapshot() => !System.IO.Directory.Exists(Artifacts) ? [] :
        System.IO.Directory.EnumerateFiles(Artifacts, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(Artifacts, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
