using System.Runtime;

namespace Asan.Briefs.Cli.Pipeline;

/// <summary>
/// A build of one or two briefs (the cold start of an edit, `build --brief`) runs without garbage collections:
/// each of the two or three a cold build made stopped every thread for tens of milliseconds, while the
/// same memory taken fresh costs page faults that the workers pay side by side. A build of more briefs keeps
/// the collector as it is, so that memory stays flat in the number of briefs.
/// </summary>
public static class CollectionPause
{
    /// <summary>
    /// Set by the program itself (Program.cs): a test host runs many builds at once in a large heap, where
    /// starting a region (a full collection first) would cost more than it saves.
    /// </summary>
    public const string Switch = "Asan.Briefs.NoCollectionsInSmallBuilds";

    public const int MaxBriefs = 2;

    // A cold build of the seed brief allocates some 45 MiB, 14 of them before the first edition.
    private const long StartBytes = 32L << 20;
    private const long BytesPerBrief = 48L << 20;

    /// <summary>The region for a build of <paramref name="briefs"/> briefs, or null when the build keeps collecting.</summary>
    public static IDisposable? For(int briefs)
    {
        if (briefs is < 1 or > MaxBriefs || !AppContext.TryGetSwitch(Switch, out var on) || !on) return null;
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return null;
        try
        {
            return GC.TryStartNoGCRegion(StartBytes + briefs * BytesPerBrief) ? new Region() : null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return null; // a runtime that cannot give so much without collecting: build as usual
        }
    }

    private sealed class Region : IDisposable
    {
        // A build that allocated more than asked for has had its collection and left the region already.
        public void Dispose()
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }
}
