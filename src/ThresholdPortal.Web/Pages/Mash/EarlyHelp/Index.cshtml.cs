using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.EarlyHelp;

/// <summary>
/// The early help hub's list: referrers' requests for early help, which go to the hub rather than the MASH
/// queue, and MASH cases stepped down to early help by an approved decision (docs/decisions/0060). Both
/// kinds together, newest first, keyset paged by time: each source is read after the cursor and the two
/// pages merged.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? Before { get; set; }

    public Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new Query(Before));

    public sealed record Query(DateTimeOffset? ReceivedBefore) : IQuery<Result>;

    public sealed record Row(Guid Id, string Reference, DateTimeOffset ReceivedAt, IReadOnlyList<string> Children, string From,
        string SourceCode, ThresholdLevel? Level, bool IsStepDown, string Link);

    public sealed record Result(IReadOnlyList<Row> Rows, DateTimeOffset? OlderFrom);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var requests = await db.Referrals.AsNoTracking()
                .Where(r => r.Status == ReferralStatus.Submitted && r.Kind == ReferralKind.EarlyHelpRequest)
                .Where(r => request.ReceivedBefore == null || r.SubmittedAt < request.ReceivedBefore)
                .OrderByDescending(r => r.SubmittedAt)
                .Take(PageSize + 1)
                .Select(r => new
                {
                    r.Id, r.Reference, r.SubmittedAt, r.ReferralSourceCode, r.ChosenLevel,
                    From = db.Organisations.Where(o => o.Id == r.ReferringOrganisationId).Select(o => o.Name).FirstOrDefault(),
                    Children = r.Children.OrderBy(c => c.Order)
                        .Select(c => new { c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn, c.ExpectedDate }).ToList(),
                })
                .ToListAsync(cancellationToken);
            // Every step-down has its case: a join, which reads one case per row (ADR 0137).
            var stepDowns = await (
                from s in db.EarlyHelpStepDowns.AsNoTracking()
                    .Where(s => s.WithdrawnAt == null)
                    .Where(s => request.ReceivedBefore == null || s.SteppedDownAt < request.ReceivedBefore)
                    .OrderByDescending(s => s.SteppedDownAt)
                    .Take(PageSize + 1)
                join c in db.MashCases on s.CaseId equals c.Id
                orderby s.SteppedDownAt descending
                select new
                {
                    s.CaseId, s.Reference, s.SteppedDownAt,
                    Case = new { c.SourceCode, c.DecidedLevel, c.ReferringOrganisationId },
                    Children = db.ReferralChildren.Where(child => child.ReferralId == s.ReferralId).OrderBy(child => child.Order)
                        .Select(child => new { child.GivenName, child.FamilyName, child.DateOfBirth, child.IsUnborn, child.ExpectedDate })
                        .ToList(),
                })
                .ToListAsync(cancellationToken);
            var organisationIds = stepDowns.Where(s => s.Case.ReferringOrganisationId != null)
                .Select(s => s.Case.ReferringOrganisationId!.Value).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var today = MashDisplay.Today(clock.GetUtcNow());
            var merged = requests.Select(r => new Row(r.Id, r.Reference!, r.SubmittedAt!.Value,
                    [.. r.Children.Select(c => QueueChild.Describe(c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn,
                        today, c.ExpectedDate))],
                    r.From ?? "Unknown", r.ReferralSourceCode, r.ChosenLevel, IsStepDown: false, MashRoutes.EarlyHelpRequest(r.Id)))
                .Concat(stepDowns.Select(s => new Row(s.CaseId, s.Reference, s.SteppedDownAt,
                    [.. s.Children.Select(c => QueueChild.Describe(c.GivenName, c.FamilyName, c.DateOfBirth, c.IsUnborn,
                        today, c.ExpectedDate))],
                    s.Case.ReferringOrganisationId is { } from ? organisations.GetValueOrDefault(from, "Unknown") : "A contact to the MASH",
                    s.Case.SourceCode, s.Case.DecidedLevel, IsStepDown: true, MashRoutes.Case(s.CaseId))))
                .OrderByDescending(r => r.ReceivedAt)
                .Take(PageSize + 1)
                .ToList();
            var page = merged.Take(PageSize).ToList();
            return new Result(page, merged.Count > PageSize ? page[^1].ReceivedAt : null);
        }
    }
}
