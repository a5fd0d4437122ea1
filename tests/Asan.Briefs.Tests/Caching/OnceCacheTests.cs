using Asan.Briefs.Caching;

namespace Asan.Briefs.Tests.Caching;

/// <summary>The process-wide caches' one rule: computed once per key, a failure forgotten, emptied past a limit.</summary>
public sealed class OnceCacheTests
{
    [Fact]
    public void Threads_asking_for_one_key_at_once_share_one_computation()
    {
        var cache = new OnceCache<string, object>(StringComparer.Ordinal);
        var computed = 0;
        using var start = new Barrier(8);
        var values = new object[8];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            values[i] = cache.Get("face", _ =>
            {
                Interlocked.Increment(ref computed);
                // Long enough that the other threads ask while this one computes.
                Thread.Sleep(50);
                return new object();
            });
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(1, computed);
        Assert.All(values, v => Assert.Same(values[0], v));
    }

    [Fact]
    public void A_failed_computation_is_forgotten_and_the_next_request_computes_again()
    {
        var cache = new OnceCache<string, string>();
        var attempts = 0;
        string Compute(string key) => ++attempts == 1 ? throw new IOException("not there yet") : key + " read";
        Assert.Throws<IOException>(() => cache.Get("ko", Compute));
        Assert.Empty(cache.Values);
        Assert.Equal("ko read", cache.Get("ko", Compute));
        Assert.Equal("ko read", cache.Get("ko", Compute));
        Assert.Equal(2, attempts);
        Assert.Equal(["ko read"], cache.Values);
    }

    [Fact]
    public void Past_its_limit_the_cache_is_emptied_and_computes_anew()
    {
        var cache = new OnceCache<int, object>(limit: 4);
        var first = cache.Get(0, _ => new object());
        for (var key = 1; key <= 4; key++) cache.Get(key, _ => new object());
        // Five keys held, one more than the limit: still the same value for a key held...
        Assert.Same(first, cache.Get(0, _ => new object()));
        Assert.Equal(5, cache.Values.Count());
        // ...until a new key comes, which empties it first.
        cache.Get(5, _ => new object());
        Assert.Single(cache.Values);
        Assert.NotSame(first, cache.Get(0, _ => new object()));
    }
}
