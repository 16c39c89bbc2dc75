using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>
/// What the referrer is told of the hub's work with the family they referred (docs/decisions/0118): who is helping and
/// how to reach them, when, and where it stands. Only the hub's own facts: never the family's reasons for declining, the
/// hub's notes or a step-up's reasons, which may hold what the family or other agencies said.
/// </summary>
public sealed record EarlyHelpForReferrer(
    EarlyHelpCaseStatus Status,
    bool IsStepDown,
    DateTimeOffset ReceivedAt,
    DateTimeOffset FirstContactDueAt,
    string? LeadProfessional,
    string? LeadProfessionalContact,
    DateTimeOffset? AllocatedAt,
    DateTimeOffset? FirstContactAt,
    DateOnly? AssessmentStartedOn,
    DateOnly? AssessmentCompletedOn,
    DateTimeOffset? EndedAt,
    EarlyHelpOutcome? Outcome)
{
    public const string Received = "Received by the Early Help Hub";
    public const string Allocated = "A lead professional is helping";
    public const string Accepted = "The family accepted early help";
    public const string Declined = "The family declined early help";
    public const string Ended = "Early help has ended";
    public const string SteppedUp = "Passed to the MASH";

    /// <summary>Where it stands, in the referrer's words (the "My referrals" list and the referral's page).</summary>
    public string Progress => Words(Status);

    public static string Words(EarlyHelpCaseStatus status) => status switch
    {
        EarlyHelpCaseStatus.New => Received,
        EarlyHelpCaseStatus.Allocated => Allocated,
        EarlyHelpCaseStatus.AcceptedByFamily => Accepted,
        EarlyHelpCaseStatus.DeclinedByFamily => Declined,
        EarlyHelpCaseStatus.Closed => Ended,
        EarlyHelpCaseStatus.SteppedUp => SteppedUp,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The tag colour beside the words (the words carry the meaning).</summary>
    public static string Colour(string progress) => progress switch
    {
        Accepted => "green",
        Declined => "orange",
        Ended or SteppedUp => "grey",
        _ => "blue",
    };

    /// <summary>The hub's latest work on a sent referral (its own request, or the step-down of its MASH case), if any.</summary>
    public static Task<EarlyHelpForReferrer?> LoadAsync(PortalDbContext db, Guid referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.EarlyHelpCases.AsNoTracking()
            .Where(c => c.ReferralId == referralId)
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => new EarlyHelpForReferrer(c.Status, c.SteppedDownFromCaseId != null, c.ReceivedAt, c.FirstContactDueAt,
                db.LeadProfessionals.Where(p => p.Id == c.LeadProfessionalId).Select(p => p.Name).FirstOrDefault(),
                db.LeadProfessionals.Where(p => p.Id == c.LeadProfessionalId).Select(p => p.Contact).FirstOrDefault(),
                c.AllocatedAt, c.FirstContactAt, c.AssessmentStartedOn, c.AssessmentCompletedOn, c.ClosedAt ?? c.SteppedUpAt, c.Outcome))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Queues an e-mail to the person who sent the referral, in the change's unit of work, when their account can still
    /// read it. The e-mail says only that there is news and links to the referral (docs/decisions/0020). A contact the
    /// MASH recorded from a phone call has no referrer in the portal: its referrer hears from the MASH, not from here. Nor
    /// is a step-down's referrer told before the MASH's feedback has told them of the step-down (docs/decisions/0067).
    /// </summary>
    public static async Task TellReferrerAsync(PortalDbContext db, IEmailOutbox outbox, EarlyHelpCase work, EmailTemplate template,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(work);
        var stepDown = work.IsStepDown;
        var referrer = await db.Referrals.Where(r => r.Id == work.ReferralId && r.Reference != null
                && !db.MashCases.Any(c => c.ReferralId == r.Id && c.Channel != ContactChannel.Portal)
                && (!stepDown || db.ReferrerFeedback.Any(f => f.ReferralId == r.Id && f.State != FeedbackState.Draft)))
            .SelectMany(r => db.Users.Where(u => u.Id == r.ReferrerUserId && u.IsActive && u.Email != null)
                .Select(u => new { u.Email, r.Reference }))
            .FirstOrDefaultAsync(cancellationToken);
        if (referrer is not null)
        {
            outbox.Enqueue(referrer.Email!, template, ReferralRoutes.Sent(referrer.Reference!));
        }
    }
}
