using Asan.Briefs.Cli;
using Asan.Briefs.Cli.Pipeline;
using Spectre.Console;

// This process builds once and exits (or watches): a small build may run without collections (CollectionPause).
AppContext.SetSwitch(CollectionPause.Switch, true);

// Results and progress go to stdout, errors and warnings to stderr, so a script can keep them apart.
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
// Logs and CI capture the output: don't wrap diagnostics at 80 columns there.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
if (Console.IsErrorRedirected) errors.Profile.Width = 240;
return CommandLine.Run(args, AnsiConsole.Console, errors);
