using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Pages.Mash.Cases;
using ThresholdPortal.Web.Pages.Referrals;
using ChecksPage = ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests.IndexModel;
using EscalationPage = ThresholdPortal.Web.Pages.Mash.Escalations.DetailsModel;
using NotNeededPage = ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests.NotNeededModel;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The decision loop as the people in it do it, one page's command at a time: checks done, proposal, sign-off,
/// feedback sent, read and acknowledged or disagreed with, escalation answered. Demo data and tests both
/// come this way, so step-down rows, hand-over events and feedback drafts are the live app's own.
/// </summary>
public sealed class DecisionLoop(PortalActor actor)
{
    /// <summary>Every agency still outstanding reasoned about ("not needed"), then the case moved to its decision.</summary>
    public async Task ReadyForDecisionAsync(Guid caseId, PortalUser practitioner, DateTimeOffset? at = null)
    {
        var outstanding = await QueryAsync(async db =>
            (await CaseInformationChecks.ChecklistAsync(db, caseId, CancellationToken.None)).Outstanding.Select(a => a.Key).ToList());
        if (outstanding.Count > 0)
        {
            CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, new NotNeededPage.RecordNotNeeded
            {
                CaseId = caseId, AgencyKeys = outstanding,
                Reason = "What the referrer and the case history tell us is enough for this decision.",
            }, at), "Agencies not needed");
        }

        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner,
            new ChecksPage.ReadyForDecision { CaseId = caseId, Version = await VersionAsync(caseId) }, at?.AddMinutes(5)),
                "Ready for decision");
    }

    /// <summary>The decision page's command; the case, its version and when the form opened are filled in here.</summary>
    public async Task ProposeAsync(Guid caseId, PortalUser practitioner, DecisionModel.Propose proposal, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        proposal.CaseId = caseId;
        proposal.Version = await VersionAsync(caseId);
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, proposal, at), "The proposal");
    }

    /// <summary>
    /// A plain proposal for an outcome, as a practitioner would fill in the form. The reasons for the referrer say only
    /// what a referrer may know; without them, a plain sentence for the outcome.
    /// </summary>
    public static DecisionModel.Propose Proposal(
        BragRating rating, ThresholdLevel level, DecisionOutcome outcome, string rationale, string nextStepBy, DateOnly by,
            bool consentGiven, string? reasonsForReferrer = null) => new()
    {
        Rating = rating,
        Level = level,
        Outcome = outcome,
        PrimaryNeed = outcome.IsStatutory() ? PrimaryNeed.N1AbuseOrNeglect : PrimaryNeed.N4FamilyInAcuteStress,
        Factors = outcome.IsStatutory() ? ["16A", "3B"] : ["20"],
        Rationale = rationale,
        ReasonsForReferrer = reasonsForReferrer ?? (outcome.IsStatutory()
            ? "What you told us, with what we already knew, shows the children need a social work response."
            : "What you told us shows the family needs support, which can be given without a social work response."),
        LawfulBasis = consentGiven ? null : LawfulBasis.SafeguardingChildrenWithoutConsent,
        NextSteps = [new DecisionModel.NextStepEntry { Action = "Tell the family about the decision", Who = nextStepBy,
            By = DateParts.From(by) }],
        HandoverTo = outcome.IsStatutory() ? "Northtown assessment team" : null,
    };

    /// <summary>The sign-off page's command: approve the pending proposal (or return it with comments).</summary>
    public async Task SignOffAsync(Guid caseId, PortalUser manager, DateTimeOffset? at = null, string? returnedWith = null)
    {
        var decisionId = await QueryAsync(db => db.CaseDecisions.Where(d => d.CaseId == caseId && d.State == DecisionState.AwaitingSignOff)
            .OrderByDescending(d => d.Revision).Select(d => d.Id).FirstAsync());
        CommandOutcomes.EnsureSaved(await actor.SendAsync(manager, new SignOffModel.Review
        {
            CaseId = caseId, Version = await VersionAsync(caseId), DecisionId = decisionId,
            Choice = returnedWith is null ? SignOffModel.SignOffChoice.Approve : SignOffModel.SignOffChoice.Return, Comments = returnedWith,
        }, at), "The sign-off");
    }

    /// <summary>The feedback page's command, sending the draft as the approval wrote it.</summary>
    public async Task SendFeedbackAsync(Guid caseId, PortalUser practitioner, FeedbackMethod method = FeedbackMethod.Portal,
        DateTimeOffset? at = null)
    {
        var draft = await QueryAsync(db => db.ReferrerFeedback.AsNoTracking()
            .SingleAsync(f => db.MashCases.Any(c => c.Id == caseId && c.DecisionId == f.DecisionId)));
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, new FeedbackModel.SendFeedback
        {
            CaseId = caseId, Version = draft.Version, OutcomeSummary = draft.OutcomeSummary, Reasons = draft.Reasons,
            LevelExplanation = draft.LevelExplanation, OtherSupport = draft.OtherSupport, ContactName = draft.ContactName,
            ContactDetails = draft.ContactDetails, Method = method, ThirdPartyCheck = ThirdPartyCheck.NoneFound,
        }, at), "The feedback");
    }

    /// <summary>The referrer opens their referral's page, which records that they read the feedback.</summary>
    public async Task ReadFeedbackAsync(string reference, PortalUser referrer, DateTimeOffset? at = null) =>
        _ = await actor.SendAsync(referrer, new SentModel.Query(reference), at)
            ?? throw new InvalidOperationException($"The referrer cannot see referral {reference}.");

    public async Task AcknowledgeAsync(string reference, PortalUser referrer, DateTimeOffset? at = null) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer,
            new SentModel.Acknowledge(reference, await FeedbackVersionAsync(reference)), at),
            "The acknowledgement");

    /// <summary>The referrer disagrees; returns the escalation's id.</summary>
    public async Task<Guid> DisagreeAsync(string reference, PortalUser referrer, string reasons, DateTimeOffset? at = null)
    {
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new DisagreeModel.RaiseEscalation
        {
            Reference = reference, Version = await FeedbackVersionAsync(reference), Reasons = reasons,
        }, at), "The escalation");
        return await QueryAsync(db => db.Escalations.Where(e => db.ReferrerFeedback.Any(f => f.Id == e.FeedbackId
            && db.Referrals.Any(r => r.Id == f.ReferralId && r.Reference == reference))).OrderByDescending(e => e.RaisedAt)
            .Select(e => e.Id).FirstAsync());
    }

    public async Task AnswerEscalationAsync(Guid escalationId, PortalUser manager, EscalationResult result, string response,
        DateTimeOffset? at = null)
    {
        var version = await QueryAsync(db => db.Escalations.Where(e => e.Id == escalationId).Select(e => e.Version).SingleAsync());
        CommandOutcomes.EnsureSaved(await actor.SendAsync(manager, new EscalationPage.AnswerEscalation
        {
            EscalationId = escalationId, Version = version, Result = result, Response = response,
        }, at), "The answer to the escalation");
    }

    private Task<uint> VersionAsync(Guid caseId) =>
        QueryAsync(db => db.MashCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

    /// <summary>The version of the newest feedback sent on the referral: the one the referrer answers.</summary>
    private Task<uint> FeedbackVersionAsync(string reference) => QueryAsync(db => db.ReferrerFeedback
        .Where(f => f.State != FeedbackState.Draft && db.Referrals.Any(r => r.Id == f.ReferralId && r.Reference == reference))
        .OrderByDescending(f => f.SentAt).Select(f => f.Version).FirstAsync());

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = actor.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
