// The targets a team and CI run: `dotnet tool restore && dotnet cake [--target=<name>]`.
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

RunTarget(target);
