using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Applies the retention schedule in force (issue 19, item 1; docs/decisions/0120): every round removes what is due in
/// bounded batches, each its own short transaction holding a PostgreSQL advisory lock, so several instances never work
/// at once and the queue's rows are never locked for long. Each round that did something records one retention event
/// with the counts. In a dry run it only records what it would do.
/// </summary>
public sealed partial class RetentionJob(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService
{
    /// <summary>The advisory lock every instance's batches share ("retentn1" in ASCII).</summary>
    public const long LockKey = 0x726574656E746E31;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Rounds.RunAsync(options.Value.Interval, clock, RunAsync, type => LogRoundFailed(logger, type), stoppingToken);
    }

    /// <summary>One round: batches until nothing is due or the round's limit is reached. Returns what was done.</summary>
    public async Task<RetentionBatch> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = new RetentionBatch(0, 0, 0, 0);
        if (settings.DryRun)
        {
            await RecordDryRunAsync(cancellationToken);
            return total;
        }

        for (var round = 0; round < settings.MostBatchesPerRound; round++)
        {
            var batch = await BatchAsync(settings.BatchSize, cancellationToken);
            if (batch is null || !batch.Any)
            {
                break;
            }

            total = total.Plus(batch);
        }

        if (total.Any)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordNowAsync(RetentionSweep.Applied, RetentionSweep.SubjectType,
                "schedule", total.ToString(), cancellationToken: cancellationToken);
            LogApplied(logger, total.ToString());
        }

        return total;
    }

    /// <summary>One batch in its own transaction; null when another instance holds the lock.</summary>
    private async Task<RetentionBatch?> BatchAsync(int size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return null;
        }

        var schedule = scope.ServiceProvider.GetRequiredService<MashSettings>().Stored.RetentionInForce;
        var batch = await RetentionSweep.ApplyBatchAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(),
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>(),
            scope.ServiceProvider.GetRequiredService<IAuditTrail>(), schedule, clock.GetUtcNow(), size, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    private async Task RecordDryRunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var schedule = scope.ServiceProvider.GetRequiredService<MashSettings>().Stored.RetentionInForce;
        var due = await RetentionSweep.DueAsync(db, schedule, clock.GetUtcNow(), cancellationToken);
        var detail = string.Join("; ", due.Select(d => $"{d.Kind}: {d.Count}"));
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordNowAsync(RetentionSweep.DryRun, RetentionSweep.SubjectType,
            "schedule", detail, cancellationToken: cancellationToken);
        LogApplied(logger, "dry run: " + detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Summary}")]
    private static partial void LogApplied(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention round failed ({ExceptionType}); retrying after the interval")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}

/// <summary>The retention job's settings (<c>Retention</c>); the schedule itself is a MASH setting, edited in the portal.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>Record what would be removed, and remove nothing.</summary>
    public bool DryRun { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows of each kind per transaction: small, so the queue's pages never wait on a long lock.</summary>
    public int BatchSize { get; set; } = 500;

    public int MostBatchesPerRound { get; set; } = 200;
}

public static class RetentionRegistration
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize is >= 1 and <= 10_000 && o.MostBatchesPerRound >= 1,
                "Retention needs a positive Interval, a BatchSize from 1 to 10000 and MostBatchesPerRound of 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
