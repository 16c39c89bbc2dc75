using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// The contact outcome at screening: progress to MASH checks (information from partner agencies), or
/// close at the contact stage with the reason and the advice given.
/// </summary>
public sealed class OutcomeModel(IMediator mediator, TimeProvider clock)
    : CaseFormModel<OutcomeModel.RecordOutcome, OutcomeModel.Result>(mediator, clock)
{
    protected override IRequest<Result?> ViewQuery(Guid caseId) => new Query(caseId);

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record Result(Guid CaseId, string Reference, MashCaseStatus Status, BragRating? Rating, bool IsAssigned, uint Version)
        : ICaseFormView
    {
        public bool CanRecord => Status is MashCaseStatus.New or MashCaseStatus.Screening && IsAssigned;
    }

    public sealed class RecordOutcome : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public ContactOutcome? Outcome { get; set; }
        public ContactClosureReason? ClosureReason { get; set; }
        public string? ClosureNotes { get; set; }
        public string? AdviceGiven { get; set; }
    }

    public sealed class Validator : AbstractValidator<RecordOutcome>
    {
        public Validator()
        {
            RuleFor(o => o.Outcome).NotNull().WithMessage("Select the outcome of the contact").IsInEnum()
                .WithMessage("Select the outcome of the contact");
            When(o => o.Outcome == ContactOutcome.ClosedAtContact, () =>
            {
                RuleFor(o => o.ClosureReason).NotNull().WithMessage("Select why the contact is closed").IsInEnum()
                    .WithMessage("Select why the contact is closed");
                RuleFor(o => o.ClosureNotes).NotEmpty().When(o => o.ClosureReason == ContactClosureReason.Other)
                    .WithMessage("Say why the contact is closed");
                RuleFor(o => o.ClosureNotes).MaximumLength(MashCase.ClosureNotesMaxLength)
                    .WithMessage($"The explanation must be {MashCase.ClosureNotesMaxLength:N0} characters or fewer");
                RuleFor(o => o.AdviceGiven).NotEmpty().WithMessage("Record the advice given, and to whom")
                    .MaximumLength(MashCase.AdviceMaxLength)
                        .WithMessage($"The advice must be {MashCase.AdviceMaxLength:N0} characters or fewer");
            });
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new Result(c.Id, c.Reference, c.Status, c.Rating, c.AssignedToUserId != null, c.Version))
                .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<RecordOutcome, CommandResult>
    {
        public Task<CommandResult> Handle(RecordOutcome request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase =>
            {
                var progress = request.Outcome == ContactOutcome.ProgressToMashChecks;
                if (progress)
                {
                    mashCase.ProgressToMashChecks();
                }
                else
                {
                    mashCase.CloseAtContact(request.ClosureReason!.Value, request.ClosureNotes, request.AdviceGiven!, clock.GetUtcNow());
                }

                audit.Record(progress ? CaseEvents.ProgressedToChecks : CaseEvents.ClosedAtContact, CaseEvents.SubjectType,
                    mashCase.Id.ToString(),
                    progress ? null : mashCase.ClosureReason!.Value.DisplayName());
            }, cancellationToken);
    }
}
