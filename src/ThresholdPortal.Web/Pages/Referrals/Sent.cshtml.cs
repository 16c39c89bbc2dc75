using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>
/// A read-only view of a sent referral, for its referrer (and colleagues where the organisation shares
/// referrals). Once the MASH has sent its feedback, the outcome is shown first; the referrer can
/// acknowledge it, or disagree (<see cref="DisagreeModel"/>).
/// </summary>
public sealed class SentModel(IMediator mediator, MashSettings settings) : CommandPageModel
{
    public ReferralSummary View { get; private set; } = null!;

    public ReferralOutcome? Outcome { get; private set; }

    /// <summary>Where the referral stands, in the referrer's words (<see cref="ReferrerProgress"/>).</summary>
    public string Progress { get; private set; } = ReferrerProgress.Received;

    public string ProgressColour { get; private set; } = ReferrerProgress.Colour(ReferrerProgress.Received);

    /// <summary>The early help hub's work with the family: an early help request's, or a step-down's of the MASH case.</summary>
    public EarlyHelpForReferrer? EarlyHelp { get; private set; }

    /// <summary>The MASH's phone line, opening hours and mailbox, under the named contact.</summary>
    public string MashContactDetails =>
        $"The MASH: {settings.Contacts.MashPhone} ({settings.OpeningHours}), {settings.Contacts.MashEmail}";

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        var view = await mediator.Send(new Query(reference));
        if (view is null)
        {
            return NotFound();
        }

        View = view.Summary;
        Outcome = view.Outcome;
        Progress = view.Progress;
        EarlyHelp = view.EarlyHelp;
        ProgressColour = view.Summary.Referral.Kind == ReferralKind.EarlyHelpRequest
            ? EarlyHelpForReferrer.Colour(Progress) : ReferrerProgress.Colour(Progress);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(string reference, uint version)
    {
        var result = await mediator.Send(new Acknowledge(reference, version));
        if (result.IsSaved)
        {
            TempData.SetNotice("Thank you: you have acknowledged the outcome of this referral");
        }

        return await OutcomeAsync(result, () => Redirect(ReferralRoutes.Sent(reference)),
            async () => await OnGetAsync(reference) is PageResult);
    }

    public sealed record Query(string Reference) : IQuery<Result?>;

    public sealed record Result(ReferralSummary Summary, ReferralOutcome? Outcome, string Progress, EarlyHelpForReferrer? EarlyHelp);

    /// <summary>The referrer accepts the feedback. Returns null when saved, "" when not found, or why it was refused.</summary>
    public sealed record Acknowledge(string Reference, uint Version) : ICommand<CommandResult>;

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var summary = await ReferralSummary.LoadAsync(db,
                db.Referrals.SentVisibleTo(db, user).Where(r => r.Reference == request.Reference),
                editable: false, cancellationToken);
            if (summary is null)
            {
                return null;
            }

            var outcome = await ReferralOutcome.LoadAsync(db, user, request.Reference, tracked: false, cancellationToken);
            audit.Record(CaseEvents.ReferralViewed, CaseEvents.ReferralSubjectType, summary.Referral.Id.ToString(),
                "Referrer's read-only view");
            if (outcome is not null)
            {
                // Reading the feedback is a step on the case's timeline: the MASH can see it reached the referrer.
                audit.Record(CaseEvents.FeedbackRead, CaseEvents.SubjectType, outcome.CaseId.ToString(), null);
            }

            await db.SaveChangesAsync(cancellationToken);
            var referral = summary.Referral;
            var progress = ReferralDisplay.Status(referral.Status);
            var earlyHelp = await EarlyHelpForReferrer.LoadAsync(db, referral.Id, cancellationToken);
            if (earlyHelp is { IsStepDown: true } && outcome is null)
            {
                // The referrer learns of a step-down from the MASH's feedback, not before it (docs/decisions/0067).
                earlyHelp = null;
            }

            if (referral.Kind == ReferralKind.EarlyHelpRequest && earlyHelp is not null)
            {
                progress = earlyHelp.Progress;
            }
            else if (referral.Kind == ReferralKind.MashReferral)
            {
                var mashCase = await db.MashCases.AsNoTracking().Where(c => c.ReferralId == referral.Id)
                    .Select(c => new { c.Status, c.ContactOutcome }).FirstOrDefaultAsync(cancellationToken);
                progress = ReferrerProgress.Of(mashCase?.Status, mashCase?.ContactOutcome, outcome?.Feedback.State,
                    outcome?.Escalation is { IsOpen: false });
            }

            return new Result(summary, outcome, progress, earlyHelp);
        }
    }

    public sealed class AcknowledgeHandler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Acknowledge, CommandResult>
    {
        public async Task<CommandResult> Handle(Acknowledge request, CancellationToken cancellationToken)
        {
            var outcome = await ReferralOutcome.LoadAsync(db, user, request.Reference, tracked: true, cancellationToken);
            if (outcome is null)
            {
                return CommandResult.NotFound;
            }

            if (outcome.Feedback.Version != request.Version)
            {
                return new CommandResult.Refused("The outcome of this referral changed since you opened it. Check it again.");
            }

            try
            {
                outcome.Feedback.Acknowledge(clock.GetUtcNow());
            }
            catch (CaseRuleException refused)
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(refused.Message);
            }

            audit.Record(CaseEvents.FeedbackAcknowledged, CaseEvents.SubjectType, outcome.CaseId.ToString(), null);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
