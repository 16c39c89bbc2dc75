using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.EarlyHelp.Cases;

/// <summary>
/// Allocates the family to a lead professional or team from the directory. When a brother or sister is open to the
/// MASH or social care the page says so and the allocation needs the reason, which is kept and on the timeline.
/// </summary>
public sealed class AllocateModel(IMediator mediator, TimeProvider clock)
    : EarlyHelpFormModel<AllocateModel.Allocate, AllocateModel.Result>(mediator, clock)
{
    protected override IRequest<Result?> ViewQuery(Guid caseId) => new Query(caseId);

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record Lead(Guid Id, string Name, LeadProfessionalKind Kind, string Contact);

    public sealed record Result(EarlyHelpCaseView Case, IReadOnlyList<Lead> Leads, IReadOnlyList<string> SiblingsOpenElsewhere)
        : IEarlyHelpFormView
    {
        public uint Version => Case.Version;
    }

    public sealed class Allocate : ICommand<CommandResult>, IEarlyHelpChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public Guid? LeadProfessionalId { get; set; }
        public string? SiblingReason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Allocate>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(a => a.LeadProfessionalId).NotNull().WithMessage("Select the lead professional or team")
                .MustAsync((id, ct) => db.LeadProfessionals.AnyAsync(p => p.Id == id && p.IsActive, ct))
                .WithMessage("Select a lead professional from the directory");
            RuleFor(a => a.SiblingReason).Answer("The reason", EarlyHelpCase.ReasonMaxLength);
            RuleFor(a => a.SiblingReason)
                .MustAsync(async (a, reason, ct) => !string.IsNullOrWhiteSpace(reason)
                    || (await EarlyHelpSiblings.OpenElsewhereAsync(db, a.CaseId, ct)).Count == 0)
                .WithMessage("Say why this family should have early help while a brother or sister is open to the MASH or social care");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var work = await EarlyHelpCaseView.LoadAsync(db, request.CaseId, clock.GetUtcNow(), cancellationToken);
            if (work is null)
            {
                return null;
            }

            var leads = await db.LeadProfessionals.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name)
                .Select(p => new Lead(p.Id, p.Name, p.Kind, p.Contact)).ToListAsync(cancellationToken);
            return new Result(work, leads, await EarlyHelpSiblings.OpenElsewhereAsync(db, request.CaseId, cancellationToken));
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock, IEmailOutbox outbox)
        : IRequestHandler<Allocate, CommandResult>
    {
        public Task<CommandResult> Handle(Allocate request, CancellationToken cancellationToken) =>
            EarlyHelpChanges.ChangeAsync(db, request, async work =>
            {
                var now = clock.GetUtcNow();
                var siblings = await EarlyHelpSiblings.OpenElsewhereAsync(db, work.Id, cancellationToken);
                var reason = siblings.Count == 0 ? null : request.SiblingReason;
                work.Allocate(request.LeadProfessionalId!.Value, now, reason);
                var lead = await db.LeadProfessionals.Where(p => p.Id == request.LeadProfessionalId).Select(p => p.Name)
                    .SingleAsync(cancellationToken);
                audit.Record(EarlyHelpEvents.Allocated, EarlyHelpEvents.SubjectType, work.Id.ToString(), $"To {lead}");
                if (!work.IsStepDown)
                {
                    // A step-down's referrer already has the MASH's feedback; they hear of the family's answer (ConsentModel).
                    await EarlyHelpForReferrer.TellReferrerAsync(db, outbox, work, EmailTemplate.EarlyHelpAllocated, cancellationToken);
                }
                if (reason is not null)
                {
                    audit.Record(EarlyHelpEvents.SiblingsOpenElsewhere, EarlyHelpEvents.SubjectType, work.Id.ToString(),
                        $"{Plural.Of(siblings.Count, "sibling", "siblings")} open elsewhere; reason recorded");
                }

                // The matched children are now open to early help: the MASH's family warning reads this.
                var today = UkTime.DateOf(now);
                foreach (var child in await EarlyHelpSiblings.Matched(db, work.Id).Where(p => p.Involvement == OpenInvolvement.None)
                    .ToListAsync(cancellationToken))
                {
                    (child.Involvement, child.InvolvementSince, child.InvolvementTeam) = (OpenInvolvement.EarlyHelp, today, lead);
                }

                return null;
            }, cancellationToken);
    }
}
