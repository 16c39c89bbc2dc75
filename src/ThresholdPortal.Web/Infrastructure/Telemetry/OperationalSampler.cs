using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Telemetry;

/// <summary>
/// Reads the queue, outbox and overdue counts every <see cref="TelemetryOptions.SampleInterval"/>, so the gauges
/// answer a collector from memory instead of querying PostgreSQL inside its callback. Counts only: no rows leave here.
/// </summary>
public sealed partial class OperationalSampler(
    IServiceScopeFactory scopes, IOptions<TelemetryOptions> options, TimeProvider clock, IMeterFactory meters,
    ILogger<OperationalSampler> logger) : BackgroundService
{
    private volatile OperationalSnapshot? latest;

    public OperationalSnapshot? Latest => latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A meter of this app's container, so two apps in one process (tests) each report their own counts.
        PortalTelemetry.ObserveSnapshots(meters.Create(PortalTelemetry.Name), () => latest);
        using var timer = new PeriodicTimer(options.Value.SampleInterval, clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // PostgreSQL unreachable: the gauges keep the last counts, and the health check says why.
                LogSampleFailed(logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public async Task<OperationalSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var open = await db.MashCases.Where(c => c.Status != MashCaseStatus.Decided)
            .GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var snapshot = new OperationalSnapshot(
            now,
            MashCaseStatusExtensions.Open.ToDictionary(
                status => status.ToString(), status => open.SingleOrDefault(o => o.Status == status)?.Count ?? 0),
            await db.MashCases.LongCountAsync(c => c.Status != MashCaseStatus.Decided && c.DecisionDueAt < now, cancellationToken),
            await db.OutboxMessages.LongCountAsync(m => m.SentAt == null && m.GaveUpAt == null, cancellationToken),
            await db.OutboxMessages.LongCountAsync(m => m.GaveUpAt != null, cancellationToken),
            await db.InformationRequests.LongCountAsync(
                r => (r.State == RequestState.Sent || r.State == RequestState.Viewed) && r.DueAt < now, cancellationToken));
        latest = snapshot;
        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operational counts not read for telemetry ({ExceptionType})")]
    private static partial void LogSampleFailed(ILogger logger, string exceptionType);
}
