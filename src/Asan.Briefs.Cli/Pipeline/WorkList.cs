using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// Pieces of work run on a fixed number of threads: each free thread takes, of the pieces whose
/// prerequisites are done, the one of lowest rank, and of those the one added first. A build ranks the
/// longest chain first (an edition's print markup resolved, laid out, written as PDF files), so the
/// last pieces running are short ones, not the longest alone on one core while the other waits; and it
/// runs as many threads as there are cores, so the chain does not share its core with the short pieces.
/// After a failure no new piece starts; the running ones finish, and every failure comes out together,
/// bad content as one located report.
/// </summary>
public sealed class WorkList
{
    private readonly List<Piece> _pieces = [];
    private readonly List<Exception> _failures = [];
    private int _running;

    /// <summary>A piece of work; it starts once every piece it comes after is done.</summary>
    public sealed class Piece
    {
        internal Piece(int rank, Action run, Piece[] after) => (Rank, Run, After) = (rank, run, after);
        internal int Rank { get; }
        internal Action Run { get; }
        internal Piece[] After { get; }
        internal bool Started { get; set; }
        internal bool Done { get; set; }
    }

    /// <summary>Adds a piece of <paramref name="rank"/> (lower starts first) that starts once <paramref name="after"/> are done.</summary>
    public Piece Add(int rank, Action run, params IEnumerable<Piece> after)
    {
        var piece = new Piece(rank, run, after.ToArray());
        lock (_pieces) _pieces.Add(piece);
        return piece;
    }

    /// <summary>Runs every piece on <paramref name="threads"/> threads (this one among them) and returns when all are done.</summary>
    public void Run(int threads)
    {
        // Threads of their own: pool threads may be busy with background start-up work.
        var helpers = Enumerable.Range(1, Math.Max(1, threads) - 1)
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToList();
        Work();
        Task.WaitAll(helpers);
        if (_failures.Count == 0) return;
        if (_failures.All(e => e is BriefException))
            throw new BriefException(_failures.SelectMany(e => ((BriefException)e).Diagnostics).Distinct().ToList());
        throw new AggregateException(_failures);
    }

    private void Work()
    {
        while (Next() is { } piece)
        {
            Exception? failure = null;
            try { piece.Run(); }
            catch (Exception e) { failure = e; }
            lock (_pieces)
            {
                piece.Done = true;
                _running--;
                if (failure is not null) _failures.Add(failure);
                Monitor.PulseAll(_pieces);
            }
        }
    }

    /// <summary>The next piece to run; null when none is left to start, or one failed.</summary>
    private Piece? Next()
    {
        lock (_pieces)
        {
            while (true)
            {
                if (_failures.Count > 0) return null;
                Piece? next = null;
                var waiting = false;
                foreach (var piece in _pieces)
                {
                    if (piece.Started) continue;
                    waiting = true;
                    if ((next is null || piece.Rank < next.Rank) && piece.After.All(p => p.Done)) next = piece;
                }
                if (next is not null)
                {
                    next.Started = true;
                    _running++;
                    return next;
                }
                if (!waiting) return null;
                if (_running == 0) throw new InvalidOperationException("a piece of work waits on one that is not in its list");
                Monitor.Wait(_pieces);
            }
        }
    }
}
