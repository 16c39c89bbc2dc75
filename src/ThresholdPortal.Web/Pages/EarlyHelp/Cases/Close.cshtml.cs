using FluentValidation;
using MediatR;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.EarlyHelp.Cases;

/// <summary>Ends the hub's work with a family, with the outcome and a note.</summary>
public sealed class CloseModel(IMediator mediator, TimeProvider clock)
    : EarlyHelpFormModel<CloseModel.Close, EarlyHelpCaseView>(mediator, clock)
{
    protected override IRequest<EarlyHelpCaseView?> ViewQuery(Guid caseId) => new EarlyHelpCaseView.Query(caseId);

    public sealed class Close : ICommand<CommandResult>, IEarlyHelpChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public EarlyHelpOutcome? Outcome { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Close>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotNull().WithMessage("Select the outcome").IsInEnum().WithMessage("Select the outcome");
            RuleFor(c => c.Note).Answer("The note", EarlyHelpCase.ReasonMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock, IEmailOutbox outbox)
        : IRequestHandler<Close, CommandResult>
    {
        public Task<CommandResult> Handle(Close request, CancellationToken cancellationToken) =>
            EarlyHelpChanges.ChangeAsync(db, request, async work =>
            {
                work.Close(request.Outcome!.Value, ReferralValidation.Clean(request.Note), clock.GetUtcNow());
                audit.Record(EarlyHelpEvents.Closed, EarlyHelpEvents.SubjectType, work.Id.ToString(), request.Outcome.Value.DisplayName());
                if (!work.IsStepDown)
                {
                    await EarlyHelpForReferrer.TellReferrerAsync(db, outbox, work, EmailTemplate.EarlyHelpEnded, cancellationToken);
                }

                return null;
            }, cancellationToken);
    }
}
