using System.Net.Sockets;
using System.Text;
using Asan.Briefs.Cli.Commands;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>
/// Clients that open sockets and never finish a request (slow loris) are real sockets here: they neither
/// stop other requests nor hold their sockets for long.
/// </summary>
public class ServeConnectionTests
{
    private static (string Root, int Port) Site()
    {
        var root = Path.Combine(Path.GetTempPath(), "asan-briefs-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><html><body><p>page</p></body></html>");
        return (root, 20000 + Random.Shared.Next(20000));
    }

    private static async Task<TcpClient> HalfRequest(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: "));
        return tcp;
    }

    [Fact]
    public async Task More_unfinished_requests_than_the_connection_limit_do_not_stop_a_real_one()
    {
        var (root, port) = Site();
        // Idle connections are closed only after a minute here: the request below must get through on its own.
        using var server = new PreviewServer(root, port, idleTimeout: TimeSpan.FromMinutes(1));
        server.Start();
        var slow = new List<TcpClient>();
        for (var i = 0; i < PreviewServer.MaxConnections + 36; i++) slow.Add(await HalfRequest(port));

        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("<p>page</p>", await http.GetStringAsync("/"));

        // At most the limit of them is still open on the server's side: the others were told 408 or 503 and closed.
        var closed = 0;
        foreach (var tcp in slow)
        {
            var buffer = new byte[64];
            try
            {
                if (tcp.Client.Poll(200_000, SelectMode.SelectRead))
                {
                    var read = tcp.Client.Receive(buffer);
                    var answer = Encoding.ASCII.GetString(buffer, 0, read);
                    if (read == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal) || answer.StartsWith("HTTP/1.1 503", StringComparison.Ordinal)) closed++;
                }
            }
            catch (SocketException) { closed++; }
            tcp.Dispose();
        }
        Assert.True(closed >= 36, $"only {closed} of {slow.Count} unfinished requests were closed");
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_timeout()
    {
        var (root, port) = Site();
        using var server = new PreviewServer(root, port, idleTimeout: TimeSpan.FromSeconds(1));
        server.Start();
        using var tcp = await HalfRequest(port);
        var started = DateTime.UtcNow;
        var buffer = new byte[256];
        var read = await tcp.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        // Closed (0 bytes) or told it timed out (408), and not held for long.
        Assert.True(read == 0 || Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 408", StringComparison.Ordinal), Encoding.ASCII.GetString(buffer, 0, read));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("<p>page</p>", await http.GetStringAsync("/"));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_request_that_is_not_a_get_is_refused_and_the_server_goes_on()
    {
        var (root, port) = Site();
        using var server = new PreviewServer(root, port);
        server.Start();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(20) };
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, (await http.PostAsync("/", new StringContent("x"))).StatusCode);
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", port);
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(new string('A', 40_000) + "\r\n\r\n"));
            var buffer = new byte[256];
            var read = await tcp.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(read == 0 || Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 4", StringComparison.Ordinal));
        }
        Assert.Contains("<p>page</p>", await http.GetStringAsync("/"));
        Directory.Delete(root, recursive: true);
    }
}
