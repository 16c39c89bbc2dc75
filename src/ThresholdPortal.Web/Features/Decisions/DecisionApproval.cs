using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.ApiClients;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.Web.Features.Decisions;

/// <summary>
/// What follows a manager's approval, in the approval's own transaction, for a first decision and for a revision
/// after a referrer's escalation alike (docs/decisions/0096): the step-down to the early help hub is made, kept or
/// withdrawn, a hand-over is recorded, the referrer's feedback is drafted for this decision, after a revision
/// whoever raised the escalation is e-mailed that the decision changed, and the case-management feed gets an event per child.
/// </summary>
public static class DecisionApproval
{
    /// <summary>Run after the decision is approved and the case closed; <paramref name="previousDecisionId"/> is the decision in
    /// force before this approval, null for the case's first decision.</summary>
    public static async Task FollowAsync(
        PortalDbContext db, IAuditTrail audit, IEmailOutbox outbox, EarlyHelpIntake earlyHelp, MashCase mashCase, CaseDecision decision,
        Guid? previousDecisionId,
        ServiceContacts contacts, Guid managerId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(decision);
        var subject = mashCase.Id.ToString();
        // Per child (docs/decisions/0092): the hub takes the family when any child is stepped down, and the case is handed over
        // when any child's outcome is statutory; siblings can need both.
        var stepDown = await db.EarlyHelpStepDowns.SingleOrDefaultAsync(s => s.CaseId == mashCase.Id && s.WithdrawnAt == null, ct);
        if (decision.StepsDownAChild && stepDown is null)
        {
            var steppedDown = EarlyHelpStepDown.From(mashCase, decision, managerId, now);
            db.EarlyHelpStepDowns.Add(steppedDown);
            earlyHelp.OpenForStepDown(steppedDown);
            audit.Record(CaseEvents.SteppedDownToEarlyHelp, CaseEvents.SubjectType, subject, "To the early help hub" + Children(decision,
                o => o == DecisionOutcome.StepDownToEarlyHelp));
        }
        else if (!decision.StepsDownAChild && stepDown is not null)
        {
            stepDown.Withdraw(now);
            audit.Record(CaseEvents.StepDownWithdrawn, CaseEvents.SubjectType, subject, $"Revision {decision.Revision}");
        }

        if (decision.Outcome.IsStatutory())
        {
            audit.Record(CaseEvents.HandedOver, CaseEvents.SubjectType, subject,
                $"To {decision.HandoverTo}" + Children(decision, o => o.IsStatutory()));
        }

        if (!await db.ReferrerFeedback.AnyAsync(f => f.DecisionId == decision.Id, ct))
        {
            db.ReferrerFeedback.Add(await FeedbackDrafting.DraftAsync(db, mashCase, decision, contacts, now, ct));
        }

        if (previousDecisionId is not null)
        {
            await TellWhoEscalatedAsync(db, audit, outbox, mashCase, ct);
        }

        // The council's case management hears of it from the feed and its webhooks (issue 21), in this same transaction.
        await ApiEventWriter.DecisionApprovedAsync(db, mashCase, decision, now, ct);
    }

    /// <summary>", 1 of 2 children" when only some of the children have such an outcome: a count, never a child's name.</summary>
    private static string Children(CaseDecision decision, Func<DecisionOutcome, bool> which)
    {
        var count = decision.ChildOutcomes.Count(c => which(c.Outcome));
        return count == decision.ChildOutcomes.Count ? string.Empty : $", {count} of {decision.ChildOutcomes.Count} children";
    }

    /// <summary>The person who raised the latest escalation (the referrer, or a colleague sharing their referrals), if active.</summary>
    private static async Task TellWhoEscalatedAsync(PortalDbContext db, IAuditTrail audit, IEmailOutbox outbox, MashCase mashCase,
        CancellationToken ct)
    {
        var email = await db.Escalations.Where(e => e.CaseId == mashCase.Id).OrderByDescending(e => e.RaisedAt)
            .SelectMany(e => db.Users.Where(u => u.Id == e.RaisedByUserId && u.IsActive).Select(u => u.Email))
            .FirstOrDefaultAsync(ct);
        if (email is not null)
        {
            outbox.Enqueue(email, EmailTemplate.DecisionChanged, ReferralRoutes.Sent(mashCase.Reference));
            audit.Record(CaseEvents.ReferrerToldOfChange, CaseEvents.SubjectType, mashCase.Id.ToString(), null);
        }
    }
}
