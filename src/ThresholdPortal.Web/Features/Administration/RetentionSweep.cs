using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

/// <summary>How many records of one kind the schedule has made due now.</summary>
public sealed record RetentionDue(string Kind, long Count);

/// <summary>
/// The retention schedule applied to the records (issue 19, item 1; docs/decisions/0120). <see cref="DueAsync"/> counts
/// what is due now for every kind (the dry run the settings page shows); <see cref="ApplyBatchAsync"/> removes one bounded
/// batch of each: drafts (their referrers reminded first), e-mails, attachments, accounts, and through the database's own
/// narrow functions the append-only records: closed cases by outcome with everything about them, information requests
/// and their answers, and audit events (docs/decisions/0124). Counts only, never names.
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
        var (nfaBefore, stepDownBefore, statutoryBefore) = CaseCutoffs(schedule, now);
        var closed = (await db.Database.SqlQuery<KindCount>($"""
            SELECT "Kind", count(*) AS "Count" FROM retention_closed_cases_due({nfaBefore}, {stepDownBefore}, {statutoryBefore})
            GROUP BY "Kind"
            """).ToListAsync(ct)).ToDictionary(k => k.Kind, k => k.Count);
        var earlyHelp = await db.Database.SqlQuery<long>(
            $"SELECT count(*) AS \"Value\" FROM retention_early_help_requests_due({stepDownBefore})").SingleAsync(ct);
        var requestCases = ClosedBefore(db, now.AddMonths(-schedule.InformationRequestMonths)).Select(c => c.Id);
        var attachmentCases = ClosedBefore(db, now.AddMonths(-schedule.AttachmentMonths));
        var accountsBefore = now.AddMonths(-schedule.AccountMonths);
        var auditBefore = now.AddMonths(-schedule.AuditEventMonths);
        var outboxBefore = now.AddDays(-schedule.OutboxMessageDays);
        return
        [
            new("Draft referrals to delete", await DraftsDue(db, schedule, now).LongCountAsync(ct)),
            new("Draft referrals whose referrer is reminded", await DraftsToRemind(db, schedule, now).LongCountAsync(ct)),
            new("Cases closed with no further action", closed.GetValueOrDefault("no-further-action")),
            new("Cases stepped down to early help", closed.GetValueOrDefault("step-down")),
            new("Early help requests the hub has closed", earlyHelp),
            new("Cases handed to social care", closed.GetValueOrDefault("statutory")),
            new("Information requests", await db.InformationRequests.LongCountAsync(r => requestCases.Contains(r.CaseId), ct)),
            new("Attachments to referrals and answers", await ReferralAttachmentsDue(db, attachmentCases).LongCountAsync(ct)
                + await ResponseAttachmentsDue(db, attachmentCases).LongCountAsync(ct)),
            new("Audit events", await db.AuditEvents.LongCountAsync(e => e.OccurredAt < auditBefore, ct)),
            new("E-mails sent or given up", await OutboxDue(db, outboxBefore).LongCountAsync(ct)),
            new("Deactivated accounts to erase", await AccountsDue(db, accountsBefore).LongCountAsync(ct)),
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
        // The parts go before the whole, each by its own period: attachments, then requests with their answers, then closed
        // cases with everything about them; agency answers and cases leave only through the database's own functions
        // (docs/decisions/0124).
        var attachments = await RemoveAttachmentsAsync(db, now.AddMonths(-schedule.AttachmentMonths), batchSize, ct);
        var requests = await db.Database.SqlQuery<int>($"""
            SELECT retention_remove_information_requests({now.AddMonths(-schedule.InformationRequestMonths)}, {batchSize}) AS "Value"
            """).SingleAsync(ct);
        var (nfaBefore, stepDownBefore, statutoryBefore) = CaseCutoffs(schedule, now);
        var cases = await db.Database.SqlQuery<int>($"""
            SELECT retention_remove_closed_cases({nfaBefore}, {stepDownBefore}, {statutoryBefore}, {batchSize}) AS "Value"
            """).SingleAsync(ct);
        var accounts = await EraseAccountsAsync(db, users, audit, now, now.AddMonths(-schedule.AccountMonths), batchSize, ct);
        var outboxBefore = now.AddDays(-schedule.OutboxMessageDays);
        var emails = await db.OutboxMessages.Where(m => OutboxDue(db, outboxBefore).OrderBy(o => o.CreatedAt).Take(batchSize)
            .Select(o => o.Id).Contains(m.Id)).ExecuteDeleteAsync(ct);
        // The audit trail is append-only; its one way out is this database function (docs/decisions/0120).
        var auditEvents = await db.Database.SqlQuery<int>(
            $"SELECT retention_remove_audit_events({now.AddMonths(-schedule.AuditEventMonths)}, {batchSize}) AS \"Value\"").SingleAsync(ct);
        return new RetentionBatch(reminders.Count, drafts.Count, emails, auditEvents, attachments, accounts, cases, requests);
    }

    /// <summary>A batch of the attachments (bytes and all) of referrals and agency answers whose case closed long enough ago.</summary>
    private static async Task<int> RemoveAttachmentsAsync(PortalDbContext db, DateTimeOffset closedBefore, int batchSize,
        CancellationToken ct)
    {
        var cases = ClosedBefore(db, closedBefore);
        var referral = await ReferralAttachmentsDue(db, cases).OrderBy(a => a.Id).Take(batchSize).Select(a => a.Id).ToListAsync(ct);
        await db.AttachmentContents.Where(c => referral.Contains(c.AttachmentId)).ExecuteDeleteAsync(ct);
        var removed = await db.ReferralAttachments.Where(a => referral.Contains(a.Id)).ExecuteDeleteAsync(ct);
        // An agency's answer is append-only: its attachments leave through the database's function (docs/decisions/0124).
        return removed + await db.Database.SqlQuery<int>(
            $"SELECT retention_remove_response_attachments({closedBefore}, {batchSize}) AS \"Value\"").SingleAsync(ct);
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

    /// <summary>The moments before which a case closed with each kind of outcome is due: no further action, step-down, statutory.</summary>
    private static (DateTimeOffset, DateTimeOffset, DateTimeOffset) CaseCutoffs(RetentionSchedule schedule, DateTimeOffset now) =>
        (now.AddMonths(-schedule.ClosedNoFurtherActionMonths), now.AddMonths(-schedule.ClosedStepDownMonths),
            now.AddMonths(-schedule.ClosedStatutoryMonths));

    private sealed record KindCount(string Kind, long Count);

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

/// <summary>
/// What one batch removed: drafts reminded and deleted, e-mails, audit events, attachments, accounts erased, closed cases
/// (with early help requests the hub closed) and information requests.
/// </summary>
public sealed record RetentionBatch(int DraftsReminded, int DraftsDeleted, int Emails, int AuditEvents, int Attachments = 0,
    int AccountsErased = 0, int Cases = 0, int InformationRequests = 0)
{
    public bool Any =>
        DraftsReminded + DraftsDeleted + Emails + AuditEvents + Attachments + AccountsErased + Cases + InformationRequests > 0;

    public RetentionBatch Plus(RetentionBatch other) => new(DraftsReminded + other.DraftsReminded, DraftsDeleted + other.DraftsDeleted,
        Emails + other.Emails, AuditEvents + other.AuditEvents, Attachments + other.Attachments, AccountsErased + other.AccountsErased,
        Cases + other.Cases, InformationRequests + other.InformationRequests);

    public override string ToString() =>
        $"{DraftsReminded} draft(s) reminded, {DraftsDeleted} draft(s) deleted, {Emails} e-mail(s), {AuditEvents} audit event(s), " +
        $"{Attachments} attachment(s), {AccountsErased} account(s) erased, {Cases} closed case(s) and early help request(s), " +
        $"{InformationRequests} information request(s)";
}
