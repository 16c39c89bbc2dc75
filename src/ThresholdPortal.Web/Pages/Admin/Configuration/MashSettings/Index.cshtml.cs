using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.MashSettings;

/// <summary>The settings in force (the newest version), the next bank holidays, and every version before it.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public Result Settings { get; private set; } = null!;

    public IEnumerable<BankHoliday> NextHolidays
    {
        get
        {
            var today = UkTime.Today(clock);
            return Settings.Current.BankHolidays.Where(h => h.Date >= today).OrderBy(h => h.Date).Take(5);
        }
    }

    public async Task OnGetAsync() => Settings = await mediator.Send(new Query());

    public sealed record Query : IQuery<Result>;

    public sealed record Result(MashSettingsVersion Current, IReadOnlyList<MashSettingsVersion> History);

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var versions = await db.MashSettingsVersions.AsNoTracking().OrderByDescending(v => v.Version).Take(100)
                .ToListAsync(cancellationToken);
            return new Result(versions[0], versions);
        }
    }
}
