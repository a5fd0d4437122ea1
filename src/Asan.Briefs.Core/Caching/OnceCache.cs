using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Asan.Briefs.Caching;

/// <summary>
/// Values computed once per key, on first use, however many threads ask at once (the others wait for
/// the one computing); a computation that fails is forgotten, so the next request tries again (a font
/// or label file fixed while watch mode runs). With a limit, the cache keeps what is still asked for and at most
/// that many keys (watch mode renders many versions of a page, and the cache must not grow without end): once half
/// the limit of new keys have come, the keys not asked for since the last time that happened are dropped. Emptying
/// it whole instead dropped the subsets the next pages needed too: on 100 distinct briefs a fifth of the web fonts'
/// WOFF2 compressions (1,804 for 1,026 distinct files) were repeats a bounded cache avoids.
/// </summary>
// TValue is annotated as Lazy<T>'s own parameter is, which the native build's trim analysis asks of a Lazy of a type parameter.
public sealed class OnceCache<TKey, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValue> where TKey : notnull
{
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly int _limit;
    private readonly Lock _turn = new();
    // The keys asked for since the last turn, and those of the turn before, which a request brings back: each holds at most half the limit.
    private ConcurrentDictionary<TKey, Lazy<TValue>> _recent;
    private ConcurrentDictionary<TKey, Lazy<TValue>> _older;

    public OnceCache(IEqualityComparer<TKey>? comparer = null, int limit = int.MaxValue)
    {
        _comparer = comparer;
        _limit = limit;
        _recent = new ConcurrentDictionary<TKey, Lazy<TValue>>(comparer);
        _older = new ConcurrentDictionary<TKey, Lazy<TValue>>(comparer);
    }

    /// <summary>The value of <paramref name="key"/>, computed by <paramref name="compute"/> if no thread has yet.</summary>
    public TValue Get(TKey key, Func<TKey, TValue> compute)
    {
        if (_recent.TryGetValue(key, out var known)) return Value(key, known);
        lock (_turn)
        {
            if (!_recent.TryGetValue(key, out known))
            {
                if (!_older.TryRemove(key, out known))
                {
                    if (_recent.Count >= _limit / 2) (_older, _recent) = (_recent, new ConcurrentDictionary<TKey, Lazy<TValue>>(_comparer));
                    known = new Lazy<TValue>(() => compute(key), LazyThreadSafetyMode.ExecutionAndPublication);
                }
                _recent[key] = known;
            }
        }
        return Value(key, known);
    }

    /// <summary>Every value computed so far and still held (in no particular order).</summary>
    public IEnumerable<TValue> Values => _recent.Values.Concat(_older.Values).Distinct().Where(l => l.IsValueCreated).Select(l => l.Value);

    private TValue Value(TKey key, Lazy<TValue> lazy)
    {
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Only this computation is forgotten, not one another thread has put in its place since.
            lock (_turn)
            {
                _recent.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
                _older.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
            }
            throw;
        }
    }
}
