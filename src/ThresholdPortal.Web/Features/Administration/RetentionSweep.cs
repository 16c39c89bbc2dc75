using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Retention;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>How many records of one kind the schedule has made due, and whether the job removes them yet.</summary>
public sealed record RetentionDue(string Kind, long Count, bool Applied);

/// <summary>
/// The retention schedule applied to the records (issue 19, item 1; docs/decisions/0120). <see cref="DueAsync"/> counts
/// what is due now for every kind (the dry run the settings page shows); <see cref="ApplyBatchAsync"/> removes one bounded
/// batch of the kinds the job applies: drafts (their referrers reminded first), sent e-mails and audit events, the last
/// only through the database's one narrow path. Counts only, never names.
/// </summary>
public static class RetentionSweep
{
    public const string SubjectType = "Retention";
    public const string Applied = "retention.applied";
    public const string DryRun = "retention.dry-run";
    public const string DraftReminded = "referral.draft.retention-reminded";

    public static string? Describe(string action) => action switch
    {
        Applied => "Retention schedule applied",
        DryRun => "Retention schedule dry run",
        DraftReminded => "Referrer reminded that their draft will be deleted",
        _ => null,
    };

    public static async Task<IReadOnlyList<RetentionDue>> DueAsync(PortalDbContext db, RetentionSchedule schedule, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var closedNfa = ClosedBefore(db, now.AddMonths(-schedule.ClosedNoFurtherActionMonths)).Where(c =>
            c.ContactOutcome == ContactOutcome.ClosedAtContact
            || c.Outcome == DecisionOutcome.NoFurtherAction || c.Outcome == DecisionOutcome.NoFurtherActionWithAdvice);
        var closedStepDown = ClosedBefore(db, now.AddMonths(-schedule.ClosedStepDownMonths))
            .Where(c => c.Outcome == DecisionOutcome.StepDownToEarlyHelp);
        var closedStatutory = ClosedBefore(db, now.AddMonths(-schedule.ClosedStatutoryMonths)).Where(c =>
            c.Outcome == DecisionOutcome.ChildAndFamilyAssessment || c.Outcome == DecisionOutcome.StrategyDiscussion
            || c.Outcome == DecisionOutcome.ImmediateProtectiveAction);
        var requestCases = ClosedBefore(db, now.AddMonths(-schedule.InformationRequestMonths)).Select(c => c.Id);
        var attachmentCases = ClosedBefore(db, now.AddMonths(-schedule.AttachmentMonths));
        var auditBefore = now.AddMonths(-schedule.AuditEventMonths);
        var outboxBefore = now.AddDays(-schedule.OutboxMessageDays);
        return
        [
            new("Draft referrals to delete", await DraftsDue(db, schedule, now).LongCountAsync(ct), true),
            new("Draft referrals whose referrer is reminded", await DraftsToRemind(db, schedule, now).LongCountAsync(ct), true),
            new("Cases closed with no further action", await closedNfa.LongCountAsync(ct), false),
            new("Cases stepped down to early help", await closedStepDown.LongCountAsync(ct), false),
            new("Cases handed to social care", await closedStatutory.LongCountAsync(ct), false),
            new("Information requests", await db.InformationRequests.LongCountAsync(r => requestCases.Contains(r.CaseId), ct), false),
            new("Attachments to referrals", await db.ReferralAttachments.LongCountAsync(a =>
                attachmentCases.Any(c => c.ReferralId == a.ReferralId), ct), false),
            new("Audit events", await db.AuditEvents.LongCountAsync(e => e.OccurredAt < auditBefore, ct), true),
            new("E-mails sent or given up", await OutboxDue(db, outboxBefore).LongCountAsync(ct), true),
            new("Deactivated accounts not yet erased", await db.Users.LongCountAsync(u => !u.IsActive && u.ErasedAt == null, ct), false),
        ];
    }

    /// <summary>
    /// One bounded batch of each kind the job applies, in the caller's transaction; returns what it did, kind by kind.
    /// </summary>
    public static async Task<RetentionBatch> ApplyBatchAsync(PortalDbContext db, IEmailOutbox outbox, IAuditTrail audit,
        RetentionSchedule schedule, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(schedule);
        var reminders = await DraftsToRemind(db, schedule, now).OrderBy(r => r.UpdatedAt).Take(batchSize)
            .Select(r => new { r.Id, Email = db.Users.Where(u => u.Id == r.ReferrerUserId && u.IsActive).Select(u => u.Email).First() })
            .ToListAsync(ct);
        foreach (var draft in reminders)
        {
            if (draft.Email is not null)
            {
                outbox.Enqueue(draft.Email, EmailTemplate.DraftRetentionReminder, ReferralRoutes.TaskList(draft.Id));
            }

            audit.Record(DraftReminded, CaseEvents.ReferralSubjectType, draft.Id.ToString(),
                $"Deleted after {schedule.DraftReferralDays} days");
        }

        var drafts = await DraftsDue(db, schedule, now).OrderBy(r => r.UpdatedAt).Take(batchSize)
            .Include(r => r.Children).Include(r => r.Adults).Include(r => r.Attachments).AsSplitQuery().ToListAsync(ct);
        foreach (var draft in drafts)
        {
            db.Referrals.Remove(draft);
            audit.Record(CaseEvents.ReferralDraftDeleted, CaseEvents.ReferralSubjectType, draft.Id.ToString(),
                $"By the retention schedule, {schedule.DraftReferralDays} days after its last change");
        }

        await db.SaveChangesAsync(ct);
        var outboxBefore = now.AddDays(-schedule.OutboxMessageDays);
        var emails = await db.OutboxMessages.Where(m => OutboxDue(db, outboxBefore).OrderBy(o => o.CreatedAt).Take(batchSize)
            .Select(o => o.Id).Contains(m.Id)).ExecuteDeleteAsync(ct);
        // The audit trail is append-only; its one way out is this database function (docs/decisions/0120).
        var auditEvents = await db.Database.SqlQuery<int>(
            $"SELECT retention_remove_audit_events({now.AddMonths(-schedule.AuditEventMonths)}, {batchSize}) AS \"Value\"").SingleAsync(ct);
        return new RetentionBatch(reminders.Count, drafts.Count, emails, auditEvents);
    }

    private static IQueryable<Referral> DraftsDue(PortalDbContext db, RetentionSchedule schedule, DateTimeOffset now)
    {
        var before = schedule.DraftsUnchangedSince(now);
        return db.Referrals.Where(r => r.Status == ReferralStatus.Draft && r.UpdatedAt < before);
    }

    private static IQueryable<Referral> DraftsToRemind(PortalDbContext db, RetentionSchedule schedule, DateTimeOffset now)
    {
        var (remindBefore, deleteBefore) = (schedule.DraftsToRemindSince(now), schedule.DraftsUnchangedSince(now));
        return db.Referrals.Where(r => r.Status == ReferralStatus.Draft && r.UpdatedAt < remindBefore && r.UpdatedAt >= deleteBefore
            && !db.AuditEvents.Any(e => e.Action == DraftReminded && e.SubjectType == CaseEvents.ReferralSubjectType
                && e.SubjectId == r.Id.ToString()));
    }

    private static IQueryable<MashCase> ClosedBefore(PortalDbContext db, DateTimeOffset before) =>
        db.MashCases.Where(c => c.Status == MashCaseStatus.Decided && (c.DecidedAt ?? c.ClosedAt) < before);

    private static IQueryable<OutboxMessage> OutboxDue(PortalDbContext db, DateTimeOffset before) =>
        db.OutboxMessages.Where(m => (m.SentAt ?? m.GaveUpAt) < before);
}

/// <summary>What one batch removed: drafts reminded and deleted, e-mails and audit events.</summary>
public sealed record RetentionBatch(int DraftsReminded, int DraftsDeleted, int Emails, int AuditEvents)
{
    public bool Any => DraftsReminded + DraftsDeleted + Emails + AuditEvents > 0;

    public RetentionBatch Plus(RetentionBatch other) => new(DraftsReminded + other.DraftsReminded, DraftsDeleted + other.DraftsDeleted,
        Emails + other.Emails, AuditEvents + other.AuditEvents);

    public override string ToString() =>
        $"{DraftsReminded} draft(s) reminded, {DraftsDeleted} draft(s) deleted, {Emails} e-mail(s), {AuditEvents} audit event(s)";
}
