using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// A manager's own work in the service navigation: "Sign-off (N)" and "Escalations (N)", counted live on every
/// page. Both counts come in one round trip, each read from its partial index (decisions awaiting sign-off,
/// escalations not yet answered), so the cost does not grow with the decisions ever made. The layout includes
/// it for managers with <c>@await Component.InvokeAsync(nameof(ManagerWork))</c>.
/// </summary>
public sealed class ManagerWork(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Pages/Shared/_ManagerWork.cshtml",
            (await mediator.Send(new Query(), HttpContext.RequestAborted), HttpContext.Request.Path));

    public sealed record Query : IQuery<Counts>;

    public sealed record Counts
    {
        public int SignOff { get; init; }
        public int Escalations { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Counts>
    {
        // The predicates repeat the partial indexes' filters word for word (DecisionConfiguration), so the planner uses them.
        public async Task<Counts> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Database.SqlQuery<Counts>($"""
                SELECT (SELECT count(*) FROM "CaseDecisions" WHERE "State" = 'AwaitingSignOff')::int AS "SignOff",
                       (SELECT count(*) FROM "Escalations" WHERE "AnsweredAt" IS NULL)::int AS "Escalations"
                """).SingleAsync(cancellationToken);
    }
}
