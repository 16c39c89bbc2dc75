using System.Diagnostics;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The seeding provider's own clock: it runs on from the moment seeding starts, and <see cref="PortalActor"/>
/// stops it at a moment in the past while a command runs, so the command stamps the time the demo needs.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider, IHoldableClock
{
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private DateTimeOffset? at;

    /// <summary>Now, as the seeding run sees it (its start plus the time elapsed since).</summary>
    public DateTimeOffset Now => start + elapsed.Elapsed;

    public override DateTimeOffset GetUtcNow() => at ?? Now;

    /// <summary>Holds the clock at <paramref name="moment"/> until the returned scope is disposed.</summary>
    public IDisposable HoldAt(DateTimeOffset moment)
    {
        at = moment;
        return new Release(this);
    }

    private sealed class Release(DemoClock clock) : IDisposable
    {
        public void Dispose() => clock.at = null;
    }
}

/// <summary>A clock <see cref="PortalActor"/> can stop at a moment while one command runs: the demo's, and the tests'.</summary>
public interface IHoldableClock
{
    /// <summary>Holds the clock at <paramref name="moment"/> until the returned scope is disposed.</summary>
    IDisposable HoldAt(DateTimeOffset moment);
}
