using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// Keeps the insights summary (docs/decisions/0134) ready: at start-up it rebuilds the counts when a release changed the
/// measures' definitions (the page counts live meanwhile), then recounts the days changed since, every interval, so a
/// manager opening the page seldom waits for a recount. Instances take the summary's advisory lock, so one works at a time.
/// </summary>
public sealed partial class InsightsSummaryRefresher(
    IServiceScopeFactory scopes,
    IOptions<InsightsSummaryOptions> options,
    TimeProvider clock,
    ILogger<InsightsSummaryRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Rounds.RunAsync(options.Value.Interval, clock, RefreshAsync, type => LogRoundFailed(logger, type), stoppingToken);
    }

    /// <summary>One round: the summary rebuilt if its definitions changed, else the changed days recounted.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A rebuild recounts a month per statement: over years of cases that outlasts a page's 30-second limit.
        db.Database.SetCommandTimeout(options.Value.StatementTimeout);
        await InsightsSummary.RefreshOrRebuildAsync(db, clock, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Insights summary refresh failed ({ExceptionType}); retrying after the interval")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}

/// <summary>The summary refresher's settings (<c>Insights:Summary</c>).</summary>
public sealed class InsightsSummaryOptions
{
    public const string Section = "Insights:Summary";

    public bool Enabled { get; set; } = true;

    /// <summary>How often changed days are recounted in the background (a reader recounts what is left when it reads).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one of the refresher's statements may run: a rebuild's month of cases at ten million took 5 to 25 s
    /// (docs/benchmarks/results.md).</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
