using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.InformationRequests;

/// <summary>
/// The information requests panel of the case record: is the agency checklist complete, and where each
/// request stands (overdue ones highlighted), with a link to the full page. The case page includes it with
/// <c>@await Component.InvokeAsync(nameof(InformationRequestsSummary), new { caseId })</c>; it runs its own
/// query, so the case page's model needs nothing for it.
/// </summary>
public sealed class InformationRequestsSummary(IMediator mediator) : ViewComponent
{
    /// <param name="caseId">The case.</param>
    /// <param name="linkToChecklist">False on the information requests page itself.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, bool linkToChecklist = true) =>
        View("~/Pages/Mash/Cases/_InformationRequestsSummary.cshtml",
            await mediator.Send(new Query(caseId, linkToChecklist), HttpContext.RequestAborted));

    public sealed record Query(Guid CaseId, bool LinkToChecklist = true) : IQuery<Summary>;

    public sealed record RequestLine(Guid Id, string AgencyName, string OrganisationName, RequestStatus Status, DateTimeOffset DueAt,
        DateTimeOffset? RespondedAt, DateTimeOffset? ChasedAt);

    public sealed record Summary(Guid CaseId, AgencyChecklist Checklist, IReadOnlyList<RequestLine> Requests, DateTimeOffset Now,
        bool LinkToChecklist)
    {
        public int Considered => Checklist.Agencies.Count - Checklist.Outstanding.Count;
        public int Overdue => Requests.Count(r => r.Status == RequestStatus.Overdue);
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock, ReadCache cache) : IRequestHandler<Query, Summary>
    {
        /// <summary>How long a change to the configured agencies may take to show on another instance's case records.</summary>
        public static readonly TimeSpan AgenciesKeep = TimeSpan.FromMinutes(1);

        public async Task<Summary> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var configured = await cache.GetOrReadAsync(typeof(PartnerAgency), "active", AgenciesKeep,
                () => CaseInformationChecks.ConfiguredAsync(db, cancellationToken));
            // The requests and the agencies reasoned not needed in one read: a case has a handful of each.
            var found = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new
                {
                    Requests = db.InformationRequests.Where(r => r.CaseId == c.Id)
                        .OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id)
                        .Select(r => new
                        {
                            r.Id, r.AgencyKey, r.AgencyName, r.State, r.DueAt, r.RespondedAt, r.ChasedAt,
                            Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                        })
                        .ToList(),
                    NotNeeded = db.AgencyChecksNotNeeded.Where(n => n.CaseId == c.Id)
                        .Select(n => new AgencyEntry(n.AgencyKey, n.AgencyName)).ToList(),
                })
                .AsSingleQuery()
                .SingleOrDefaultAsync(cancellationToken);
            var requests = found?.Requests ?? [];
            var checklist = AgencyChecklist.Evaluate(configured,
                [.. requests.Select(r => new AgencyEntry(r.AgencyKey, r.AgencyName))], found?.NotNeeded ?? []);
            return new Summary(request.CaseId, checklist,
                [.. requests.Select(r => new RequestLine(r.Id, r.AgencyName, r.Organisation ?? "Unknown organisation",
                    InformationRequest.StatusOf(r.State, r.DueAt, now), r.DueAt, r.RespondedAt, r.ChasedAt))],
                now, request.LinkToChecklist);
        }
    }
}
