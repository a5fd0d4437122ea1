using System.Collections.Concurrent;
using Asan.Briefs.Cli.Pipeline;
using Asan.Briefs.Diagnostics;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>The build's scheduler: prerequisites first, then the lowest rank, then the order added; failures reported together.</summary>
public sealed class WorkListTests
{
    [Fact]
    public void One_thread_takes_the_ready_piece_of_lowest_rank_then_the_first_added()
    {
        var order = new List<string>();
        var work = new WorkList();
        var html = work.Add(4, () => order.Add("html"));
        var resolve = work.Add(0, () => order.Add("resolve"));
        var layout = work.Add(1, () => order.Add("layout"), resolve);
        work.Add(2, () => order.Add("pdf"), layout);
        work.Add(2, () => order.Add("print"), layout);
        work.Add(3, () => order.Add("docx"), resolve);
        work.Add(0, () => order.Add("zip"), html, layout);
        work.Run(1);
        // The zip has the lowest rank, but it waits for the HTML, the piece of the highest rank.
        Assert.Equal(["resolve", "layout", "pdf", "print", "docx", "html", "zip"], order);
    }

    [Fact]
    public void No_piece_starts_before_its_prerequisites_are_done_on_any_number_of_threads()
    {
        var done = new ConcurrentDictionary<int, bool>();
        var work = new WorkList();
        var pieces = new List<WorkList.Piece>();
        var broken = 0;
        for (var i = 0; i < 60; i++)
        {
            var n = i;
            var after = pieces.Where((_, k) => k % 7 == n % 7).TakeLast(2).ToArray();
            var needs = after.Select(p => pieces.IndexOf(p)).ToArray();
            pieces.Add(work.Add(n % 3, () =>
            {
                if (needs.Any(k => !done.ContainsKey(k))) Interlocked.Increment(ref broken);
                Thread.SpinWait(2000);
                done[n] = true;
            }, after));
        }
        work.Run(4);
        Assert.Equal(60, done.Count);
        Assert.Equal(0, broken);
    }

    [Fact]
    public void After_a_failure_no_new_piece_starts_and_the_bad_content_of_every_failed_piece_is_one_report()
    {
        var started = 0;
        var work = new WorkList();
        var first = work.Add(0, () => throw new BriefException("a.md", 1, 2, "first problem"));
        var second = work.Add(0, () => throw new BriefException("b.md", 3, 4, "second problem"));
        work.Add(1, () => Interlocked.Increment(ref started));
        work.Add(0, () => Interlocked.Increment(ref started), first, second);
        var e = Assert.Throws<BriefException>(() => work.Run(1));
        // One thread: the first failure stops the list, so the second piece never ran.
        Assert.Equal(["a.md:1:2: error: first problem"], e.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(0, started);

        var both = new WorkList();
        var gate = new Barrier(2);
        both.Add(0, () => { gate.SignalAndWait(); throw new BriefException("a.md", 1, 2, "first problem"); });
        both.Add(0, () => { gate.SignalAndWait(); throw new BriefException("b.md", 3, 4, "second problem"); });
        var together = Assert.Throws<BriefException>(() => both.Run(2));
        Assert.Equal(2, together.Diagnostics.Count);
    }

    [Fact]
    public void A_bug_in_a_piece_is_not_taken_for_bad_content()
    {
        var work = new WorkList();
        work.Add(0, () => throw new InvalidOperationException("a bug"));
        var e = Assert.Throws<AggregateException>(() => work.Run(2));
        Assert.IsType<InvalidOperationException>(Assert.Single(e.InnerExceptions));
    }
}
