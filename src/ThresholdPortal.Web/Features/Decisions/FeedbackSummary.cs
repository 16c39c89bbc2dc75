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
            // One read, written as joins on the feedback's unique decision and the case's escalations: a FirstOrDefault
            // in the projection made EF number every feedback and escalation row stored (issue 18).
            var latestEscalations = db.Escalations.AsNoTracking().Where(e => !db.Escalations.Any(later => later.CaseId == e.CaseId &&
                (later.RaisedAt > e.RaisedAt || (later.RaisedAt == e.RaisedAt && later.Id.CompareTo(e.Id) > 0))));
            var found = await (
                from c in db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                join f in db.ReferrerFeedback.AsNoTracking() on c.DecisionId equals (Guid?)f.DecisionId into feedback
                from f in feedback.DefaultIfEmpty()
                join e in latestEscalations on c.Id equals e.CaseId into escalations
                from e in escalations.DefaultIfEmpty()
                select new
                {
                    Feedback = f,
                    Escalation = e,
                    SentBy = db.Users.Where(u => u.Id == f!.SentByUserId).Select(u => u.FullName).FirstOrDefault(),
                    AnsweredBy = db.Users.Where(u => u.Id == e!.AnsweredByUserId).Select(u => u.FullName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            return new Summary(request.CaseId, found?.Feedback, found?.Feedback is null ? null : found.SentBy, found?.Escalation,
                found?.Escalation?.AnsweredByUserId is null ? null : found.AnsweredBy, clock.GetUtcNow());
        }
    }
}
