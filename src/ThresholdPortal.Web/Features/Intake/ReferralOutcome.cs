using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>
/// The outcome of a referral as its referrer reads it: the feedback the MASH sent (never a draft), the
/// decision date, and any escalation with its answer. Only for a referral the user may see
/// (<see cref="ReferralAccess"/>); anything else is null, so the page says "not found".
/// </summary>
public sealed record ReferralOutcome(
    Guid CaseId, string Reference, DateTimeOffset? DecidedAt, ThresholdLevel? ReferrerLevel, ThresholdLevel? DecidedLevel,
    ReferrerFeedback Feedback, Escalation? Escalation)
{
    public bool AwaitsResponse => Feedback.State == FeedbackState.Sent;

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
        var feedback = await feedbacks.SingleOrDefaultAsync(f => f.ReferralId == referral.Id && f.State != FeedbackState.Draft,
            cancellationToken);
        if (feedback is null)
        {
            return null;
        }

        var mashCase = await db.MashCases.AsNoTracking().Where(c => c.Id == feedback.CaseId)
            .Select(c => new { c.DecidedAt, c.ReferrerLevel, c.DecidedLevel }).SingleAsync(cancellationToken);
        var escalation = await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.FeedbackId == feedback.Id, cancellationToken);
        return new ReferralOutcome(feedback.CaseId, referral.Reference!, mashCase.DecidedAt, mashCase.ReferrerLevel, mashCase.DecidedLevel,
            feedback, escalation);
    }
}
