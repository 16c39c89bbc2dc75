using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights;

/// <summary>
/// "Unusual access" for MASH managers (issue 19): who opened case records out of hours, in bulk, without a MASH role, or
/// as an agency after answering, and every export, from the audit trail, each linked to the case's access log. Names
/// of staff and case references only: no child's details.
/// </summary>
public sealed class UnusualAccessModel(IMediator mediator) : PageModel
{
    public static readonly int[] Periods = [7, 30];

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    public UnusualAccessResult View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Periods.Contains(Days))
        {
            Days = Periods[0];
        }

        View = await mediator.Send(new Query(Days));
        return Page();
    }

    public sealed record Query(int Days) : IQuery<UnusualAccessResult>;

    public sealed class Handler(PortalDbContext db, WorkingCalendar calendar, IOptions<TriageOptions> triage, TimeProvider clock)
        : IRequestHandler<Query, UnusualAccessResult>
    {
        public Task<UnusualAccessResult> Handle(Query request, CancellationToken cancellationToken) =>
            UnusualAccessReport.FindAsync(db, calendar, triage.Value.UnusualViewsPerHour, clock.GetUtcNow().AddDays(-request.Days),
                cancellationToken);
    }
}
