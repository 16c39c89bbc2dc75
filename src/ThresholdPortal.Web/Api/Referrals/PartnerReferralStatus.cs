using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Pages.Referrals;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary>
/// What the referring organisation may read of its referral: where it is, and the MASH's feedback once sent, as the
/// referrer's own page shows them. Nothing of the MASH's working (ratings, checks, other agencies' answers).
/// </summary>
public sealed record PartnerReferralStatus(
    string Reference,
    DateTimeOffset? ReceivedAt,
    string Kind,
    string Progress,
    PartnerFeedback? Feedback)
{
    public static PartnerReferralStatus From(SentModel.Result sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var referral = sent.Summary.Referral;
        var feedback = sent.Outcome is { } outcome
            ? new PartnerFeedback(outcome.Feedback.SentAt, (int?)outcome.DecidedLevel, outcome.Feedback.OutcomeSummary,
                outcome.Feedback.Reasons, outcome.Feedback.LevelExplanation, outcome.Feedback.OtherSupport, outcome.Feedback.ContactName,
                outcome.Feedback.ContactDetails, outcome.ChangedTo is not null)
            : null;
        return new PartnerReferralStatus(referral.Reference!, referral.SubmittedAt, ApiNames.Of(referral.Kind), sent.Progress,
            feedback);
    }
}

/// <summary>The feedback the MASH sent, as checked for third parties' information before it was sent.</summary>
public sealed record PartnerFeedback(
    DateTimeOffset? SentAt,
    int? DecidedLevel,
    string OutcomeSummary,
    string Reasons,
    string LevelExplanation,
    string? OtherSupport,
    string ContactName,
    string ContactDetails,
    bool DecisionChangedSince);

/// <summary>The answer to a stored partner referral: its reference, the guidance's level and reasons, and the quality flags.</summary>
public sealed record PartnerReferralReceiptQuery(string Reference) : IQuery<PartnerReferralReceipt?>;

public sealed class PartnerReferralReceiptHandler(PortalDbContext db, ICurrentUser user, ReadCache cache)
    : IRequestHandler<PartnerReferralReceiptQuery, PartnerReferralReceipt?>
{
    public async Task<PartnerReferralReceipt?> Handle(PartnerReferralReceiptQuery request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().SentVisibleTo(db, user).Where(r => r.Reference == request.Reference)
            .Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var children = referral.Children.OrderBy(c => c.Order).Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => c.i);
        var flags = Domain.Referrals.Quality.ReferralQualityChecks.Check(referral, await db.GlossaryAsync(cache, cancellationToken))
            .Select(f => new PartnerQualityFlag(ApiNames.Of(f.Kind), ReferralRoutes.LabelOf(f.Field),
                f.ChildId is { } child && children.TryGetValue(child, out var index) ? index : null, f.Message))
            .ToList();
        return new PartnerReferralReceipt(referral.Reference!, referral.SubmittedAt!.Value, ApiNames.Of(referral.Kind),
            (int)referral.SuggestedLevel!.Value, referral.SuggestionReasons, (int)referral.ChosenLevel!.Value, flags);
    }
}
