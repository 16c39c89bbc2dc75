using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// The "Feedback to the referrer" panel of the case record: where the feedback is (draft, sent, by whom,
/// when and how, acknowledged or disagreed with), the escalation and its answer, and a link to the
/// feedback page. Included with <c>@await Component.InvokeAsync(nameof(FeedbackSummary), new { caseId })</c>.
/// </summary>
public sealed class FeedbackSummary(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId) =>
        View("~/Pages/Mash/Cases/_FeedbackSummary.cshtml", await mediator.Send(new Query(caseId), HttpContext.RequestAborted));

    public sealed record Query(Guid CaseId) : IQuery<Summary>;

    public sealed record Summary(Guid CaseId, ReferrerFeedback? Feedback, string? SentBy, Escalation? Escalation, string? AnsweredBy,
        DateTimeOffset Now);

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Summary>
    {
        public async Task<Summary> Handle(Query request, CancellationToken cancellationToken)
        {
            // The feedback on the decision in force, and the latest escalation: after a revision, the one that changed it.
            var feedback = await db.ReferrerFeedback.AsNoTracking()
                .Where(f => db.MashCases.Any(c => c.Id == request.CaseId && c.DecisionId == f.DecisionId))
                .SingleOrDefaultAsync(cancellationToken);
            var escalation = await db.Escalations.AsNoTracking().Where(e => e.CaseId == request.CaseId).OrderByDescending(e => e.RaisedAt)
                .FirstOrDefaultAsync(cancellationToken);
            var ids = new[] { feedback?.SentByUserId, escalation?.AnsweredByUserId }.OfType<Guid>().ToList();
            var names = ids.Count == 0
                ? []
                : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                    .Select(u => new { u.Id, Name = u.FullName })
                        .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
            return new Summary(request.CaseId, feedback, feedback?.SentByUserId is { } sender ? names.GetValueOrDefault(sender) : null,
                escalation, escalation?.AnsweredByUserId is { } manager ? names.GetValueOrDefault(manager) : null, clock.GetUtcNow());
        }
    }
}
