using System.Diagnostics;

namespace Asan.Briefs.Tests.Support;

/// <summary>Runs a command-line checker the tests rely on; a missing tool fails the test with how to install it.</summary>
public static class ExternalTool
{
    private static readonly Dictionary<string, string> Packages = new()
    {
        ["pdftotext"] = "poppler-utils",
        ["qpdf"] = "qpdf",
        ["java"] = "default-jre-headless",
    };

    /// <summary>Runs a tool on a temporary file holding <paramref name="content"/>; {file} in the arguments names it.</summary>
    public static string RunOnFile(string tool, string arguments, byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"asan-briefs-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(path, content);
        try { return Run(tool, arguments.Replace("{file}", path)); }
        finally { File.Delete(path); }
    }

    public static string Run(string tool, string arguments, byte[]? input = null, int[]? acceptExit = null)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"'{tool}' is not installed; run `apt-get install {Packages.GetValueOrDefault(tool, tool)}` (.ci/run does)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
                process.StandardInput.Close();
            }
            process.WaitForExit();
            if (!(acceptExit ?? [0]).Contains(process.ExitCode))
                throw new InvalidOperationException($"{tool} {arguments} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
            return stdout.Result + stderr.Result;
        }
    }
}
