using System.Diagnostics;
using System.Text.Json;

namespace Asan.Briefs.Tests.Html;

/// <summary>
/// Every web edition passes the Nu Html Checker (vnu.jar from npm's vnu-jar) with no errors.
/// The tests install vnu-jar into tools/ with npm when it is missing (see Support/ExternalTool).
/// </summary>
[Collection(HtmlCollection.Name)]
public sealed class HtmlValidatorTests(HtmlFixture fixture)
{

    [Fact]
    public async Task Every_page_passes_the_Nu_Html_Checker()
    {
        var jar = Asan.Briefs.Tests.Support.ExternalTool.VnuJar();
        var pages = HtmlFixture.BriefIds.SelectMany(id => HtmlFixture.Languages.Select(lang => fixture.PagePath(id, lang))).ToList();
        foreach (var lang in HtmlFixture.Languages)
        {
            var index = Path.Combine(fixture.OutputDirectory, $"index.{lang}.html");
            File.WriteAllText(index, fixture.Templates.RenderIndex(fixture.Briefs.Values.ToList(), lang));
            pages.Add(index);
        }

        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(pages)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new Xunit.Sdk.XunitException("could not start java; install a Java 17+ runtime");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderrRead = process.StandardError.ReadToEndAsync();
        // A checker that hangs fails the test instead of holding up the whole run.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try { await process.WaitForExitAsync(patience.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the Nu Html Checker did not finish within 5 minutes");
        }
        var stderr = await stderrRead;

        // vnu writes its JSON report to standard error.
        var report = stderr.TrimStart().StartsWith('{') ? stderr : await stdout;
        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var u) ? u.GetString() : "?")}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, "Nu Html Checker errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

}
