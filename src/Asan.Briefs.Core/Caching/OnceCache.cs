using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Asan.Briefs.Caching;

/// <summary>
/// Values computed once per key, on first use, however many threads ask at once (the others wait for
/// the one computing); a computation that fails is forgotten, so the next request tries again (a font
/// or label file fixed while watch mode runs). With a limit, the cache is emptied once it holds more
/// than that many keys: watch mode renders many versions of a page, and the cache must not grow without end.
/// </summary>
// TValue is annotated as Lazy<T>'s own parameter is, which the native build's trim analysis asks of a Lazy of a type parameter.
public sealed class OnceCache<TKey, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _values;
    private readonly int _limit;

    public OnceCache(IEqualityComparer<TKey>? comparer = null, int limit = int.MaxValue)
    {
        _values = new ConcurrentDictionary<TKey, Lazy<TValue>>(comparer);
        _limit = limit;
    }

    /// <summary>The value of <paramref name="key"/>, computed by <paramref name="compute"/> if no thread has yet.</summary>
    public TValue Get(TKey key, Func<TKey, TValue> compute)
    {
        if (_values.TryGetValue(key, out var known)) return Value(key, known);
        if (_values.Count > _limit) _values.Clear();
        return Value(key, _values.GetOrAdd(key, k => new Lazy<TValue>(() => compute(k), LazyThreadSafetyMode.ExecutionAndPublication)));
    }

    /// <summary>Every value computed so far (in no particular order).</summary>
    public IEnumerable<TValue> Values => _values.Values.Where(l => l.IsValueCreated).Select(l => l.Value);

    private TValue Value(TKey key, Lazy<TValue> lazy)
    {
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Only this computation is forgotten, not one another thread has put in its place since.
            _values.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, lazy));
            throw;
        }
    }
}
