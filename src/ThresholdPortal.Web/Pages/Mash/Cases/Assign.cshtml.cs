using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>Gives the case to a MASH practitioner or manager: allocation by a manager, or a hand-over.</summary>
public sealed class AssignModel(IMediator mediator, TimeProvider clock)
    : CaseFormModel<AssignModel.Assign, AssignModel.Result>(mediator, clock)
{
    protected override IRequest<Result?> ViewQuery(Guid caseId) => new Query(caseId);

    protected override void Fill(Result view, FormLoad load)
    {
        if (load != FormLoad.Invalid)
        {
            Data.UserId ??= view.AssignedTo;
        }
    }

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record Colleague(Guid Id, string Name, string? JobTitle, int OpenCases);

    public sealed record Result(Guid CaseId, string Reference, Guid? AssignedTo, bool IsOpen, uint Version,
        IReadOnlyList<Colleague> Colleagues) : ICaseFormView;

    public sealed class Assign : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public Guid? UserId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Assign>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(a => a.UserId).NotNull().WithMessage("Select who the case is for")
                .MustAsync(async (id, cancellationToken) => await MashStaff.Of(db).AnyAsync(u => u.Id == id, cancellationToken))
                .WithMessage("Select someone who works in the MASH");
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new { c.Id, c.Reference, c.AssignedToUserId, c.Status, c.Version })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            // How many open cases each holds, to share the work fairly (the open-cases index answers it).
            var colleagues = await MashStaff.Of(db).AsNoTracking()
                .OrderBy(u => u.GivenName).ThenBy(u => u.FamilyName)
                .Select(u => new Colleague(u.Id, u.FullName, u.JobTitle,
                    db.MashCases.Count(c => c.AssignedToUserId == u.Id && c.Status != Domain.Triage.MashCaseStatus.Decided)))
                .ToListAsync(cancellationToken);
            return new Result(found.Id, found.Reference, found.AssignedToUserId, found.Status != Domain.Triage.MashCaseStatus.Decided,
                found.Version, colleagues);
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Assign, CommandResult>
    {
        public Task<CommandResult> Handle(Assign request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, async mashCase =>
            {
                mashCase.AssignTo(request.UserId!.Value, clock.GetUtcNow());
                var name = await db.Users.Where(u => u.Id == request.UserId).Select(u => u.FullName)
                    .SingleAsync(cancellationToken);
                audit.Record(CaseEvents.Assigned, CaseEvents.SubjectType, mashCase.Id.ToString(), $"To {name}");
                return null;
            }, cancellationToken);
    }
}

/// <summary>Who a case can be given to.</summary>
public static class MashStaff
{
    /// <summary>Active users who hold a MASH role.</summary>
    public static IQueryable<Infrastructure.Identity.PortalUser> Of(PortalDbContext db) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == PortalRole.MashPractitioner || r.Name == PortalRole.MashManager))));
}
