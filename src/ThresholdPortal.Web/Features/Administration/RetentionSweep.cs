using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Retention;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;

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
        var accountsBefore = now.AddMonths(-schedule.AccountMonths);
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
            new("Attachments to referrals and answers", await ReferralAttachmentsDue(db, attachmentCases).LongCountAsync(ct)
                + await ResponseAttachmentsDue(db, attachmentCases).LongCountAsync(ct), true),
            new("Audit events", await db.AuditEvents.LongCountAsync(e => e.OccurredAt < auditBefore, ct), true),
            new("E-mails sent or given up", await OutboxDue(db, outboxBefore).LongCountAsync(ct), true),
            new("Deactivated accounts to erase", await AccountsDue(db, accountsBefore).LongCountAsync(ct), true),
        ];
    }

    /// <summary>
    /// One bounded batch of each kind the job applies, in the caller's transaction; returns what it did, kind by kind.
    /// </summary>
    public static async Task<RetentionBatch> ApplyBatchAsync(PortalDbContext db, UserManager<PortalUser> users, IEmailOutbox outbox,
        IAuditTrail audit, RetentionSchedule schedule, DateTimeOffset now, int batchSize, CancellationToken ct)
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
        var attachments = await RemoveAttachmentsAsync(db, ClosedBefore(db, now.AddMonths(-schedule.AttachmentMonths)), batchSize, ct);
        var accounts = await EraseAccountsAsync(db, users, audit, now, now.AddMonths(-schedule.AccountMonths), batchSize, ct);
        var outboxBefore = now.AddDays(-schedule.OutboxMessageDays);
        var emails = await db.OutboxMessages.Where(m => OutboxDue(db, outboxBefore).OrderBy(o => o.CreatedAt).Take(batchSize)
            .Select(o => o.Id).Contains(m.Id)).ExecuteDeleteAsync(ct);
        // The audit trail is append-only; its one way out is this database function (docs/decisions/0120).
        var auditEvents = await db.Database.SqlQuery<int>(
            $"SELECT retention_remove_audit_events({now.AddMonths(-schedule.AuditEventMonths)}, {batchSize}) AS \"Value\"").SingleAsync(ct);
        return new RetentionBatch(reminders.Count, drafts.Count, emails, auditEvents, attachments, accounts);
    }

    /// <summary>A batch of the attachments (bytes and all) of referrals and agency answers whose case closed long enough ago.</summary>
    private static async Task<int> RemoveAttachmentsAsync(PortalDbContext db, IQueryable<MashCase> cases, int batchSize,
        CancellationToken ct)
    {
        var referral = await ReferralAttachmentsDue(db, cases).OrderBy(a => a.Id).Take(batchSize).Select(a => a.Id).ToListAsync(ct);
        await db.AttachmentContents.Where(c => referral.Contains(c.AttachmentId)).ExecuteDeleteAsync(ct);
        var removed = await db.ReferralAttachments.Where(a => referral.Contains(a.Id)).ExecuteDeleteAsync(ct);
        var response = await ResponseAttachmentsDue(db, cases).OrderBy(a => a.Id).Take(batchSize).Select(a => a.Id).ToListAsync(ct);
        await db.InformationResponseAttachmentContents.Where(c => response.Contains(c.AttachmentId)).ExecuteDeleteAsync(ct);
        return removed + await db.InformationResponseAttachments.Where(a => response.Contains(a.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// A batch of accounts deactivated before the cutoff and not yet erased, each erased and audited as an administrator's
    /// erasure would be.
    /// </summary>
    private static async Task<int> EraseAccountsAsync(PortalDbContext db, UserManager<PortalUser> users, IAuditTrail audit,
        DateTimeOffset now, DateTimeOffset before, int batchSize, CancellationToken ct)
    {
        var due = await AccountsDue(db, before).OrderBy(u => u.Id).Take(batchSize).ToListAsync(ct);
        foreach (var user in due)
        {
            await AccountErasure.EraseAsync(users, db, user, now, ct);
            audit.Record(AccountEvents.PersonalDataErased, nameof(PortalUser), user.Id.ToString(), "By the retention schedule");
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private static IQueryable<ReferralAttachment> ReferralAttachmentsDue(PortalDbContext db, IQueryable<MashCase> cases) =>
        db.ReferralAttachments.Where(a => cases.Any(c => c.ReferralId == a.ReferralId));

    private static IQueryable<ResponseAttachment> ResponseAttachmentsDue(PortalDbContext db, IQueryable<MashCase> cases) =>
        db.InformationResponseAttachments.Where(a => db.InformationResponses.Any(r => r.Id == a.ResponseId
            && db.InformationRequests.Any(q => q.Id == r.RequestId && cases.Any(c => c.Id == q.CaseId))));

    /// <summary>Inactive, not erased, and last deactivated before the cutoff (the audit trail says when).</summary>
    private static IQueryable<PortalUser> AccountsDue(PortalDbContext db, DateTimeOffset before) =>
        db.Users.Where(u => !u.IsActive && u.ErasedAt == null
            && db.AuditEvents.Where(e => e.Action == AccountEvents.Deactivated && e.SubjectType == nameof(PortalUser)
                && e.SubjectId == u.Id.ToString()).Max(e => (DateTimeOffset?)e.OccurredAt) < before);

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

/// <summary>What one batch removed: drafts reminded and deleted, e-mails, audit events, attachments, and accounts erased.</summary>
public sealed record RetentionBatch(int DraftsReminded, int DraftsDeleted, int Emails, int AuditEvents, int Attachments = 0,
    int AccountsErased = 0)
{
    public bool Any => DraftsReminded + DraftsDeleted + Emails + AuditEvents + Attachments + AccountsErased > 0;

    public RetentionBatch Plus(RetentionBatch other) => new(DraftsReminded + other.DraftsReminded, DraftsDeleted + other.DraftsDeleted,
        Emails + other.Emails, AuditEvents + other.AuditEvents, Attachments + other.Attachments, AccountsErased + other.AccountsErased);

    public override string ToString() =>
        $"{DraftsReminded} draft(s) reminded, {DraftsDeleted} draft(s) deleted, {Emails} e-mail(s), {AuditEvents} audit event(s), " +
        $"{Attachments} attachment(s), {AccountsErased} account(s) erased";
}
