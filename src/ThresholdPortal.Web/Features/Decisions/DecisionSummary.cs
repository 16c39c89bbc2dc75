using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// The decision panel of the case record: the current or approved decision, every revision with the
/// manager's comments, the time from receipt to approval against the deadline, the hand-over or step-down,
/// and links to decide or sign off. The case page includes it with
/// <c>@await Component.InvokeAsync(nameof(DecisionSummary), new { caseId })</c>.
/// </summary>
public sealed class DecisionSummary(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId) =>
        View("~/Pages/Mash/Cases/_DecisionSummary.cshtml", await mediator.Send(new Query(caseId), HttpContext.RequestAborted));

    public sealed record Query(Guid CaseId) : IQuery<Summary?>;

    /// <summary>
    /// A decision as pages show it: the level in the local words of the referral's document, who proposed and reviewed it, and
    /// each child's outcome by name (docs/decisions/0092).
    /// </summary>
    public sealed record DecisionView(CaseDecision Decision, string LevelName, string ProposedBy, string? ReviewedBy)
    {
        public IReadOnlyList<ChildOutcomeView> Children { get; init; } = [];
    }

    /// <summary>One child's outcome, with the child's name as the referral gives it.</summary>
    public sealed record ChildOutcomeView(string Name, DecisionOutcome Outcome);

    public sealed record Summary(
        Guid CaseId,
        MashCaseStatus Status,
        IReadOnlyList<DecisionView> Revisions,
        string? Timeliness,
        bool? WithinDeadline,
        EarlyHelpStepDown? StepDown,
        bool CanDecide,
        bool CanSignOff,
        bool IsMineToSignOff)
    {
        public DecisionView? Current => Revisions.Count > 0 ? Revisions[0] : null;
    }

    /// <summary>Names and level words for decisions of one or more cases.</summary>
    public static async Task<IReadOnlyList<DecisionView>> ViewsAsync(PortalDbContext db, IReadOnlyList<CaseDecision> decisions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decisions);
        var userIds = decisions.Select(d => d.ProposedByUserId)
            .Concat(decisions.Where(d => d.ReviewedByUserId != null).Select(d => d.ReviewedByUserId!.Value)).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName })
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var documents = new Dictionary<Guid, Domain.Thresholds.ThresholdDocument>();
        foreach (var documentId in decisions.Select(d => d.ThresholdDocumentId).Distinct())
        {
            documents[documentId] = await db.DocumentAsync(documentId, cancellationToken);
        }

        var childIds = decisions.SelectMany(d => d.ChildOutcomes.Select(c => c.ReferralChildId)).Distinct().ToList();
        var children = (await db.ReferralChildren.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id);
        return [.. decisions.Select(d => new DecisionView(d, documents[d.ThresholdDocumentId].TitleOf(d.Level),
            names.GetValueOrDefault(d.ProposedByUserId, "Unknown"),
            d.ReviewedByUserId is { } reviewer ? names.GetValueOrDefault(reviewer, "Unknown") : null)
        {
            // In the referral's order: the table keeps no order of its own.
            Children = [.. d.ChildOutcomes.OrderBy(c => children.GetValueOrDefault(c.ReferralChildId)?.Order ?? int.MaxValue)
                .Select(c => new ChildOutcomeView(children.GetValueOrDefault(c.ReferralChildId)?.DisplayName ?? "A child", c.Outcome))],
        })];
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, DecisionClock decisionClock) : IRequestHandler<Query, Summary?>
    {
        public async Task<Summary?> Handle(Query request, CancellationToken cancellationToken)
        {
            // The case, its decisions and which step-down is in force (the open one, else the latest) in one read; the
            // step-down itself, when there is one, by its key. Selecting the step-down row inside the projection would
            // number every step-down stored (ADR 0137).
            var found = await db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                .Select(c => new
                {
                    Case = c,
                    Decisions = db.CaseDecisions.Where(d => d.CaseId == c.Id).OrderByDescending(d => d.Revision).ToList(),
                    StepDownId = db.EarlyHelpStepDowns.Where(s => s.CaseId == c.Id)
                        .OrderBy(s => s.WithdrawnAt != null).ThenByDescending(s => s.SteppedDownAt).Select(s => (Guid?)s.Id)
                        .FirstOrDefault(),
                })
                .AsSingleQuery()
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            var stepDown = found.StepDownId is { } stepDownId
                ? await db.EarlyHelpStepDowns.AsNoTracking().SingleAsync(s => s.Id == stepDownId, cancellationToken)
                : null;
            var (mashCase, decisions) = (found.Case, found.Decisions);
            var pending = decisions.FirstOrDefault(d => d.State == DecisionState.AwaitingSignOff);
            var isManager = user.IsInRole(PortalRole.MashManager);
            return new Summary(
                mashCase.Id,
                mashCase.Status,
                await ViewsAsync(db, decisions, cancellationToken),
                Timeliness(mashCase),
                mashCase.DecidedWithinDeadline,
                stepDown,
                mashCase.Status == MashCaseStatus.AwaitingDecision && mashCase.AssignedToUserId == user.Id,
                isManager && pending is not null && pending.ProposedByUserId != user.Id,
                isManager && pending is not null && pending.ProposedByUserId == user.Id);
        }

        /// <summary>"Decided in 5 hours of working time, within the deadline (...)" or "... late by 3 hours".</summary>
        private string? Timeliness(MashCase mashCase)
        {
            if (mashCase.DecidedAt is not { } decided || mashCase.DecisionId is null)
            {
                return null;
            }

            var working = MashDisplay.Duration(decisionClock.Calendar.WorkingTimeBetween(mashCase.ReceivedAt, decided));
            return mashCase.DecisionDueAt switch
            {
                null => $"Decided in {working} of working time. Blue has no deadline.",
                { } due when decided <= due => $"Decided in {working} of working time, within the deadline ({MashDisplay.Long(due)}).",
                { } due =>
                    $"Decided in {working} of working time: late by {MashDisplay.Duration(decided - due)} (the deadline was " +
                    $"{MashDisplay.Long(due)}).",
            };
        }
    }
}
