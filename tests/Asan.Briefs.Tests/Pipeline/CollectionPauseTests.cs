using System.Runtime;
using Asan.Briefs.Cli.Pipeline;

namespace Asan.Briefs.Tests.Pipeline;

/// <summary>A build of one or two briefs runs without collections, in the program only; larger builds keep the collector.</summary>
public class CollectionPauseTests
{
    [Fact]
    public void Only_a_process_that_asks_for_it_and_only_a_small_build_runs_without_collections()
    {
        // The test host has not set the switch: builds here (many at once) keep collecting.
        Assert.Null(CollectionPause.For(1));
        AppContext.SetSwitch(CollectionPause.Switch, true);
        IDisposable? small, large, none;
        try
        {
            large = CollectionPause.For(CollectionPause.MaxBriefs + 1);
            none = CollectionPause.For(0);
            small = CollectionPause.For(1);
        }
        finally
        {
            AppContext.SetSwitch(CollectionPause.Switch, false);
        }
        Assert.Null(large);
        Assert.Null(none);
        Assert.NotNull(small);
        var inRegion = GCSettings.LatencyMode;
        small.Dispose();
        Assert.Equal(GCLatencyMode.NoGCRegion, inRegion);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
