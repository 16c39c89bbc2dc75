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

/// <summary>
/// The family's answer to early help: their consent, or their refusal with the reason they gave. A family that agreed
/// can decline later; recording either is the first contact with the family, if none was recorded before.
/// </summary>
public sealed class ConsentModel(IMediator mediator, TimeProvider clock)
    : EarlyHelpFormModel<ConsentModel.Answer, EarlyHelpCaseView>(mediator, clock)
{
    protected override IRequest<EarlyHelpCaseView?> ViewQuery(Guid caseId) => new EarlyHelpCaseView.Query(caseId);

    public sealed class Answer : ICommand<CommandResult>, IEarlyHelpChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public bool? Agreed { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Answer>
    {
        public Validator()
        {
            RuleFor(a => a.Agreed).NotNull().WithMessage("Select whether the family agreed to early help");
            RuleFor(a => a.Reason).RequiredAnswer("Enter the reason the family gave", "The reason", EarlyHelpCase.ReasonMaxLength)
                .When(a => a.Agreed == false);
            RuleFor(a => a.Reason).Answer("The reason", EarlyHelpCase.ReasonMaxLength);
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock, IEmailOutbox outbox)
        : IRequestHandler<Answer, CommandResult>
    {
        public Task<CommandResult> Handle(Answer request, CancellationToken cancellationToken) =>
            EarlyHelpChanges.ChangeAsync(db, request, async work =>
            {
                if (request.Agreed == true)
                {
                    work.RecordConsent(clock.GetUtcNow());
                    audit.Record(EarlyHelpEvents.ConsentRecorded, EarlyHelpEvents.SubjectType, work.Id.ToString());
                }
                else
                {
                    work.RecordRefusal(ReferralValidation.Clean(request.Reason) ?? string.Empty, clock.GetUtcNow());
                    audit.Record(EarlyHelpEvents.Declined, EarlyHelpEvents.SubjectType, work.Id.ToString());
                }

                // Both a request's referrer and a step-down's are told the family's answer (never their reason).
                await EarlyHelpForReferrer.TellReferrerAsync(db, outbox, work, EmailTemplate.EarlyHelpFamilyAnswered, cancellationToken);
                return null;
            }, cancellationToken);
    }
}
