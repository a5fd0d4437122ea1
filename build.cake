// The targets a team and CI run: `dotnet tool restore && dotnet cake [--target=<name>]`.
// Every target drives the asan-briefs command, so what CI does is what a person runs.
var target = Argument("target", "Render");
var configuration = Argument("configuration", "Release");
var force = HasArgument("force");
// CI's matrix: `--shard=K/N` renders the K-th of N shares of the briefs (see the README).
var shard = Argument<string>("shard", null);

var solution = "./AsanBriefs.sln";
var cli = "./src/Asan.Briefs.Cli/Asan.Briefs.Cli.csproj";

// The CLI the build just produced, run directly (its apphost, else `dotnet <dll>`): `dotnet run` would
// evaluate the project again and start the SDK first, which cost 8.9 times the CLI's own start.
var cliOutput = $"./src/Asan.Briefs.Cli/bin/{configuration}/net10.0";

void RunCli(string arguments)
{
    var apphost = $"{cliOutput}/asan-briefs" + (IsRunningOnWindows() ? ".exe" : "");
    var (file, prefix) = FileExists(apphost) ? (apphost, "") : ("dotnet", $"\"{cliOutput}/asan-briefs.dll\" ");
    var exit = StartProcess(file, new ProcessSettings { Arguments = prefix + arguments });
    if (exit != 0) throw new CakeException(exit, $"asan-briefs {arguments} failed with exit code {exit}");
}

Task("Clean")
    .Description("Deletes artifacts/ and build outputs.")
    .Does(() =>
{
    CleanDirectory("./artifacts");
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Build")
    .Description("Compiles the solution.")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

// Rendering needs only the CLI: building it alone skips the test project's up-to-date check and copy.
Task("BuildCli")
    .Description("Compiles the asan-briefs command and the libraries it uses.")
    .Does(() =>
{
    DotNetBuild(cli, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoLogo = true,
        // No restore when the assets file exists: restore evaluates every project again, most of a no-change build.
        NoRestore = FileExists("./src/Asan.Briefs.Cli/obj/project.assets.json"),
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("BuildInParallel", "true"),
    });
});

Task("Check")
    .Description("Validates content and templates without writing anything.")
    .IsDependentOn("BuildCli")
    .Does(() => RunCli("check"));

Task("Import")
    .Description("Reads an edited Word draft back into its brief: --file=DRAFT.docx [--brief=ID] [--lang=LANG] [--accept-changes] [--root=DIR]")
    .IsDependentOn("BuildCli")
    .Does(() =>
{
    var file = Argument<string>("file", null) ?? throw new Exception("name the draft: dotnet cake --target=Import --file=path/to/brief.lang.docx");
    var options = $"\"{MakeAbsolute(File(file))}\"";
    if (HasArgument("brief")) options += $" --brief {Argument<string>("brief")}";
    if (HasArgument("lang")) options += $" --lang {Argument<string>("lang")}";
    if (HasArgument("accept-changes")) options += " --accept-changes";
    if (HasArgument("root")) options += $" --root \"{MakeAbsolute(Directory(Argument<string>("root")))}\"";
    RunCli("import " + options);
});

Task("Render")
    .Description("Renders every brief in every language and format into artifacts/ (the default).")
    .IsDependentOn("BuildCli")
    .Does(() => RunCli("build" + (force ? " --force" : "") + (shard != null ? $" --shard {shard}" : "")));

Task("Figures")
    .Description("Draws the figures that are made from data (scripts/figure-*.cs) into content/, in every language.")
    .Does(() =>
{
    foreach (var script in GetFiles("./scripts/figure-*.cs"))
    {
        var exit = StartProcess("dotnet", new ProcessSettings { Arguments = $"run \"{script.FullPath}\"" });
        if (exit != 0) throw new CakeException(exit, $"{script.GetFilename()} failed with exit code {exit}");
    }
});

Task("Test")
    .Description("Runs the test suite.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true });
});

Task("Fuzz")
    .Description("The property test on thousands of random briefs, every format: --cases=N (default 3000), --seed=N.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var settings = new DotNetTestSettings { Configuration = configuration, NoBuild = true, Filter = "FullyQualifiedName~RandomBriefTests" };
    settings.EnvironmentVariables["FUZZ_CASES"] = Argument("cases", "3000");
    settings.EnvironmentVariables["FUZZ_FORMATS"] = "all";
    if (HasArgument("seed")) settings.EnvironmentVariables["FUZZ_SEED"] = Argument<string>("seed");
    DotNetTest(solution, settings);
});

Task("Validate")
    .Description("Checks every output: Open XML validator, qpdf and pdffonts, the Nu Html Checker.")
    .IsDependentOn("Render")
    .Does(() =>
{
    if (!FileExists("./tools/node_modules/vnu-jar/build/dist/vnu.jar"))
    {
        Information("Installing the Nu Html Checker (npm vnu-jar) into tools/");
        var npm = StartProcess("npm", "install --prefix tools --no-audit --no-fund vnu-jar@26.9.27");
        if (npm != 0) throw new CakeException(npm, "npm could not install vnu-jar; install Node.js and npm, or run `npm install --prefix tools vnu-jar` yourself");
    }
    RunCli("validate");
});

Task("Publish")
    .Description("Renders everything and assembles artifacts/site/: the index, editions, downloads and a zip per brief.")
    .IsDependentOn("BuildCli")
    .Does(() => RunCli("publish" + (HasArgument("assemble-only") ? " --assemble-only" : "")));

// Native AOT links with clang; Debian installs it as clang-<version> unless the unversioned package is there too.
string FindClang() =>
    new[] { "clang" }.Concat(Enumerable.Range(14, 12).Reverse().Select(v => $"clang-{v}"))
        .FirstOrDefault(name => Context.Tools.Resolve(name) != null);

Task("Bench")
    .Description("Measures typesetting, rendering, throughput and cold start (ReadyToRun and native builds); writes artifacts/bench/bench.json.")
    .Does(() =>
{
    // The bench runs in a ReadyToRun build, as a JIT-compiled program runs after its first minutes of use.
    var output = "./artifacts/bench/cli";
    DotNetPublish(cli, new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = "linux-x64",
        SelfContained = false,
        OutputDirectory = output,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishReadyToRun", "true"),
    });

    // Typst, the PDF engine's nearest peer, is timed on the same editions: its npm build, into tools/.
    if (!DirectoryExists("./tools/node_modules/@myriaddreamin/typst-ts-node-compiler"))
    {
        Information("Installing Typst (npm @myriaddreamin/typst-ts-node-compiler) into tools/");
        if (StartProcess("npm", "install --prefix tools --no-audit --no-fund @myriaddreamin/typst-ts-node-compiler@0.7.0") != 0)
            Warning("npm could not install Typst: the bench runs without the Typst figures");
    }

    // The cold start is measured for the native (AOT-compiled) CLI too: no JIT and no runtime to load.
    // --only=typst,memory runs only those sections of the bench (see `asan-briefs bench --help`).
    var arguments = "bench" + (HasArgument("only") ? $" --only {Argument<string>("only")}" : "");
    var clang = FindClang();
    if (clang == null && IsRunningOnLinux() && StartProcess("sh", "-c \"command -v apt-get && [ $(id -u) = 0 ]\"") == 0)
    {
        Information("Installing clang, which a native build links with (apt-get install clang)");
        StartProcess("apt-get", "install -y -q clang");
        clang = FindClang();
    }
    if (clang == null)
    {
        Warning("No clang found, so no native build: the cold start is measured for the ReadyToRun CLI only. Install clang to measure both.");
    }
    else
    {
        var native = "./artifacts/bench/native";
        try
        {
            DotNetPublish(cli, new DotNetPublishSettings
            {
                Configuration = "Release",
                Runtime = "linux-x64",
                OutputDirectory = native,
                MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishAot", "true").WithProperty("CppCompilerAndLinker", clang),
            });
            arguments += $" --native {native}/asan-briefs";
        }
        catch (CakeException e)
        {
            Warning($"The native build failed ({e.Message}): the cold start is measured for the ReadyToRun CLI only.");
        }
    }
    var exit = StartProcess($"{output}/asan-briefs", new ProcessSettings { Arguments = arguments });
    if (exit != 0) throw new CakeException(exit, "the benchmark failed");
});

RunTarget(target);
