using FluentValidation;
using MediatR;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.EarlyHelp.Cases;

/// <summary>The Early Help Assessment's start date, and its completion date once it is done.</summary>
public sealed class AssessmentModel(IMediator mediator, TimeProvider clock)
    : EarlyHelpFormModel<AssessmentModel.Dates, EarlyHelpCaseView>(mediator, clock)
{
    protected override IRequest<EarlyHelpCaseView?> ViewQuery(Guid caseId) => new EarlyHelpCaseView.Query(caseId);

    protected override void Fill(EarlyHelpCaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        (Data.Started, Data.Completed) = (DateParts.From(view.AssessmentStartedOn), DateParts.From(view.AssessmentCompletedOn));
    }

    public sealed class Dates : ICommand<CommandResult>, IEarlyHelpChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public DateParts Started { get; set; } = new();
        public DateParts Completed { get; set; } = new();
    }

    public sealed class Validator : AbstractValidator<Dates>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(d => d.Started).Must(d => !d.IsEmpty).WithMessage("Enter the date the assessment started")
                .Must(d => d.IsEmpty || d.ToDate() is not null).WithMessage("The start date must be a real date")
                .Must(d => d.ToDate() is not { } day || day <= UkTime.Today(clock))
                    .WithMessage("The start date must be today or in the past");
            RuleFor(d => d.Completed).Must(d => d.IsEmpty || d.ToDate() is not null).WithMessage("The completion date must be a real date")
                .Must(d => d.ToDate() is not { } day || day <= UkTime.Today(clock))
                    .WithMessage("The completion date must be today or in the past")
                .Must((d, completed) => completed.ToDate() is not { } done || d.Started.ToDate() is not { } started || done >= started)
                    .WithMessage("The completion date must be on or after the start date");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Dates, CommandResult>
    {
        public Task<CommandResult> Handle(Dates request, CancellationToken cancellationToken) =>
            EarlyHelpChanges.ChangeAsync(db, request, work =>
            {
                var started = request.Started.ToDate()!.Value;
                var completed = request.Completed.ToDate();
                work.RecordAssessment(started, completed, UkTime.Today(clock));
                audit.Record(EarlyHelpEvents.AssessmentRecorded, EarlyHelpEvents.SubjectType, work.Id.ToString(),
                    $"Started {UkTime.Date(started)}" + (completed is { } done ? $"; completed {UkTime.Date(done)}" : ""));
                return Task.FromResult<CommandResult?>(null);
            }, cancellationToken);
    }
}
