using System.Globalization;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// The peak resident memory of one process over a phase: Linux's VmRSS, sampled every quarter of a second from /proc on a
/// background task. The kernel counts a page once for each mapping of it, so the runtime's compiled code, which
/// write-xor-execute maps twice, can count twice. Issue 18's memory goal is read this way, beside the baseline's, in the
/// same rounds. Off Linux, or without a process, it reads "n/a".
/// </summary>
internal sealed class ResidentMemory : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peakKilobytes;

    private ResidentMemory(int? process) =>
        sampling = process is { } pid ? SampleAsync(pid, stop.Token) : Task.CompletedTask;

    /// <summary>Starts sampling the process now; the peak covers everything until <see cref="StopAsync"/>.</summary>
    public static ResidentMemory Watch(int? process) => new(process);

    /// <summary>Stops sampling and gives the peak in MB, or "n/a" when nothing was read.</summary>
    public async Task<string> StopAsync()
    {
        await stop.CancelAsync();
        await sampling;
        return peakKilobytes > 0 ? (peakKilobytes / 1024).ToString(CultureInfo.InvariantCulture) : "n/a";
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    /// <summary>The process's VmRSS in kB, or null when it has ended or /proc is not there.</summary>
    private static long? Kilobytes(int pid)
    {
        try
        {
            // "VmRSS:	  260044 kB"
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null
                : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private async Task SampleAsync(int pid, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (Kilobytes(pid) is { } now && now > peakKilobytes)
            {
                peakKilobytes = now;
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
