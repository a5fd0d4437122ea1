using System.Diagnostics;

namespace Asan.Briefs.Tests.Support;

/// <summary>
/// Runs the command-line checkers the tests rely on (pdftotext, qpdf, java with the Nu Html Checker).
/// On a machine that lacks one, the tests install it the way .ci/run does — Debian's package when
/// running as root with apt-get, vnu-jar with npm — so `dotnet test` works on a fresh machine; where
/// that is not possible the test fails with the command to run.
/// </summary>
public static class ExternalTool
{
    public const string VnuVersion = "26.9.27";
    /// <summary>pdf.js 4 runs on Node 20; the 5 and 6 lines need Node 22.</summary>
    public const string PdfJsVersion = "4.10.38";
    /// <summary>puppeteer-core 24 runs on Node 18 and later; the 25 line needs Node 22.</summary>
    public const string PuppeteerVersion = "24.43.1";
    public const string AxeVersion = "4.14.1";
    /// <summary>Debian's Chromium, which the browser tests drive (package chromium).</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static readonly Dictionary<string, string> Packages = new()
    {
        ["pdftotext"] = "poppler-utils",
        ["pdffonts"] = "poppler-utils",
        ["qpdf"] = "qpdf",
        ["java"] = "default-jre-headless",
        ["woff2_decompress"] = "woff2",
        ["soffice"] = "libreoffice-writer-nogui",
        ["chromium"] = "chromium",
        ["gs"] = "ghostscript",
        ["mutool"] = "mupdf-tools",
    };

    private static readonly object Gate = new();
    private static bool _aptUpdated;

    /// <summary>The Nu Html Checker's jar under tools/ (or VNU_JAR), installed with npm when missing.</summary>
    public static string VnuJar()
    {
        if (Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var jar = Path.Combine(Repository.Root, "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        lock (Gate)
        {
            if (!File.Exists(jar))
                Execute("npm", $"install --prefix \"{Path.Combine(Repository.Root, "tools")}\" --no-audit --no-fund vnu-jar@{VnuVersion}",
                    $"install the Nu Html Checker at the repository root with `npm install --prefix tools vnu-jar@{VnuVersion}` (needs Node.js)");
        }
        Ensure("java");
        return jar;
    }

    /// <summary>pdf.js's Node build under tools/ (npm pdfjs-dist), installed with npm when missing.</summary>
    public static string PdfJs()
    {
        var module = Path.Combine(Repository.Root, "tools", "node_modules", "pdfjs-dist", "legacy", "build", "pdf.mjs");
        lock (Gate)
        {
            if (!File.Exists(module))
                Execute("npm", $"install --prefix \"{Path.Combine(Repository.Root, "tools")}\" --no-audit --no-fund pdfjs-dist@{PdfJsVersion}",
                    $"install pdf.js at the repository root with `npm install --prefix tools pdfjs-dist@{PdfJsVersion}` (needs Node.js)");
        }
        return module;
    }

    /// <summary>
    /// tools/node_modules holding puppeteer-core and axe-core (installed with npm when missing), with
    /// Debian's Chromium installed for them to drive.
    /// </summary>
    public static string BrowserModules()
    {
        var modules = Path.Combine(Repository.Root, "tools", "node_modules");
        lock (Gate)
        {
            if (!File.Exists(Path.Combine(modules, "puppeteer-core", "package.json")) || !File.Exists(Path.Combine(modules, "axe-core", "axe.min.js")))
                Execute("npm", $"install --prefix \"{Path.Combine(Repository.Root, "tools")}\" --no-audit --no-fund puppeteer-core@{PuppeteerVersion} axe-core@{AxeVersion}",
                    $"install the browser test tools at the repository root with `npm install --prefix tools puppeteer-core@{PuppeteerVersion} axe-core@{AxeVersion}` (needs Node.js)");
        }
        Ensure("chromium");
        return modules;
    }

    /// <summary>Makes sure a tool is on the PATH, installing its Debian package if it can.</summary>
    public static void Ensure(string tool)
    {
        lock (Gate)
        {
            if (OnPath(tool)) return;
            var package = Packages.GetValueOrDefault(tool, tool);
            var how = $"'{tool}' is not installed; run `apt-get install {package}` (.ci/run does)";
            if (!OnPath("apt-get") || Environment.UserName != "root") throw new InvalidOperationException(how);
            if (!_aptUpdated)
            {
                Execute("apt-get", "update -qq", how);
                _aptUpdated = true;
            }
            Execute("apt-get", $"install -y -qq --no-install-recommends {package}", how, ("DEBIAN_FRONTEND", "noninteractive"));
            if (!OnPath(tool)) throw new InvalidOperationException(how);
        }
    }

    /// <summary>Runs a tool on a temporary file holding <paramref name="content"/>; {file} in the arguments names it.</summary>
    public static string RunOnFile(string tool, string arguments, byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"asan-briefs-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(path, content);
        try { return Run(tool, arguments.Replace("{file}", path)); }
        finally { File.Delete(path); }
    }

    public static string Run(string tool, string arguments, byte[]? input = null, int[]? acceptExit = null, (string Name, string Value)[]? environment = null)
    {
        Ensure(tool);
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
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

    private static void Execute(string file, string arguments, string failure, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{failure}\n{file} {arguments} failed: {error.Result}{output.Result}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));
}
