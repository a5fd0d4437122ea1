using System.Net;
using System.Text;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Html;
using Spectre.Console;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `serve`: watches and rebuilds like `watch`, and serves artifacts/ on 127.0.0.1. Pages served here
/// (not the files on disk) get a small script that reloads them after each rebuild.
/// </summary>
public sealed class PreviewServer : IDisposable
{
    private const string EventsPath = "/__reload";
    private const string ReloadCode = "new EventSource('" + EventsPath + "').onmessage=()=>location.reload();";
    private const string ReloadScript = "<script>" + ReloadCode + "</script>";
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly List<HttpListenerResponse> _subscribers = [];

    public PreviewServer(string artifactsDirectory, int port)
    {
        _root = Path.GetFullPath(artifactsDirectory);
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
    }

    public string Url { get; }

    public void Start()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    /// <summary>Tells every open page to reload.</summary>
    public void Reload()
    {
        lock (_subscribers)
        {
            foreach (var response in _subscribers.ToList())
            {
                try
                {
                    var message = Encoding.UTF8.GetBytes("data: reload\n\n");
                    response.OutputStream.Write(message);
                    response.OutputStream.Flush();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                {
                    _subscribers.Remove(response);
                }
            }
        }
    }

    private async Task AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            try { Serve(context); }
            catch (Exception e) when (e is HttpListenerException or IOException) { }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
        if (path == EventsPath)
        {
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            // Subscribed before the greeting goes out: a page that has read the greeting must not miss a reload.
            lock (_subscribers)
            {
                _subscribers.Add(response);
                response.OutputStream.Write(": connected\n\n"u8);
                response.OutputStream.Flush();
            }
            return;
        }
        if (path.EndsWith('/')) path += "index.html";
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            response.Close(Encoding.UTF8.GetBytes("not found"), willBlock: false);
            return;
        }
        var bytes = File.ReadAllBytes(file);
        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".pdf" => "application/pdf",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".png" => "image/png",
            ".ttf" => "font/ttf",
            ".woff" => "font/woff",
            ".woff2" => "font/woff2",
            ".zip" => "application/zip",
            _ => "application/octet-stream",
        };
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            // The page's policy runs no inline script but its own data: allow this one by its hash.
            var html = PageSecurity.AllowScript(Encoding.UTF8.GetString(bytes), ReloadCode);
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            bytes = Encoding.UTF8.GetBytes(at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript));
        }
        response.Headers["Cache-Control"] = "no-store";
        response.Close(bytes, willBlock: false);
    }

    public void Dispose()
    {
        _listener.Close();
    }
}

public static class ServeCommand
{
    public static int Run(Workspace workspace, BuildOptions options, int port, IAnsiConsole console)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        using var server = new PreviewServer(workspace.ArtifactsDirectory, port);
        using var watcher = new Watcher(workspace, options, console);
        watcher.Built += server.Reload;
        server.Start();
        console.MarkupLine($"[green]serving[/] {server.Url} [grey](pages reload after each rebuild)[/]");
        watcher.RunAsync(cancel.Token).GetAwaiter().GetResult();
        return CommandLine.Success;
    }
}
