using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Security;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// A MASH manager signs off a proposed decision: approve (which closes the case, steps it down to the
/// early help hub or hands it over, and drafts the referrer's feedback) or return it with comments.
/// Nobody signs off their own proposal.
/// </summary>
[Authorize(Policy = Policies.MashManager)]
public sealed class SignOffModel(IMediator mediator, TimeProvider clock)
    : CaseFormModel<SignOffModel.Review, SignOffModel.Result>(mediator, clock)
{
    protected override IRequest<Result?> ViewQuery(Guid caseId) => new Query(caseId);

    protected override void Fill(Result view, FormLoad load)
    {
        if (load != FormLoad.Invalid)
        {
            Data.DecisionId = view.Pending?.Decision.Id ?? Guid.Empty;
        }
    }

    public enum SignOffChoice
    {
        Approve,
        Return,
    }

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record Result(
        Guid CaseId,
        string Reference,
        MashCaseStatus Status,
        BragRating? Rating,
        DateTimeOffset ReceivedAt,
        DateTimeOffset? DueAt,
        string? HolderName,
        DecisionSummary.DecisionView? Pending,
        bool IsMine,
        DateTimeOffset Now,
        uint Version) : ICaseFormView;

    public sealed class Review : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public Guid DecisionId { get; set; }
        public SignOffChoice? Choice { get; set; }
        public string? Comments { get; set; }
    }

    public sealed class Validator : AbstractValidator<Review>
    {
        public Validator()
        {
            RuleFor(r => r.Choice).NotNull().WithMessage("Select whether you approve the decision or return it").IsInEnum()
                .WithMessage("Select whether you approve the decision or return it");
            RuleFor(r => r.Comments).NotEmpty().When(r => r.Choice == SignOffChoice.Return).WithMessage("Say what needs to change");
            RuleFor(r => r.Comments).MaximumLength(CaseDecision.CommentsMaxLength)
                .WithMessage($"Comments must be {CaseDecision.CommentsMaxLength:N0} characters or fewer");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new
                {
                    c.Id, c.Reference, c.Status, c.Rating, c.ReceivedAt, c.DecisionDueAt, c.Version,
                    Holder = db.Users.Where(u => u.Id == c.AssignedToUserId).Select(u => u.FullName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            var pending = await db.CaseDecisions.AsNoTracking()
                .Where(d => d.CaseId == found.Id && d.State == DecisionState.AwaitingSignOff)
                .OrderByDescending(d => d.Revision).FirstOrDefaultAsync(cancellationToken);
            var view = pending is null ? null : (await DecisionSummary.ViewsAsync(db, [pending], cancellationToken))[0];
            return new Result(found.Id, found.Reference, found.Status, found.Rating, found.ReceivedAt, found.DecisionDueAt, found.Holder,
                view, pending?.ProposedByUserId == user.Id, clock.GetUtcNow(), found.Version);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock,
        MashSettings settings, IEmailOutbox outbox, EarlyHelpIntake earlyHelp)
        : IRequestHandler<Review, CommandResult>
    {
        public Task<CommandResult> Handle(Review request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase => ReviewAsync(request, mashCase, cancellationToken), cancellationToken);

        private async Task<CommandResult?> ReviewAsync(Review request, MashCase mashCase, CancellationToken cancellationToken)
        {
            var decision = await db.CaseDecisions.SingleOrDefaultAsync(d => d.Id == request.DecisionId && d.CaseId == mashCase.Id,
                cancellationToken);
            if (decision is null)
            {
                return new CommandResult.Refused("There is no decision waiting for sign-off on this case.");
            }

            var now = clock.GetUtcNow();
            var subject = mashCase.Id.ToString();
            if (request.Choice == SignOffChoice.Return)
            {
                if (CaseChanges.Apply(db, () =>
                    {
                        decision.Return(user.Id, request.Comments!, now);
                        mashCase.ReturnDecision(decision);
                    }) is { } refusedReturn)
                {
                    return refusedReturn;
                }

                // The comments stay on the decision; the audit detail never carries free text about the family.
                audit.Record(CaseEvents.DecisionReturned, CaseEvents.SubjectType, subject, $"Revision {decision.Revision}");
                return null;
            }

            var previousDecisionId = mashCase.DecisionId;
            if (CaseChanges.Apply(db, () =>
                {
                    decision.Approve(user.Id, request.Comments, now);
                    mashCase.CloseWithApprovedDecision(decision, now);
                }) is { } refused)
            {
                return refused;
            }

            audit.Record(CaseEvents.DecisionApproved, CaseEvents.SubjectType, subject,
                $"{decision.Outcome.DisplayName()}; revision {decision.Revision}; " + mashCase.DecidedWithinDeadline switch
                {
                    true => "within the deadline",
                    false => "after the deadline",
                    null => "no deadline (Blue)",
                });
            await DecisionApproval.FollowAsync(db, audit, outbox, earlyHelp, mashCase, decision, previousDecisionId, settings.Contacts,
                user.Id, now, cancellationToken);
            return null;
        }
    }
}
