using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>
/// The outcome of a referral as its referrer reads it: the newest feedback the MASH sent (never a draft), the
/// decision date, and any escalation with its answer. When a manager has approved a changed decision whose
/// feedback is not yet sent, <see cref="ChangedTo"/> gives its outcome and level, and nothing else of it
/// (the reasons reach the referrer only in checked feedback, docs/decisions/0094). Only for a referral the user
/// may see (<see cref="ReferralAccess"/>); anything else is null, so the page says "not found".
/// </summary>
public sealed record ReferralOutcome(
    Guid CaseId, string Reference, DateTimeOffset? DecidedAt, ThresholdLevel? ReferrerLevel, ThresholdLevel? DecidedLevel,
    ReferrerFeedback Feedback, Escalation? Escalation, ReferralOutcome.Change? ChangedTo = null)
{
    /// <summary>A changed decision approved after the feedback above was sent.</summary>
    public sealed record Change(DecisionOutcome Outcome, ThresholdLevel Level);

    public bool AwaitsResponse => Feedback.State == FeedbackState.Sent && ChangedTo is null;

    /// <summary>Loads the sent feedback; tracked when the caller is going to change it.</summary>
    public static async Task<ReferralOutcome?> LoadAsync(PortalDbContext db, ICurrentUser user, string reference, bool tracked,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var referral = await db.Referrals.AsNoTracking().SentVisibleTo(db, user).Where(r => r.Reference == reference)
            .Select(r => new { r.Id, r.Reference })
            .SingleOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var feedbacks = tracked ? db.ReferrerFeedback : db.ReferrerFeedback.AsNoTracking();
        var feedback = await feedbacks.Where(f => f.ReferralId == referral.Id && f.State != FeedbackState.Draft)
            .OrderByDescending(f => f.SentAt).FirstOrDefaultAsync(cancellationToken);
        if (feedback is null)
        {
            return null;
        }

        var mashCase = await db.MashCases.AsNoTracking().Where(c => c.Id == feedback.CaseId)
            .Select(c => new
            {
                c.DecidedAt, c.ReferrerLevel, c.DecidedLevel, c.DecisionId, c.Outcome, c.Status,
                FeedbackLevel = db.CaseDecisions.Where(d => d.Id == feedback.DecisionId).Select(d => (ThresholdLevel?)d.Level)
                    .FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var escalation = await db.Escalations.AsNoTracking().Where(e => e.CaseId == feedback.CaseId).OrderByDescending(e => e.RaisedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var changed = mashCase.DecisionId != feedback.DecisionId && mashCase.Status == MashCaseStatus.Decided
            && mashCase is { Outcome: { } outcome, DecidedLevel: { } level }
            ? new Change(outcome, level)
            : null;
        // The level beside the feedback is the one its decision applied; a changed decision's level shows with the change.
        return new ReferralOutcome(feedback.CaseId, referral.Reference!, mashCase.DecidedAt, mashCase.ReferrerLevel,
            mashCase.FeedbackLevel ?? mashCase.DecidedLevel, feedback, escalation, changed);
    }
}
