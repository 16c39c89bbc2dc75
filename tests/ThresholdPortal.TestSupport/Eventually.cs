using System.Diagnostics;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// Waits for something a background service does. Measured on a stopwatch, not the clock, so it neither
/// reads the machine's date nor is fooled by the test clock.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(20);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            waited.Elapsed.ShouldBeLessThan(limit, $"the condition should hold within {limit.TotalSeconds:0} seconds");
            await Task.Delay(100);
        }
    }
}
