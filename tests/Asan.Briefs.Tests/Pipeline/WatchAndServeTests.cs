using System.Net.Http;
using Asan.Briefs.Cli.Commands;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Tests.Support;
using Spectre.Console.Testing;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>`watch` rebuilds after a save and keeps the last good output on an error; `serve` reloads pages.</summary>
public class WatchAndServeTests
{
    [Fact]
    public async Task Watch_rebuilds_after_a_save_and_keeps_the_last_good_output_on_an_error()
    {
        using var scratch = new ScratchBrief();
        var workspace = scratch.Workspace;
        var console = new TestConsole();
        console.Profile.Width = 1000;
        using var watcher = new Watcher(workspace, new BuildOptions([], OutputFormat.Html, [], Force: false), console);
        var builds = 0;
        var built = new SemaphoreSlim(0);
        watcher.Built += () => { Interlocked.Increment(ref builds); built.Release(); };
        using var stop = new CancellationTokenSource();
        var running = watcher.RunAsync(stop.Token);
        var page = Path.Combine(workspace.ArtifactsDirectory, "scratch-brief", "scratch-brief.en.html");

        Assert.True(await built.WaitAsync(TimeSpan.FromSeconds(60)), "the first build did not finish");
        Assert.DoesNotContain("A paragraph written while watching", File.ReadAllText(page));

        scratch.Write("body.en.md", ScratchBrief.English.Replace("A paragraph with", "A paragraph written while watching, with"));
        Assert.True(await built.WaitAsync(TimeSpan.FromSeconds(60)), "no rebuild after the save");
        var good = File.ReadAllText(page);
        Assert.Contains("A paragraph written while watching", good);

        await Task.Delay(TimeSpan.FromSeconds(1)); // let any echo of the save settle
        var buildsBefore = Volatile.Read(ref builds);
        scratch.Write("brief.yaml", ScratchBrief.Yaml.Replace("date: 2022-04-29", "date: [2022"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(buildsBefore, Volatile.Read(ref builds));
        Assert.Contains("brief.yaml", console.Output);
        Assert.Equal(good, File.ReadAllText(page));

        stop.Cancel();
        await running;
    }

    [Fact]
    public async Task Serve_injects_a_reload_script_and_tells_open_pages_to_reload()
    {
        var root = Path.Combine(Path.GetTempPath(), "asan-briefs-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><html><body><p>page</p></body></html>");
        var port = 20000 + Random.Shared.Next(20000);
        using var server = new PreviewServer(root, port);
        server.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };

        var page = await http.GetStringAsync("/");
        Assert.Contains("<p>page</p>", page);
        Assert.Contains("EventSource", page);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/../secret.txt")).StatusCode);

        using var events = await http.GetStreamAsync("/__reload");
        using var reader = new StreamReader(events);
        // The client's timeout ends with the headers; the event stream's reads get their own.
        var patience = TimeSpan.FromSeconds(20);
        Assert.StartsWith(":", await reader.ReadLineAsync().WaitAsync(patience));
        server.Reload();
        string? line;
        do line = await reader.ReadLineAsync().WaitAsync(patience); while (line is "");
        Assert.Equal("data: reload", line);
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("/a%00b")]
    [InlineData("/%01%02")]
    [InlineData("/a%ZZb")]
    [InlineData("/" + "%2e%2e/%2e%2e/etc/passwd")]
    public async Task Serve_keeps_answering_after_a_hostile_request(string target)
    {
        var root = Path.Combine(Path.GetTempPath(), "asan-briefs-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><html><body><p>page</p></body></html>");
        File.CreateSymbolicLink(Path.Combine(root, "leak.txt"), "/etc/passwd");
        var port = 20000 + Random.Shared.Next(20000);
        using var server = new PreviewServer(root, port);
        server.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };

        // Sent byte for byte, as a hostile page could; the client must not clean it up first.
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"));
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            var answer = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
            Assert.Matches(@"^HTTP/1\.1 (400|404)", answer);
        }
        Assert.Contains("<p>page</p>", await http.GetStringAsync("/"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/leak.txt")).StatusCode);
        Directory.Delete(root, recursive: true);
    }
}
