using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Security;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// Everyone who viewed, downloaded from or changed the case, from the append-only audit trail. MASH
/// managers only; looking at the log is itself logged.
/// </summary>
[Authorize(Policy = Policies.MashManager)]
public sealed class AccessLogModel(IMediator mediator) : PageModel
{
    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record Result(Guid CaseId, string Reference, IReadOnlyList<CaseTimeline.Entry> Entries);

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new { c.Id, c.Reference, c.ReferralId })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            await audit.RecordNowAsync(CaseEvents.AccessLogViewed, CaseEvents.SubjectType, found.Id.ToString(),
                cancellationToken: cancellationToken);
            return new Result(found.Id, found.Reference,
                await CaseTimeline.AccessLogAsync(db, found.Id, found.ReferralId, cancellationToken));
        }
    }
}
