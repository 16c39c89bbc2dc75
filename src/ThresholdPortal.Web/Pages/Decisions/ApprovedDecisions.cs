using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Pages.Decisions;

/// <summary>
/// Takes a case that is ready for a decision through proposal, sign-off by a manager and closure, and
/// drafts its feedback, all through the domain's own rules and with the timeline's audit events: what the
/// demo data and the tests of feedback and escalation start from. The live path is the decision and
/// sign-off pages (issue 6, part A); this never runs from a page.
/// </summary>
public static class ApprovedDecisions
{
    public sealed record Decided(CaseDecision Decision, ReferrerFeedback Feedback);

    public static async Task<Decided> DecideAndDraftAsync(
        PortalDbContext db, DecisionClock clock, MashCase mashCase, Guid workerId, Guid managerId, DecisionOutcome outcome, ThresholdLevel level,
        DateTimeOffset approvedAt, string contactName, string contactDetails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mashCase);
        // Found among the unsaved changes too: the demo data adds the referral and decides in one save.
        var referral = await db.Referrals.FindAsync([mashCase.ReferralId], cancellationToken)
            ?? throw new InvalidOperationException("The case's referral is missing.");
        var document = await db.DocumentAsync(referral.ThresholdDocumentId, cancellationToken);
        var proposedAt = approvedAt.AddHours(-2);
        var decision = CaseDecision.Propose(mashCase, new DecisionProposal(
            mashCase.Rating ?? BragRating.Green, null, level, referral.ThresholdDocumentId, outcome,
            outcome.IsStatutory() ? PrimaryNeed.N1AbuseOrNeglect : PrimaryNeed.N4FamilyInAcuteStress,
            outcome.IsStatutory() ? ["3B"] : ["20"],
            outcome.IsStatutory()
                ? "The account of harm by an adult at home, with what the police and health told us, shows the children may be suffering harm. They need an assessment."
                : "The school and health know the family; the concerns are about routines and stress at home. The family's needs can be met by early help with their consent.",
            ConsentGiven: true, null, null,
            [new NextStep("Tell the family about the decision", "MASH practitioner", DateOnly.FromDateTime(approvedAt.AddDays(2).UtcDateTime))],
            outcome.IsStatutory() ? "Northtown assessment team" : null), 1, workerId, proposedAt);
        db.CaseDecisions.Add(decision);
        mashCase.SubmitDecision(decision, clock);
        decision.Approve(managerId, null, approvedAt);
        mashCase.CloseWithApprovedDecision(decision, approvedAt);

        var support = decision.Level.IsBelowStatutoryThreshold() || decision.Outcome.IsNoFurtherAction()
            ? await db.EarlyHelpServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).Take(3).ToListAsync(cancellationToken)
            : new List<EarlyHelpService>();
        // Built here rather than by FeedbackDrafting.DraftAsync, which queries the database: the demo data's
        // referral may not be saved yet.
        var feedback = FeedbackDrafting.Build(mashCase, decision, mashCase.ReferrerLevel, document, support, contactName, contactDetails, approvedAt);
        db.ReferrerFeedback.Add(feedback);
        Event(db, CaseEvents.DecisionSubmitted, mashCase.Id, workerId, proposedAt, outcome.DisplayName());
        Event(db, CaseEvents.DecisionApproved, mashCase.Id, managerId, approvedAt, outcome.DisplayName());
        return new Decided(decision, feedback);
    }

    /// <summary>An event on the case's timeline at a given moment (the demo's and tests' past).</summary>
    public static void Event(PortalDbContext db, string action, Guid caseId, Guid? userId, DateTimeOffset at, string? detail) =>
        (db ?? throw new ArgumentNullException(nameof(db))).AuditEvents.Add(new AuditEvent
        {
            OccurredAt = at, UserId = userId, Action = action, SubjectType = CaseEvents.SubjectType, SubjectId = caseId.ToString(), Detail = detail,
        });
}
