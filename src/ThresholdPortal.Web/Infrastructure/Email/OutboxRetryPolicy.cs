namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// Exponential back-off for a message the SMTP server did not take: the base delay after the first failure,
/// doubling each time up to the maximum, until the message is given up after <see cref="MaxAttempts"/>.
/// </summary>
public sealed record OutboxRetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>How long to wait after the given number of failed attempts (1 for the first failure).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        // 2^30 base delays is far beyond any sensible maximum; capping the exponent avoids overflow.
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }

    public bool ShouldGiveUp(int failedAttempts) => failedAttempts >= MaxAttempts;
}
