using System.Text.Json.Serialization;
using Asan.Briefs.Cli.Commands;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// The JSON files the CLI reads and writes (the build state and the bench figures), with serializers
/// generated at compile time so the CLI also runs as a native (AOT-compiled) program.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, BuildState.EditionRecord>))]
[JsonSerializable(typeof(SortedDictionary<string, BuildState.EditionRecord>))]
[JsonSerializable(typeof(BenchCommand.Report))]
[JsonSerializable(typeof(BuildReport))]
internal sealed partial class CliJson : JsonSerializerContext;
