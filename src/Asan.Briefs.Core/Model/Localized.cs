namespace Asan.Briefs.Model;

/// <summary>A value in every language of a brief, keyed by language tag ("en", "ko").</summary>
public sealed class Localized<T>
{
    private readonly IReadOnlyDictionary<string, T> _values;

    public Localized(IReadOnlyDictionary<string, T> values) => _values = values;

    public T this[string lang] => _values.TryGetValue(lang, out var value)
        ? value
        : throw new KeyNotFoundException($"no '{lang}' text; languages present: {string.Join(", ", _values.Keys)}");

    public IEnumerable<string> Languages => _values.Keys;

    public Localized<TOut> Select<TOut>(Func<T, TOut> map) =>
        new(_values.ToDictionary(kv => kv.Key, kv => map(kv.Value)));
}
