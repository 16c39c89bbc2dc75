using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// The unusual-access alert (issue 19, item 4; docs/decisions/0119): every round reads the last day's report and, when it
/// holds accesses not alerted before, e-mails every MASH manager that there is something to look at, with a link to the
/// report and nothing else: no names, no references, no child's details. Each round records what it alerted up to (the
/// highest audit event id, as an audit event of its own), so an access is alerted once; rounds on several instances take
/// a PostgreSQL advisory lock, so only one alerts at a time.
/// </summary>
public sealed partial class UnusualAccessAlerter(
    IServiceScopeFactory scopes,
    IOptions<UnusualAccessAlertOptions> options,
    IOptions<TriageOptions> triage,
    TimeProvider clock,
    ILogger<UnusualAccessAlerter> logger) : BackgroundService
{
    /// <summary>The advisory lock every instance's rounds share ("unusual1" in ASCII).</summary>
    public const long LockKey = 0x756E757375616C31;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Rounds.RunAsync(options.Value.Interval, clock, AlertAsync, type => LogRoundFailed(logger, type), stoppingToken);
    }

    /// <summary>One round: the managers e-mailed about accesses not alerted before. Returns how many accesses were new.</summary>
    public async Task<int> AlertAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var alertedUpTo = long.TryParse(await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == InsightsEvents.UnusualAccessAlerted)
            .OrderByDescending(e => e.Id).Select(e => e.SubjectId).FirstOrDefaultAsync(cancellationToken), out var upTo) ? upTo : 0;

        // A day of accesses, read from an hour earlier so the bulk-viewing rule sees the hour before each of them.
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingCalendar>();
        var report = await UnusualAccessReport.FindAsync(db, calendar, triage.Value.UnusualViewsPerHour, now.AddHours(-25),
            cancellationToken);
        var fresh = report.Rows.Where(r => r.AccessId > alertedUpTo && r.At >= now.AddDays(-1)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var managers = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRole.MashManager)))
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var manager in managers)
        {
            outbox.Enqueue(manager, EmailTemplate.UnusualAccess, InsightsRoutes.UnusualAccess);
        }

        scope.ServiceProvider.GetRequiredService<IAuditTrail>().Record(InsightsEvents.UnusualAccessAlerted, InsightsEvents.SubjectType,
            fresh.Max(r => r.AccessId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{fresh.Count} unusual access(es); {managers.Count} manager(s) e-mailed");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogAlerted(logger, fresh.Count, managers.Count);
        return fresh.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unusual access alert: {Count} access(es), {Managers} manager(s) e-mailed")]
    private static partial void LogAlerted(ILogger logger, int count, int managers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unusual access alert round failed ({ExceptionType}); retrying after the interval")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}

/// <summary>The alert's settings (<c>Insights:UnusualAccessAlert</c>).</summary>
public sealed class UnusualAccessAlertOptions
{
    public const string Section = "Insights:UnusualAccessAlert";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the report is read for new accesses.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}

public static class InsightsRegistration
{
    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UnusualAccessAlertOptions>().Bind(configuration.GetSection(UnusualAccessAlertOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, $"{UnusualAccessAlertOptions.Section}:Interval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<UnusualAccessAlerter>();
        services.AddHostedService(sp => sp.GetRequiredService<UnusualAccessAlerter>());
        services.AddOptions<InsightsSummaryOptions>().Bind(configuration.GetSection(InsightsSummaryOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, $"{InsightsSummaryOptions.Section}:Interval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<InsightsSummaryRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<InsightsSummaryRefresher>());
        return services;
    }
}
