namespace ThresholdPortal.Web.Infrastructure.Seeding;

/// <summary>
/// The <c>Database:StartupRetry</c> settings: how long the app waits for PostgreSQL at start when it migrates
/// (<c>Database:MigrateOnStartup</c>), instead of exiting because the database started after it.
/// </summary>
public sealed class DatabaseStartupRetryOptions
{
    public const string Section = "Database:StartupRetry";

    /// <summary>Attempts in all, the first included; after the last the app exits with the error.</summary>
    public int Attempts { get; set; } = 10;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the given failed attempt (1 for the first): doubling from the first delay, at most the maximum.</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
    }
}
