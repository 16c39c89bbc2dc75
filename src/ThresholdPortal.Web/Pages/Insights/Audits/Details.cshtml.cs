using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Insights.Audits;

/// <summary>An audit: how it was drawn (seed included), its sample by stratum with each case's judgement status, and completing
/// it.</summary>
public sealed class DetailsModel(IMediator mediator) : CommandPageModel
{
    public View Audit { get; private set; } = null!;

    [BindProperty]
    public CompleteAudit Data { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCompleteAsync(Guid id)
    {
        Data.AuditId = id;
        return await OutcomeAsync(await mediator.Send(Data), () => Redirect(AuditRoutes.Audit(id)), () => LoadAsync(id));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        Audit = view;
        Data.Version = view.Version;
        return true;
    }

    public sealed record Query(Guid AuditId) : IQuery<View?>;

    public sealed record SampledCase(Guid CaseId, string Reference, AuditStratum Stratum, int Position, DateTimeOffset? JudgedAt);

    public sealed record View(
        Guid Id, string Title, DateOnly From, DateOnly To, IReadOnlyList<AuditStratum> Strata, int CasesPerStratum, long Seed,
        CaseAuditStatus Status, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, uint Version,
            IReadOnlyList<SampledCase> Cases)
    {
        public int Judged => Cases.Count(c => c.JudgedAt is not null);
        public bool IsCompleted => Status == CaseAuditStatus.Completed;
    }

    /// <summary>Locks the audit once every case is judged. Returns why it was refused, or null.</summary>
    public sealed class CompleteAudit : ICommand<CommandResult>
    {
        public Guid AuditId { get; set; }
        public uint Version { get; set; }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, View?>
    {
        public async Task<View?> Handle(Query request, CancellationToken cancellationToken)
        {
            var audit = await db.CaseAudits.AsNoTracking().Where(a => a.Id == request.AuditId)
                .Select(a => new
                {
                    Audit = a,
                    CreatedBy = db.Users.Where(u => u.Id == a.CreatedByUserId).Select(u => u.FullName).First(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (audit is null)
            {
                return null;
            }

            var cases = await db.AuditedCases.AsNoTracking().Where(c => c.AuditId == request.AuditId)
                .Join(db.MashCases, a => a.CaseId, c => c.Id,
                    (a, c) => new SampledCase(a.CaseId, c.Reference, a.Stratum, a.Position, a.JudgedAt))
                .ToListAsync(cancellationToken);
            var a = audit.Audit;
            return new View(a.Id, a.Title, a.PeriodFrom, a.PeriodTo, a.Strata, a.CasesPerStratum, a.Seed, a.Status, audit.CreatedBy,
                a.CreatedAt,
                a.CompletedAt, a.Version, [.. cases.OrderBy(c => c.Stratum).ThenBy(c => c.Position)]);
        }
    }

    public sealed class CompleteHandler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<CompleteAudit, CommandResult>
    {
        public const string Stale = "This audit changed since you opened it. Check the judgements, then complete it again.";

        public async Task<CommandResult> Handle(CompleteAudit request, CancellationToken cancellationToken)
        {
            var caseAudit = await AuditLocks.LockAsync(db, request.AuditId, cancellationToken);
            if (caseAudit is null)
            {
                return new CommandResult.Refused("The audit was not found.");
            }

            if (caseAudit.Version != request.Version)
            {
                return new CommandResult.Refused(Stale);
            }

            await db.AuditedCases.Where(c => c.AuditId == caseAudit.Id).LoadAsync(cancellationToken);
            try
            {
                caseAudit.Complete(user.Id, clock.GetUtcNow());
            }
            catch (CaseRuleException refused)
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(refused.Message);
            }

            audit.Record(CaseAuditEvents.Completed, CaseAuditEvents.SubjectType, caseAudit.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
