// The targets a team and CI run: `dotnet tool restore && dotnet cake [--target=<name>]`.
// Every target drives the asan-briefs command, so what CI does is what a person runs.
var target = Argument("target", "Render");
var configuration = Argument("configuration", "Release");
var force = HasArgument("force");

var solution = "./AsanBriefs.sln";
var cli = "./src/Asan.Briefs.Cli/Asan.Briefs.Cli.csproj";

void RunCli(string arguments)
{
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --no-build --configuration {configuration} --project {cli} -- {arguments}",
    });
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

Task("Check")
    .Description("Validates content and templates without writing anything.")
    .IsDependentOn("Build")
    .Does(() => RunCli("check"));

Task("Render")
    .Description("Renders every brief in every language and format into artifacts/ (the default).")
    .IsDependentOn("Build")
    .Does(() => RunCli("build" + (force ? " --force" : "")));

Task("Test")
    .Description("Runs the test suite.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true });
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
    .IsDependentOn("Build")
    .Does(() => RunCli("publish"));

Task("Bench")
    .Description("Measures typesetting, rendering and throughput with a ReadyToRun build; writes artifacts/bench/bench.json.")
    .Does(() =>
{
    var output = "./artifacts/bench/cli";
    DotNetPublish(cli, new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = "linux-x64",
        SelfContained = false,
        OutputDirectory = output,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishReadyToRun", "true"),
    });
    var exit = StartProcess($"{output}/asan-briefs", new ProcessSettings { Arguments = "bench" });
    if (exit != 0) throw new CakeException(exit, "the benchmark failed");
});

RunTarget(target);
