using Asan.Briefs.Cli;
using Spectre.Console;

return CommandLine.Run(args, AnsiConsole.Console);
