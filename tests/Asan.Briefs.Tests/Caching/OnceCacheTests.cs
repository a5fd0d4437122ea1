using Asan.Briefs.Caching;

namespace Asan.Briefs.Tests.Caching;

/// <summary>The process-wide caches' one rule: computed once per key, a failure forgotten, past a limit, what is not asked for again dropped.</summary>
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
    public void Past_its_limit_the_cache_drops_the_keys_not_asked_for_since_and_keeps_the_others()
    {
        var cache = new OnceCache<int, object>(limit: 8);
        var values = Enumerable.Range(0, 4).Select(key => cache.Get(key, _ => new object())).ToList();
        // A fifth key (half the limit past the last turn) turns the cache: the four before are still held and come back when asked for...
        cache.Get(4, _ => new object());
        Assert.Same(values[0], cache.Get(0, _ => new object()));
        Assert.Equal(5, cache.Values.Count());
        // ...until the cache turns again (four keys since the last turn): then those not asked for since (1, 2, 3) are
        // computed anew, while 0, asked for in between, is still the same.
        for (var key = 5; key <= 7; key++) cache.Get(key, _ => new object());
        Assert.Same(values[0], cache.Get(0, _ => new object()));
        Assert.NotSame(values[1], cache.Get(1, _ => new object()));
        // It never holds more than its limit.
        for (var key = 100; key < 200; key++) cache.Get(key, _ => new object());
        Assert.InRange(cache.Values.Count(), 4, 8);
    }
}
