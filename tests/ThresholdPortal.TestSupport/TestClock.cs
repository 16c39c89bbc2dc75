using System.Diagnostics;
using ThresholdPortal.DemoData;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// The clock the app under test and the tests themselves read. It starts at a fixed instant (a Wednesday
/// morning in term, outside British Summer Time, with no bank holiday that week or the next) and moves on
/// with real elapsed time, so deadlines, weekdays and "today" are the same on every run whatever the
/// machine's date, while timeouts, retries and tokens still see time pass. A builder may hold it at a moment
/// in the past while it sends one command (<see cref="HoldAt"/>); only that command's flow sees the held moment,
/// so test classes running alongside keep the moving clock.
/// </summary>
public sealed class TestClock : TimeProvider, IHoldableClock
{
    /// <summary>Wednesday 18 November 2026, 10:00 in London (UTC in November).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private static readonly Stopwatch Elapsed = Stopwatch.StartNew();

    private static readonly AsyncLocal<DateTimeOffset?> Held = new();

    public static TestClock Instance { get; } = new();

    private TestClock()
    {
    }

    /// <summary>Now, on the test clock.</summary>
    public static DateTimeOffset UtcNow => Start + Elapsed.Elapsed;

    /// <summary>Today's date in UTC on the test clock.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(UtcNow.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Held.Value ?? UtcNow;

    public IDisposable HoldAt(DateTimeOffset moment)
    {
        Held.Value = moment;
        return new Release();
    }

    private sealed class Release : IDisposable
    {
        public void Dispose() => Held.Value = null;
    }
}
