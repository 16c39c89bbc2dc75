using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.EarlyHelp;

/// <summary>
/// The early help hub's queue: referrers' early help requests and the MASH's step-downs together, most urgent
/// first (first contact due soonest), filtered by status, kind and lead professional, and paged by key on
/// (first contact due, id) over the queue's indexes (docs/decisions/0109).
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public EarlyHelpCaseStatus? Status { get; set; }

    /// <summary>"requests" or "step-downs"; anything else is both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Lead { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTimeOffset? AfterDue { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AfterId { get; set; }

    public Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new Query(Status, Kind, Lead, AfterDue, AfterId));

    /// <summary>This page's filters with another cursor, for the Next link.</summary>
    public string Address(DateTimeOffset? afterDue, Guid? afterId)
    {
        var query = new List<string>();
        if (Status is { } status)
        {
            query.Add($"status={status}");
        }

        if (Kind is "requests" or "step-downs")
        {
            query.Add($"kind={Kind}");
        }

        if (Lead is { } lead)
        {
            query.Add($"lead={lead}");
        }

        if (afterDue is { } due && afterId is { } id)
        {
            query.Add($"afterDue={Uri.EscapeDataString(due.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
            query.Add($"afterId={id}");
        }

        return Features.EarlyHelp.EarlyHelpRoutes.Queue + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public sealed record Query(EarlyHelpCaseStatus? Status, string? Kind, Guid? Lead, DateTimeOffset? AfterDue, Guid? AfterId)
        : IQuery<Result>;

    public sealed record Row(Guid Id, string Reference, EarlyHelpCaseStatus Status, bool IsStepDown, DateTimeOffset ReceivedAt,
        DateTimeOffset FirstContactDueAt, DateTimeOffset? FirstContactAt, string? Lead, IReadOnlyList<string> Children);

    public sealed record Option(Guid Id, string Name);

    public sealed record Result(IReadOnlyList<Row> Rows, Row? Next, IReadOnlyList<Option> Leads, DateTimeOffset Now);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var cases = db.EarlyHelpCases.AsNoTracking()
                .Where(c => c.StepDownId == null || db.EarlyHelpStepDowns.Any(s => s.Id == c.StepDownId && s.WithdrawnAt == null));
            cases = request.Status is { } status
                ? cases.Where(c => c.Status == status)
                : cases.Where(c => c.Status != EarlyHelpCaseStatus.Closed && c.Status != EarlyHelpCaseStatus.SteppedUp);
            cases = request.Kind switch
            {
                "requests" => cases.Where(c => c.SteppedDownFromCaseId == null),
                "step-downs" => cases.Where(c => c.SteppedDownFromCaseId != null),
                _ => cases,
            };
            if (request.Lead is { } lead)
            {
                cases = cases.Where(c => c.LeadProfessionalId == lead);
            }

            if (request.AfterDue is { } due && request.AfterId is { } after)
            {
                cases = cases.Where(c =>
                    EF.Functions.GreaterThan(ValueTuple.Create(c.FirstContactDueAt, c.Id), ValueTuple.Create(due, after)));
            }

            var found = await cases.OrderBy(c => c.FirstContactDueAt).ThenBy(c => c.Id).Take(PageSize + 1)
                .Select(c => new
                {
                    c.Id, c.Reference, c.Status, c.SteppedDownFromCaseId, c.ReceivedAt, c.FirstContactDueAt, c.FirstContactAt,
                    Lead = db.LeadProfessionals.Where(p => p.Id == c.LeadProfessionalId).Select(p => p.Name).FirstOrDefault(),
                    Children = db.ReferralChildren.Where(r => r.ReferralId == c.ReferralId).OrderBy(r => r.Order)
                        .Select(r => new { r.GivenName, r.FamilyName, r.DateOfBirth, r.IsUnborn, r.ExpectedDate }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var today = UkTime.DateOf(now);
            var rows = found.Select(c => new Row(c.Id, c.Reference, c.Status, c.SteppedDownFromCaseId is not null, c.ReceivedAt,
                c.FirstContactDueAt, c.FirstContactAt, c.Lead,
                [.. c.Children.Select(k => QueueChild.Describe(k.GivenName, k.FamilyName, k.DateOfBirth, k.IsUnborn,
                    today, k.ExpectedDate))])).ToList();
            var leads = await db.LeadProfessionals.AsNoTracking().OrderBy(p => p.Name).Select(p => new Option(p.Id, p.Name))
                .ToListAsync(cancellationToken);
            return new Result([.. rows.Take(PageSize)], rows.Count > PageSize ? rows[PageSize - 1] : null, leads, now);
        }
    }
}
