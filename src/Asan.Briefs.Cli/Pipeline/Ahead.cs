namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// A value worked out ahead of its use on a pool thread, or by the thread that asks for it first when no
/// pool thread has begun it yet. A thread that waits on a queued Task idles until a pool thread is free
/// (a task queued from outside the pool is never run inline by its waiter), and a cold build's start queues
/// more work than two cores have pool threads: its main thread, done with the theme, waited some 40 ms
/// (perf, under load) for the templates' parse still queued behind the build state and the fingerprint.
/// </summary>
public sealed class Ahead<T>
{
    private readonly Func<T> _compute;
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _begun;

    public Ahead(Func<T> compute)
    {
        _compute = compute;
        ThreadPool.UnsafeQueueUserWorkItem(static ahead => ahead.Begin(), this, preferLocal: false);
    }

    /// <summary>The value (or the failure, thrown as it was): worked out here if no pool thread has begun it, waited for if one has.</summary>
    public T Value
    {
        get
        {
            Begin();
            return _result.Task.GetAwaiter().GetResult();
        }
    }

    private void Begin()
    {
        if (Interlocked.Exchange(ref _begun, 1) != 0) return;
        try { _result.SetResult(_compute()); }
        catch (Exception e) { _result.SetException(e); }
    }
}
