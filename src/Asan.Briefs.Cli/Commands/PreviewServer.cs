using System.Net;
using System.Net.Sockets;
using System.Text;
using Asan.Briefs.Html;
using Asan.Briefs.Reading;

namespace Asan.Briefs.Cli.Commands;

/// <summary>
/// `serve`'s HTTP server on 127.0.0.1: GET and HEAD of the files in artifacts/, and an event stream that
/// tells open pages to reload after each rebuild (pages served here get a small script for it).
/// Written on plain sockets so that it owns its limits: at most <see cref="MaxConnections"/> requests at
/// once, a request's head must arrive within the idle timeout, and when every slot is taken the
/// connection that has waited longest for its head is closed for the new one. A slow or hostile client
/// (slow loris, a page sending odd requests to 127.0.0.1) neither stops nor starves the others.
/// </summary>
public sealed class PreviewServer : IDisposable
{
    public const int MaxConnections = 64;
    // Event streams hold a connection each; a few dozen tabs are plenty for a preview.
    private const int MaxPages = 64;
    private const int MaxHead = 16 * 1024;
    private const string EventsPath = "/__reload";
    private const string ReloadCode = "new EventSource('" + EventsPath + "').onmessage=()=>location.reload();";
    private const string ReloadScript = "<script>" + ReloadCode + "</script>";
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly string _root;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _subscribers = [];
    private readonly LinkedList<Connection> _connections = [];

    public PreviewServer(string artifactsDirectory, int port, TimeSpan? idleTimeout = null)
    {
        _root = Path.GetFullPath(artifactsDirectory);
        _idleTimeout = idleTimeout ?? TimeSpan.FromSeconds(10);
        _listener = new TcpListener(IPAddress.Loopback, port);
        Url = $"http://127.0.0.1:{port}/";
    }

    public string Url { get; }

    /// <summary>Raised with one line for each request that failed on the server's side.</summary>
    public event Action<string>? Errors;

    public void Start()
    {
        _listener.Start(backlog: 256);
        _ = Task.Run(AcceptLoop);
    }

    /// <summary>Tells every open page to reload.</summary>
    public void Reload()
    {
        var message = "data: reload\n\n"u8.ToArray();
        lock (_subscribers)
        {
            foreach (var socket in _subscribers.ToList())
            {
                try { socket.Send(message); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    _subscribers.Remove(socket);
                    socket.Dispose();
                }
            }
        }
    }

    /// <summary>One accepted socket; <see cref="Idle"/> while its request's head has not all arrived.</summary>
    private sealed class Connection(Socket socket) : IDisposable
    {
        public Socket Socket { get; } = socket;
        public CancellationTokenSource Cancel { get; } = new();
        public bool Idle { get; set; } = true;
        public LinkedListNode<Connection>? Node { get; set; }

        public void Dispose()
        {
            Cancel.Dispose();
            Socket.Dispose();
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { continue; }
            var connection = new Connection(socket);
            if (!Admit(connection))
            {
                // Every slot serves a request that has arrived whole: this one waits for none of them.
                _ = Task.Run(() => Refuse(connection));
                continue;
            }
            _ = Task.Run(() => Handle(connection));
        }
    }

    private bool Admit(Connection connection)
    {
        lock (_connections)
        {
            if (_connections.Count >= MaxConnections)
            {
                var idlest = _connections.FirstOrDefault(c => c.Idle);
                if (idlest is null) return false;
                idlest.Idle = false;
                idlest.Cancel.Cancel();
                _connections.Remove(idlest.Node!);
                idlest.Node = null;
            }
            connection.Node = _connections.AddLast(connection);
            return true;
        }
    }

    private void Leave(Connection connection)
    {
        lock (_connections)
        {
            if (connection.Node is not null) _connections.Remove(connection.Node);
            connection.Node = null;
        }
    }

    private static void Refuse(Connection connection)
    {
        try { connection.Socket.Send(Head(503, "text/plain", 0, "Retry-After: 1\r\n")); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        connection.Dispose();
    }

    private async Task Handle(Connection connection)
    {
        var keep = false;
        try
        {
            connection.Socket.NoDelay = true;
            connection.Socket.SendTimeout = (int)SendTimeout.TotalMilliseconds;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(connection.Cancel.Token, _stop.Token);
            deadline.CancelAfter(_idleTimeout);
            var head = await ReadHead(connection.Socket, deadline.Token);
            lock (_connections) connection.Idle = false;
            if (head is null) return;
            keep = Respond(connection.Socket, head);
        }
        catch (OperationCanceledException)
        {
            // Idle too long, or closed for a newer connection: say so if the client still listens.
            try { connection.Socket.Send(Head(408, "text/plain", 0)); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException) { }
        catch (Exception e)
        {
            // No request may stop the server: answer it, say what happened, keep listening.
            Errors?.Invoke($"request: {e.GetType().Name}: {e.Message}");
            try { connection.Socket.Send(Head(500, "text/plain", 0)); } catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        }
        finally
        {
            Leave(connection);
            if (keep) connection.Cancel.Dispose();
            else connection.Dispose();
        }
    }

    /// <summary>The request's head up to its blank line; null when it is too long (answered 431) or the client left.</summary>
    private static async Task<string?> ReadHead(Socket socket, CancellationToken cancel)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancel);
            if (read == 0) return null;
            var from = Math.Max(0, length - 3);
            length += read;
            var end = buffer.AsSpan(from, length - from).IndexOf("\r\n\r\n"u8);
            if (end >= 0) return Encoding.Latin1.GetString(buffer, 0, from + end);
        }
        socket.Send(Head(431, "text/plain", 0));
        return null;
    }

    /// <returns>True when the socket stays open as an event stream.</returns>
    private bool Respond(Socket socket, string head)
    {
        var requestLine = head[..(head.IndexOf('\r') is var cr and >= 0 ? cr : head.Length)].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !requestLine[1].StartsWith('/'))
            return Answer(socket, 400, "bad request");
        var method = requestLine[0];
        if (method is not ("GET" or "HEAD")) return Answer(socket, 405, "only GET and HEAD", "Allow: GET, HEAD\r\n");
        var target = requestLine[1];
        var query = target.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(query < 0 ? target : target[..query]);
        if (path.Any(char.IsControl) || path.Contains('\\')) return Answer(socket, 400, "bad request");
        if (path == EventsPath) return Subscribe(socket);
        if (path.EndsWith('/')) path += "index.html";
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        // Only regular files inside artifacts/, links resolved: never a link out or a device.
        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file) || BriefFiles.Problem(_root, file) is not null)
            return Answer(socket, 404, "not found");
        var bytes = File.ReadAllBytes(file);
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            // The page's policy runs no inline script but its own data: allow this one by its hash.
            var html = PageSecurity.AllowScript(Encoding.UTF8.GetString(bytes), ReloadCode);
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            bytes = Encoding.UTF8.GetBytes(at < 0 ? html + ReloadScript : html.Insert(at, ReloadScript));
        }
        socket.Send(Head(200, ContentType(file), bytes.Length));
        if (method == "GET") socket.Send(bytes);
        return false;
    }

    private bool Subscribe(Socket socket)
    {
        lock (_subscribers)
        {
            // At most MaxPages open pages: the oldest stream is closed for a new one.
            if (_subscribers.Count >= MaxPages)
            {
                _subscribers[0].Dispose();
                _subscribers.RemoveAt(0);
            }
            // Subscribed before the greeting goes out: a page that has read the greeting must not miss a reload.
            _subscribers.Add(socket);
            socket.Send(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n: connected\n\n"));
        }
        return true;
    }

    private static bool Answer(Socket socket, int status, string text, string extraHeaders = "")
    {
        var body = Encoding.UTF8.GetBytes(text);
        socket.Send(Head(status, "text/plain; charset=utf-8", body.Length, extraHeaders));
        socket.Send(body);
        return false;
    }

    private static byte[] Head(int status, string contentType, long length, string extraHeaders = "") => Encoding.ASCII.GetBytes(
        $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\n" +
        $"Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n{extraHeaders}\r\n");

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    private static string ContentType(string file) => Path.GetExtension(file) switch
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

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_subscribers)
        {
            foreach (var socket in _subscribers) socket.Dispose();
            _subscribers.Clear();
        }
        _stop.Dispose();
    }
}
