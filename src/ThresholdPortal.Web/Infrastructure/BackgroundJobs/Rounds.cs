namespace ThresholdPortal.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// The loop every background job runs: a round, then a wait of the interval on the injected clock, until the app stops. A
/// round that fails (typically PostgreSQL unreachable, or not migrated yet) is logged by its exception's type only, never
/// its message (which may name a person), and tried again after the interval; nothing a round does is lost by failing.
/// </summary>
public static class Rounds
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> round,
        Action<string> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(failed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failed(exception.GetType().Name);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
