using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The feedback loop, seen from both sides. The demo referrer (referrer@example.org) gets referrals at
/// every stage after the one the referral journey's demo data sent ("Received"): being considered,
/// decided with feedback waiting for them, acknowledged, disagreed with an escalation open, and one whose
/// escalation was answered. Practitioners have sent the feedback on all but the MASH's
/// <see cref="DraftsToSend"/> most recent decisions, whose drafts wait for them. Every step after the referral
/// is the live app's own command, sent as the person who takes it, at the moment they take it.
/// </summary>
public sealed class FeedbackDemoData(PortalDbContext db, DecisionLoop loop, ReferrerJourney journey, TriageSteps triage, TimeProvider time)
    : IDemoDataContributor
{
    public const int DraftsToSend = 3;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var referrer = context.Users.Referrer;
        var worker = context.Users.Practitioner;
        var manager = context.Users.Manager;

        // Being considered: at MASH checks.
        await ReferralAsync(referrer, worker, "Amelia", "Hart", now.AddDays(-2), cancellationToken);

        // Decided, the feedback sent and waiting for the referrer to read it.
        var waiting = await DecidedAsync(referrer, worker, manager, "Oliver", "Grant", now.AddDays(-6), DecisionOutcome.StepDownToEarlyHelp,
            cancellationToken);
        await loop.SendFeedbackAsync(waiting.CaseId, worker, at: now.AddDays(-4).AddHours(-3));

        // Acknowledged.
        var acknowledged = await DecidedAsync(referrer, worker, manager, "Isla", "Morgan", now.AddDays(-14),
            DecisionOutcome.ChildAndFamilyAssessment, cancellationToken);
        await loop.SendFeedbackAsync(acknowledged.CaseId, worker, at: now.AddDays(-12));
        await loop.ReadFeedbackAsync(acknowledged.Reference, referrer, now.AddDays(-11));
        await loop.AcknowledgeAsync(acknowledged.Reference, referrer, now.AddDays(-11).AddMinutes(4));

        // Disagreed: an escalation open on the managers' list.
        var disagreed = await DecidedAsync(referrer, worker, manager, "Noah", "Fisher", now.AddDays(-5),
            DecisionOutcome.NoFurtherActionWithAdvice, cancellationToken);
        await loop.SendFeedbackAsync(disagreed.CaseId, worker, at: now.AddDays(-3));
        await loop.ReadFeedbackAsync(disagreed.Reference, referrer, now.AddDays(-2));
        await loop.DisagreeAsync(disagreed.Reference, referrer,
            "Noah told his teacher again this week that he is scared to go home, and he has had no lunch money for a fortnight. I do not " +
                "think advice alone will keep him safe.",
            now.AddDays(-2).AddMinutes(10));

        // Disagreed, and answered: the decision stands, with the manager's reasons.
        var answered = await DecidedAsync(referrer, worker, manager, "Ruby", "Walsh", now.AddDays(-25), DecisionOutcome.StepDownToEarlyHelp,
            cancellationToken);
        await loop.SendFeedbackAsync(answered.CaseId, worker, at: now.AddDays(-23));
        await loop.ReadFeedbackAsync(answered.Reference, referrer, now.AddDays(-22));
        var escalation = await loop.DisagreeAsync(answered.Reference, referrer,
            "Ruby's attendance has fallen below 80% and her mother has missed two meetings. I expected a social work assessment.",
            now.AddDays(-22).AddMinutes(15));
        await loop.AnswerEscalationAsync(escalation, manager, EscalationResult.Upheld,
            "I have looked at the decision again with the school's attendance figures and what health told us. The family hub has met " +
                "Ruby's mother twice and she has agreed to a family support plan, so early help remains the right response. If " +
                "attendance falls further or you learn of any harm, refer again or phone the MASH.",
            now.AddDays(-19));

        // Disagreed, and answered "Changed": the revised decision approved, its feedback still to send (docs/decisions/0096).
        var changed = await DecidedAsync(referrer, worker, manager, "Leo", "Marsh", now.AddDays(-16), DecisionOutcome.StepDownToEarlyHelp,
            cancellationToken);
        await loop.SendFeedbackAsync(changed.CaseId, worker, at: now.AddDays(-14));
        var disagreement = await loop.DisagreeAsync(changed.Reference, referrer,
            "Leo has come to school with another bruise and says his stepfather did it. This needs more than early help.",
            now.AddDays(-13));
        await loop.AnswerEscalationAsync(disagreement, manager, EscalationResult.Changed,
            "You are right: with the new bruise and Leo's account, the MASH will arrange a social work assessment.", now.AddDays(-12));
        await loop.ProposeAsync(changed.CaseId, worker, DecisionLoop.Proposal(BragRating.Amber, ThresholdLevel.Targeted,
            DecisionOutcome.ChildAndFamilyAssessment, "A second injury with an account of harm by an adult in the household.",
            worker.FullName, DateOnly.FromDateTime(now.AddDays(-9).UtcDateTime), consentGiven: false), now.AddDays(-12).AddHours(2));
        await loop.SignOffAsync(changed.CaseId, manager, now.AddDays(-12).AddHours(4));

        await SendOlderDraftsAsync(cancellationToken);
    }

    /// <summary>
    /// Every approval drafts feedback; on a working MASH the practitioner who proposed the decision has sent all
    /// but the newest, a few hours after the sign-off (by phone where the referral came by phone).
    /// </summary>
    private async Task SendOlderDraftsAsync(CancellationToken cancellationToken)
    {
        var older = await db.ReferrerFeedback.AsNoTracking()
            .Where(f => f.State == FeedbackState.Draft)
            .Join(db.MashCases, f => f.CaseId, c => c.Id, (f, c) => new { c.Id, c.DecidedAt, c.Channel, c.DecisionId })
            .OrderByDescending(c => c.DecidedAt).ThenBy(c => c.Id)
            .Skip(DraftsToSend)
            .Select(c => new
            {
                c.Id, c.DecidedAt, c.Channel,
                Proposer = db.Users.Single(u =>
                    u.Id == db.CaseDecisions.Where(d => d.Id == c.DecisionId).Select(d => d.ProposedByUserId).Single()),
            })
            .ToListAsync(cancellationToken);
        foreach (var decided in older)
        {
            await loop.SendFeedbackAsync(decided.Id, decided.Proposer,
                decided.Channel == ContactChannel.Portal ? FeedbackMethod.Portal : FeedbackMethod.Phone,
                    decided.DecidedAt!.Value.AddHours(3));
        }
    }

    /// <summary>The case through checks, proposal and sign-off; the sign-off drafts the feedback.</summary>
    private async Task<(Guid CaseId, string Reference)> DecidedAsync(
        PortalUser referrer, PortalUser worker, PortalUser manager, string given, string family, DateTimeOffset received,
            DecisionOutcome outcome,
        CancellationToken cancellationToken)
    {
        var decided = await ReferralAsync(referrer, worker, given, family, received, cancellationToken);
        await loop.ReadyForDecisionAsync(decided.CaseId, worker, received.AddHours(2));
        var rationale = outcome.IsStatutory()
            ? "The account of harm by an adult at home, with what the police and health told us, shows the children may be suffering " +
                "harm. They need an assessment."
            : "The school and health know the family; the concerns are about routines and stress at home. The family's needs can be met " +
                "by early help with their consent.";
        await loop.ProposeAsync(decided.CaseId, worker, DecisionLoop.Proposal(BragRating.Amber,
            outcome.IsStatutory() ? ThresholdLevel.Targeted : ThresholdLevel.EarlyHelp, outcome, rationale, "MASH practitioner",
            DateOnly.FromDateTime(received.AddDays(3).UtcDateTime), consentGiven: true), received.AddHours(20));
        await loop.SignOffAsync(decided.CaseId, manager, received.AddHours(22));
        return decided;
    }

    /// <summary>A complete referral from the demo school, sent, claimed, rated Amber and at MASH checks.</summary>
    private async Task<(Guid CaseId, string Reference)> ReferralAsync(PortalUser referrer, PortalUser worker, string given, string family,
        DateTimeOffset received, CancellationToken cancellationToken)
    {
        var document = await db.DocumentAsync((await db.CurrentDocumentIdAsync(cancellationToken))!.Value, cancellationToken);
        var school = await db.Organisations.AsNoTracking().Where(o => o.Id == referrer.OrganisationId).Select(o => o.Name)
            .SingleAsync(cancellationToken);
        var reference = await journey.SendAsync(referrer, new DemoReferral(
            [
                new DemoChild(given, family, DateOnly.FromDateTime(received.AddYears(-8).UtcDateTime),
                    [.. document.Indicators.Where(i => i.Level == ThresholdLevel.Targeted).Take(1).Select(i => i.Code)])
                {
                    SchoolOrSetting = school, HowConcernsAffectChild = $"{given} is tired and finds it hard to concentrate.",
                    ChildsVoice = $"{given} said: I wish there was breakfast.",
                },
            ], ThresholdLevel.Targeted)
        {
            Adults = [new DemoAdult("Sarah", family, "Mother", KnowsAboutReferral: true)],
            Categories = [ConcernCategory.Neglect],
            WhatHappened =
                $"{given} has come to school hungry most days this term and in the same clothes all week. {given} said there is " +
                $"often no food at home.",
            Analysis = "A pattern of neglect of basic care, getting worse since the autumn.",
            RiskFactors = "Their mother has told staff she is struggling with her mental health.",
            ProtectiveFactors = "Their mother brings them to school and talks to staff.",
            History = "Known to the pastoral team for a year.",
            PreviousHelp = "A referral to the food bank last year, which helped for a while.",
            OtherProfessionals = "The school nurse shares the concern.",
            ExpectedOutcome = "Support for the family, and an assessment if the MASH thinks it is needed.",
        }, received);
        var caseId = await db.MashCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(cancellationToken);
        await triage.ClaimAsync(caseId, worker, received.AddMinutes(20));
        await triage.RateAsync(caseId, worker, BragRating.Amber, "Neglect of basic care over months; no immediate danger.",
            received.AddMinutes(40));
        await triage.ProgressToChecksAsync(caseId, worker, received.AddHours(1));
        return (caseId, reference);
    }
}
