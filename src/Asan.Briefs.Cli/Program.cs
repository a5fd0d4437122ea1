using Asan.Briefs.Cli;
using Spectre.Console;

// Logs and CI capture the output: don't wrap diagnostics at 80 columns there.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
return CommandLine.Run(args, AnsiConsole.Console);
