using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Agency.Requests;

/// <summary>
/// One request as the agency sees it: the people named (names, dates of birth, addresses), the questions,
/// the lawful basis, and what the organisation has answered so far. Never the referral. Opening it is
/// recorded: the first opening shows the MASH it was "viewed", and every opening goes in the case's log.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : CommandPageModel
{
    public RequestView View { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid requestId)
    {
        return OutcomeOf(await mediator.Send(new Open(requestId)), opened =>
        {
            (View, Now) = (opened.View, opened.Now);
            return Page();
        });
    }

    /// <summary>Opening the request records that it was viewed: saved with the request as it is now.</summary>
    public sealed record Open(Guid RequestId) : ICommand<CommandResult<Opened>>;

    public sealed record Opened(RequestView View, DateTimeOffset Now);

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Open, CommandResult<Opened>>
    {
        public async Task<CommandResult<Opened>> Handle(Open request, CancellationToken cancellationToken)
        {
            var found = await AgencyAccess.LockOwnAsync(db, request.RequestId, user, cancellationToken);
            if (found is null)
            {
                return CommandResult.NotFound;
            }

            var now = clock.GetUtcNow();
            found.RecordViewed(now);
            audit.Record(InformationRequestEvents.Viewed, CaseEvents.SubjectType, found.CaseId.ToString(),
                InformationRequestEvents.Detail(found.AgencyName, found.Id));
            await db.SaveChangesAsync(cancellationToken);
            var views = await RequestViews.LoadAsync(db, db.InformationRequests.Where(r => r.Id == found.Id), now,
                InformationRequestRoutes.AgencyAttachment, cancellationToken);
            return CommandResult.SavedWith(new Opened(views.Single(), now));
        }
    }
}
