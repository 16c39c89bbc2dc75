using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Telemetry;

namespace ThresholdPortal.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Chases requests still unanswered after their due time, once each: an e-mail to the organisation's
/// responders (through the outbox, in the same transaction) and an event on the case's timeline, which the
/// practitioner sees with the request marked overdue. Every app instance runs one; they never chase a
/// request twice, because each round claims its requests with <c>FOR UPDATE SKIP LOCKED</c> and a chased
/// request no longer matches (docs/decisions/0042).
/// </summary>
public sealed partial class OverdueRequestChaser(
    IServiceScopeFactory scopes,
    IOptions<InformationRequestOptions> options,
    TimeProvider clock,
    ILogger<OverdueRequestChaser> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Chaser;
        if (!settings.Enabled)
        {
            return;
        }

        await Rounds.RunAsync(settings.Interval, clock, ChaseDueAsync, type => LogRoundFailed(logger, type), stoppingToken);
    }

    /// <summary>Chases every overdue request not chased yet, up to the batch size, in one transaction. Returns how many.</summary>
    public async Task<int> ChaseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var batch = options.Value.Chaser.BatchSize;

        // xmin is a system column, so "*" leaves it out: it is named for the request's concurrency token.
        var overdue = await db.InformationRequests.FromSql($"""
            SELECT *, xmin FROM "InformationRequests"
            WHERE "State" IN ('Sent', 'Viewed') AND "ChasedAt" IS NULL AND "DueAt" < {now}
            ORDER BY "DueAt"
            LIMIT {batch}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);

        // A span only for a round with work: an empty poll every minute is not worth a trace (docs/decisions/0116).
        using var activity = overdue.Count > 0 ? PortalTelemetry.Source.StartActivity("information_requests.chase") : null;
        var chased = 0;
        foreach (var request in overdue.Where(r => r.Chase(now)))
        {
            var emailed = await AgencyResponders.NotifyAsync(db, outbox, request.OrganisationId, EmailTemplate.InformationRequestOverdue,
                request.Id, cancellationToken);
            audit.Record(InformationRequestEvents.Chased, CaseEvents.SubjectType, request.CaseId.ToString(),
                $"{InformationRequestEvents.Detail(request.AgencyName, request.Id)}; {emailed} responder(s) e-mailed");
            chased++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity?.SetTag("thresholdportal.chased", chased);
        if (chased > 0)
        {
            PortalTelemetry.RequestsChased.Add(chased);
            LogChased(logger, chased);
        }

        return chased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chased {Count} overdue information request(s)")]
    private static partial void LogChased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Overdue request chase round failed ({ExceptionType}); retrying after the interval")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}
