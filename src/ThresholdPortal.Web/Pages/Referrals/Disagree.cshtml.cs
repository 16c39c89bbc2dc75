using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
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

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>
/// "I disagree with this decision": the referrer's reasons start an escalation (resolving professional
/// differences) on the MASH managers' list, due a configured number of working days from now, and every
/// active MASH manager is e-mailed that it is waiting.
/// </summary>
public sealed class DisagreeModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public string Reference { get; set; } = string.Empty;

    [BindProperty]
    public RaiseEscalation Data { get; set; } = new();

    public ReferralOutcome View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        Data.Version = View.Feedback.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference)
    {
        Data.Reference = reference;
        var result = await mediator.Send(Data);
        if (result.IsSaved)
        {
            TempData.SetNotice("Your disagreement has been sent to the MASH managers");
        }

        return await OutcomeAsync(result, () => Redirect(ReferralRoutes.Sent(reference)), () => LoadAsync(reference));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(Reference);

    private async Task<bool> LoadAsync(string reference)
    {
        var view = await mediator.Send(new Query(reference), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    public sealed record Query(string Reference) : IQuery<ReferralOutcome?>;

    public sealed class RaiseEscalation : ICommand<CommandResult>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public string Reference { get; set; } = string.Empty;
        public uint Version { get; set; }
        public string? Reasons { get; set; }
    }

    public sealed class Validator : AbstractValidator<RaiseEscalation>
    {
        public Validator()
        {
            RuleFor(e => e.Reasons).NotEmpty().WithMessage("Say why you disagree with the decision")
                .MaximumLength(Escalation.ReasonsMaxLength)
                    .WithMessage($"Your reasons must be {Escalation.ReasonsMaxLength:N0} characters or fewer");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, ReferralOutcome?>
    {
        public async Task<ReferralOutcome?> Handle(Query request, CancellationToken cancellationToken) =>
            await ReferralOutcome.LoadAsync(db, user, request.Reference, tracked: false, cancellationToken);
    }

    public sealed class Handler(
        PortalDbContext db, ICurrentUser user, IAuditTrail audit, IEmailOutbox outbox, WorkingCalendar calendar,
            IOptions<DecisionOptions> options, TimeProvider clock)
        : IRequestHandler<RaiseEscalation, CommandResult>
    {
        public async Task<CommandResult> Handle(RaiseEscalation request, CancellationToken cancellationToken)
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

            var now = clock.GetUtcNow();
            var due = calendar.AddWorkingTime(now, calendar.WorkingDayLength * options.Value.EscalationResponseWorkingDays);
            Escalation escalation;
            try
            {
                escalation = Escalation.Raise(outcome.Feedback, request.Reasons!, user.Id, now, due);
            }
            catch (CaseRuleException refused)
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(refused.Message);
            }

            db.Escalations.Add(escalation);
            audit.Record(CaseEvents.EscalationRaised, CaseEvents.SubjectType, outcome.CaseId.ToString(), null);
            var managers = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && !u.AwaitingApproval && u.Email != null
                    && db.UserRoles.Any(ur =>
                        ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRole.MashManager)))
                .OrderBy(u => u.Email)
                .Select(u => u.Email!)
                .ToListAsync(cancellationToken);
            foreach (var manager in managers)
            {
                outbox.Enqueue(manager, EmailTemplate.EscalationRaised, FeedbackRoutes.Escalation(escalation.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
