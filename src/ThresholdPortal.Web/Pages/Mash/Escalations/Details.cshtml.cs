using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Escalations;

/// <summary>
/// One referrer's escalation, for a MASH manager: their reasons beside the decision and the feedback they
/// were sent, and the answer (upheld or changed, with reasons), which is fed back to the referrer the way
/// the feedback was. "Changed" reopens the case for a revised decision, which goes through sign-off like any
/// other; its approval changes the outcome on record and drafts new feedback (docs/decisions/0096).
/// </summary>
public sealed class DetailsModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public AnswerEscalation Data { get; set; } = new();

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Data.Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Data.EscalationId = id;
        var result = await mediator.Send(Data);
        if (result.IsSaved)
        {
            TempData.SetNotice("Your answer has been sent to the referrer");
        }

        return await OutcomeAsync(result, () => Redirect(FeedbackRoutes.Escalations), () => LoadAsync(id));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(Id);

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    public sealed record Query(Guid EscalationId) : IQuery<Result?>;

    public sealed record Result(
        Escalation Escalation, Guid CaseId, string Reference, string RaisedBy, string ReferrerOrganisation,
        DecisionOutcome Outcome, ThresholdLevel Level, ThresholdLevel? ReferrerLevel, string Rationale, DateTimeOffset DecidedAt,
        ReferrerFeedback Feedback, string? AnsweredBy, DateTimeOffset Now)
    {
        public bool IsOverdue => Escalation.IsOpen && Escalation.DueAt < Now;

        public uint Version => Escalation.Version;
    }

    /// <summary>The manager's answer.</summary>
    public sealed class AnswerEscalation : ICommand<CommandResult>
    {
        public Guid EscalationId { get; set; }
        public uint Version { get; set; }
        public EscalationResult? Result { get; set; }
        public string? Response { get; set; }
    }

    public sealed class Validator : AbstractValidator<AnswerEscalation>
    {
        public Validator()
        {
            RuleFor(a => a.Result).NotNull().WithMessage("Select whether the decision is upheld or changed").IsInEnum()
                .WithMessage("Select whether the decision is upheld or changed");
            RuleFor(a => a.Response).NotEmpty().WithMessage("Give the reasons for your answer")
                .MaximumLength(Escalation.ResponseMaxLength)
                    .WithMessage($"Your answer must be {Escalation.ResponseMaxLength:N0} characters or fewer");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var escalation = await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EscalationId, cancellationToken);
            if (escalation is null)
            {
                return null;
            }

            var feedback = await db.ReferrerFeedback.AsNoTracking().SingleAsync(f => f.Id == escalation.FeedbackId, cancellationToken);
            var decision = await db.CaseDecisions.AsNoTracking().SingleAsync(d => d.Id == feedback.DecisionId, cancellationToken);
            var mashCase = await db.MashCases.AsNoTracking().Where(c => c.Id == escalation.CaseId)
                .Select(c => new
                {
                    c.Reference, c.ReferrerLevel,
                    Organisation = db.Organisations.Where(o => o.Id == c.ReferringOrganisationId).Select(o => o.Name).FirstOrDefault(),
                })
                .SingleAsync(cancellationToken);
            var names = await db.Users.AsNoTracking().Where(u => u.Id == escalation.RaisedByUserId || u.Id == escalation.AnsweredByUserId)
                .Select(u => new { u.Id, Name = u.FullName })
                    .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
            return new Result(escalation, escalation.CaseId, mashCase.Reference,
                names.GetValueOrDefault(escalation.RaisedByUserId) ?? "The referrer",
                mashCase.Organisation ?? "Not recorded", decision.Outcome, decision.Level, mashCase.ReferrerLevel, decision.Rationale,
                    decision.ReviewedAt ?? decision.ProposedAt,
                feedback, escalation.AnsweredByUserId is { } by ? names.GetValueOrDefault(by) : null, clock.GetUtcNow());
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, IEmailOutbox outbox, ICurrentUser user, TimeProvider clock)
        : IRequestHandler<AnswerEscalation, CommandResult>
    {
        public async Task<CommandResult> Handle(AnswerEscalation request, CancellationToken cancellationToken)
        {
            var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == request.EscalationId, cancellationToken);
            if (escalation is null)
            {
                return CommandResult.NotFound;
            }

            if (escalation.Version != request.Version)
            {
                return new CommandResult.Refused(ChangedMessage);
            }

            var mashCase = await db.MashCases.SingleAsync(c => c.Id == escalation.CaseId, cancellationToken);
            try
            {
                escalation.Answer(request.Result!.Value, request.Response!, user.Id, clock.GetUtcNow());
                if (escalation.Result == EscalationResult.Changed)
                {
                    mashCase.ReopenForRevision(escalation);
                }
            }
            catch (CaseRuleException refused)
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(refused.Message);
            }

            audit.Record(CaseEvents.EscalationAnswered, CaseEvents.SubjectType, escalation.CaseId.ToString(),
                FeedbackDisplay.Result(escalation.Result!.Value));
            if (escalation.Result == EscalationResult.Changed)
            {
                audit.Record(CaseEvents.ReopenedForRevision, CaseEvents.SubjectType, escalation.CaseId.ToString(),
                    "After the referrer's escalation");
            }

            await ApiEventWriter.EscalationAnsweredAsync(db, mashCase, escalation, clock.GetUtcNow(), cancellationToken);

            // The answer goes to whoever raised the escalation (the referrer, or a colleague sharing their referrals).
            var reference = mashCase.Reference;
            var email = await db.Users.Where(u => u.Id == escalation.RaisedByUserId && u.IsActive).Select(u => u.Email)
                .FirstOrDefaultAsync(cancellationToken);
            if (email is not null)
            {
                outbox.Enqueue(email, EmailTemplate.EscalationAnswered, ReferralRoutes.Sent(reference));
            }

            try
            {
                await LostRace.SaveAsync(db, cancellationToken);
            }
            catch (DbUpdateException lost) when (LostRace.Is(lost))
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(ChangedMessage);
            }

            return CommandResult.Saved;
        }

        private const string ChangedMessage =
            "This escalation changed since you opened it: another manager may have answered it. Check it again.";
    }
}
