using System.Net;
using System.Text;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Html;
using Asan.Briefs.Reading;
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
    // Event streams hold a connection each; a few dozen tabs are plenty for a preview.
    private const int MaxPages = 64;
    private readonly SemaphoreSlim _slots = new(MaxPages);

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
            // Each request on its own, within a limit: a slow or hostile client neither blocks nor stops the others.
            if (!await _slots.WaitAsync(TimeSpan.FromSeconds(5)))
            {
                Abort(context, 503);
                continue;
            }
            _ = Task.Run(() =>
            {
                try { Serve(context); }
                catch (Exception e)
                {
                    // No request may stop the server: answer it, say what happened, keep listening.
                    if (e is not (HttpListenerException or IOException or ObjectDisposedException)) Errors?.Invoke($"request {context.Request.RawUrl}: {e.GetType().Name}: {e.Message}");
                    Abort(context, 500);
                }
                finally { _slots.Release(); }
            });
        }
    }

    /// <summary>Raised with one line for each request that failed on the server's side.</summary>
    public event Action<string>? Errors;

    private static void Abort(HttpListenerContext context, int status)
    {
        try
        {
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
        if (path.Any(char.IsControl) || path.Contains('\\'))
        {
            response.StatusCode = 400;
            response.Close("bad request"u8.ToArray(), willBlock: false);
            return;
        }
        if (path == EventsPath)
        {
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            // Subscribed before the greeting goes out: a page that has read the greeting must not miss a reload.
            lock (_subscribers)
            {
                // At most as many open pages as request slots: the oldest stream is closed for a new one.
                if (_subscribers.Count >= MaxPages)
                {
                    try { _subscribers[0].Abort(); } catch (ObjectDisposedException) { }
                    _subscribers.RemoveAt(0);
                }
                _subscribers.Add(response);
                response.OutputStream.Write(": connected\n\n"u8);
                response.OutputStream.Flush();
            }
            return;
        }
        if (path.EndsWith('/')) path += "index.html";
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        // Only regular files inside artifacts/, links resolved: never a link out or a device.
        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file) || BriefFiles.Problem(_root, file) is not null)
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
        _slots.Dispose();
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
        server.Errors += line => console.MarkupLine($"[red]{Markup.Escape(line)}[/] [grey](still serving)[/]");
        server.Start();
        console.MarkupLine($"[green]serving[/] {server.Url} [grey](pages reload after each rebuild)[/]");
        watcher.RunAsync(cancel.Token).GetAwaiter().GetResult();
        return CommandLine.Success;
    }
}
