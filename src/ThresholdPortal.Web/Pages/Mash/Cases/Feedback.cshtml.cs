using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// Feedback to the referrer: the draft the portal wrote from the approved decision, edited by the
/// practitioner and sent once, in the portal (the referrer is e-mailed that it is ready) or, for a
/// contact recorded by phone or a referrer without an account, given by phone or letter. Nothing can be
/// sent before a manager approves the decision, and nothing changes after it is sent.
/// </summary>
public sealed class FeedbackModel(IMediator mediator, TimeProvider clock) : CasePageModel, IReloadOnInvalid
{
    [BindProperty]
    public SendFeedback Data { get; set; } = new();

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, fill: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.CaseId = id;
        return await OutcomeAsync(await mediator.Send(Data), id, () => LoadAsync(id, fill: false));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(RouteCaseId, fill: false);

    private async Task<bool> LoadAsync(Guid id, bool fill)
    {
        var view = await mediator.Send(new Query(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        if (fill && view.Feedback is { } feedback)
        {
            Data.Stamp(id, feedback.Version, Now(clock));
            Data.OutcomeSummary = feedback.OutcomeSummary;
            Data.Reasons = feedback.Reasons;
            Data.LevelExplanation = feedback.LevelExplanation;
            Data.OtherSupport = feedback.OtherSupport;
            Data.ContactName = feedback.ContactName;
            Data.ContactDetails = feedback.ContactDetails;
            Data.Method = view.CanUsePortal ? FeedbackMethod.Portal : null;
        }

        return true;
    }

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    /// <summary>The case; <see cref="Feedback"/> is null until a manager has approved the decision and the feedback is drafted.</summary>
    public sealed record Result(
        Guid CaseId, string Reference, ContactChannel Channel, string ReferrerName, string ReferrerOrganisation,
        ThresholdLevel? ReferrerLevel, ThresholdLevel? DecidedLevel, DecisionOutcome? Outcome, DateTimeOffset? DecidedAt,
        ReferrerFeedback? Feedback, string? SentBy)
    {
        /// <summary>Only a referral sent through the portal has a referrer account to read the feedback.</summary>
        public bool CanUsePortal => Channel == ContactChannel.Portal;
    }

    public sealed class SendFeedback : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }

        /// <summary>The feedback's version (xmin), not the case's: the case is closed, the feedback is what changes.</summary>
        public uint Version { get; set; }

        public long OpenedAt { get; set; }
        public string? OutcomeSummary { get; set; }
        public string? Reasons { get; set; }
        public string? LevelExplanation { get; set; }
        public string? OtherSupport { get; set; }
        public string? ContactName { get; set; }
        public string? ContactDetails { get; set; }
        public FeedbackMethod? Method { get; set; }

        /// <summary>Ticked by the sender: the feedback holds no third-party information. Unticked, nothing is sent.</summary>
        public ThirdPartyCheck? ThirdPartyCheck { get; set; }
    }

    public sealed class Validator : AbstractValidator<SendFeedback>
    {
        public Validator()
        {
            RuleFor(f => f.OutcomeSummary).NotEmpty().WithMessage("Say what the outcome is")
                .MaximumLength(ReferrerFeedback.OutcomeMaxLength)
                    .WithMessage($"The outcome must be {ReferrerFeedback.OutcomeMaxLength:N0} characters or fewer");
            RuleFor(f => f.Reasons).NotEmpty().WithMessage("Give the reasons for the decision")
                .MaximumLength(ReferrerFeedback.ReasonsMaxLength)
                    .WithMessage($"The reasons must be {ReferrerFeedback.ReasonsMaxLength:N0} characters or fewer");
            RuleFor(f => f.LevelExplanation).NotEmpty()
                .WithMessage("Explain the level the MASH applied beside the level the referrer suggested")
                .MaximumLength(ReferrerFeedback.LevelExplanationMaxLength)
                    .WithMessage($"The level explanation must be {ReferrerFeedback.LevelExplanationMaxLength:N0} characters or fewer");
            RuleFor(f => f.OtherSupport).MaximumLength(ReferrerFeedback.OtherSupportMaxLength)
                .WithMessage($"Other support must be {ReferrerFeedback.OtherSupportMaxLength:N0} characters or fewer");
            RuleFor(f => f.ContactName).NotEmpty().WithMessage("Enter the name of the person the referrer can contact")
                .MaximumLength(ReferrerFeedback.ContactNameMaxLength)
                    .WithMessage($"The contact's name must be {ReferrerFeedback.ContactNameMaxLength:N0} characters or fewer");
            RuleFor(f => f.ContactDetails).NotEmpty().WithMessage("Enter how the referrer can reach the contact")
                .MaximumLength(ReferrerFeedback.ContactDetailsMaxLength)
                    .WithMessage($"The contact details must be {ReferrerFeedback.ContactDetailsMaxLength:N0} characters or fewer");
            RuleFor(f => f.Method).NotNull().WithMessage("Select how the feedback is given").IsInEnum()
                .WithMessage("Select how the feedback is given");
            RuleFor(f => f.ThirdPartyCheck).Equal(Domain.Decisions.ThirdPartyCheck.NoneFound)
                .WithMessage("Confirm the feedback holds no information from other agencies or about the family that the referrer " +
                    "may not know");
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            // Every case has its referral: a join, which reads one row (ADR 0137).
            var row = await (
                from c in db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                join r in db.Referrals on c.ReferralId equals r.Id
                select new
                {
                    c.Id, c.Reference, c.Channel, c.ReferrerLevel, c.DecidedLevel, c.Outcome, c.DecidedAt, c.DecisionId,
                    Referrer = new { r.Referrer.Name, r.Referrer.OrganisationName },
                    Approved = db.CaseDecisions.Any(d => d.Id == c.DecisionId && d.State == DecisionState.Approved),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            var feedback = row.Approved
                ? await db.ReferrerFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.DecisionId == row.DecisionId, cancellationToken)
                : null;
            var sentBy = feedback?.SentByUserId is { } senderId
                ? await db.Users.Where(u => u.Id == senderId).Select(u => u.FullName)
                    .FirstOrDefaultAsync(cancellationToken)
                : null;
            return new Result(row.Id, row.Reference, row.Channel, row.Referrer?.Name ?? "Not recorded",
                row.Referrer?.OrganisationName ?? "Not recorded",
                row.ReferrerLevel, row.DecidedLevel, row.Outcome, row.DecidedAt, feedback, sentBy);
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, IEmailOutbox outbox, ICurrentUser user, TimeProvider clock)
        : IRequestHandler<SendFeedback, CommandResult>
    {
        public async Task<CommandResult> Handle(SendFeedback request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new { c.Id, c.Reference, c.Channel, c.ReferralId, c.DecisionId })
                .SingleOrDefaultAsync(cancellationToken);
            if (mashCase is null)
            {
                return CommandResult.NotFound;
            }

            var approved = await db.CaseDecisions.AnyAsync(d => d.Id == mashCase.DecisionId && d.State == DecisionState.Approved,
                cancellationToken);
            var feedback = approved
                ? await db.ReferrerFeedback.SingleOrDefaultAsync(f => f.DecisionId == mashCase.DecisionId, cancellationToken)
                : null;
            if (feedback is null)
            {
                return new CommandResult.Refused("There is no approved decision on this case yet: feedback can be sent only after a " +
                    "manager approves the decision.");
            }

            if (feedback.Version != request.Version)
            {
                return await CaseChanges.ConflictAsync(db, request, cancellationToken);
            }

            var method = request.Method!.Value;
            if (method == FeedbackMethod.Portal && mashCase.Channel != ContactChannel.Portal)
            {
                return new CommandResult.Refused("This contact was not made through the portal: give the feedback by phone or letter.");
            }

            string? referrerEmail = null;
            string? referrerText = null;
            if (method == FeedbackMethod.Portal)
            {
                var referrer = await db.Referrals.Where(r => r.Id == mashCase.ReferralId)
                    .SelectMany(r => db.Users.Where(u => u.Id == r.ReferrerUserId && u.IsActive && u.Email != null)
                        .Select(u => new { u.Email, u.TextMessagesTo }))
                    .FirstOrDefaultAsync(cancellationToken);
                (referrerEmail, referrerText) = (referrer?.Email, referrer?.TextMessagesTo);
                if (referrerEmail is null)
                {
                    return new CommandResult.Refused("The referrer's account is closed, so they cannot read it in the portal: give the " +
                        "feedback by phone or letter.");
                }
            }

            var refused = CaseChanges.Apply(db, () =>
            {
                if (feedback.IsSent)
                {
                    throw new CaseRuleException("This feedback has already been sent: it cannot be changed.");
                }

                feedback.OutcomeSummary = request.OutcomeSummary!.Trim();
                feedback.Reasons = request.Reasons!.Trim();
                feedback.LevelExplanation = request.LevelExplanation!.Trim();
                feedback.OtherSupport = string.IsNullOrWhiteSpace(request.OtherSupport) ? null : request.OtherSupport.Trim();
                feedback.ContactName = request.ContactName!.Trim();
                feedback.ContactDetails = request.ContactDetails!.Trim();
                feedback.Send(method, request.ThirdPartyCheck ?? ThirdPartyCheck.NotConfirmed, user.Id, clock.GetUtcNow());
            });
            if (refused is not null)
            {
                return refused;
            }

            audit.Record(CaseEvents.FeedbackSent, CaseEvents.SubjectType, mashCase.Id.ToString(), FeedbackDisplay.Method(method));
            if (referrerEmail is not null)
            {
                outbox.Enqueue(referrerEmail, EmailTemplate.FeedbackReady, ReferralRoutes.Sent(mashCase.Reference));
            }

            if (referrerText is not null)
            {
                // The referrer asked to be texted too (docs/decisions/0111): the same link, through Notify.
                outbox.Enqueue(referrerText, EmailTemplate.FeedbackReadyText, ReferralRoutes.Sent(mashCase.Reference));
            }

            return await CaseChanges.SaveAsync(db, request, cancellationToken);
        }
    }
}
