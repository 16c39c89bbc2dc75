using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Intake;

namespace ThresholdPortal.IntegrationTests.Pages.Insights;

/// <summary>
/// A known set of cases in March 2026 (and just outside it) whose every measure is worked out by hand in
/// <see cref="InsightsTests"/>. Cases are made through the domain's own rules; the few facts a test cannot
/// reach that way (the referrer's level, consent) are set with SQL.
/// </summary>
public sealed record InsightsWorld(MashTeam Team, Organisation Police, Person Child, Dictionary<string, MashCase> Cases)
{
    public static readonly DateTimeOffset March = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static async Task<InsightsWorld> SeedAsync(PortalApp app)
    {
        var team = await app.MashTeamAsync();
        var police = await app.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        var cases = new Dictionary<string, MashCase>();
        var worker = team.Practitioner;

        // Outside the period: the last minute of February (GMT), and 00:30 on 1 April in London (BST).
        cases["F"] = await app.AddCaseAsync(team,
            new CaseSeed(new DateTimeOffset(2026, 2, 28, 23, 59, 0, TimeSpan.Zero)) { AssignedTo = worker, Rating = BragRating.Green,
            ProgressToChecks = true });
        cases["G"] = await app.AddCaseAsync(team, new CaseSeed(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero)));

        cases["A"] = await app.AddCaseAsync(team,
            new CaseSeed(March) { AssignedTo = worker, Rating = BragRating.Amber, ProgressToChecks = true });
        cases["B"] = await app.AddCaseAsync(team,
            new CaseSeed(March.AddDays(1)) { AssignedTo = worker, Rating = BragRating.Green, ProgressToChecks = true });
        cases["C"] = await app.AddCaseAsync(team,
            new CaseSeed(March.AddDays(2)) { From = police, AssignedTo = worker, Rating = BragRating.Red, ProgressToChecks = true });
        cases["D"] = await app.AddCaseAsync(team,
            new CaseSeed(March.AddDays(3)) { From = police, AssignedTo = worker, CloseAtContact = true });
        cases["E"] = await app.AddCaseAsync(team, new CaseSeed(March.AddDays(4)) { Channel = ContactChannel.Phone, SourceCode = "=1A" });
        cases["I"] = await app.AddCaseAsync(team,
            new CaseSeed(March.AddDays(5)) { AssignedTo = worker, Rating = BragRating.Green, ProgressToChecks = true });
        // 23:30 on 31 March in London (BST): the last half hour of the period.
        cases["H"] = await app.AddCaseAsync(team, new CaseSeed(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero)));

        await SetLevelAndConsentAsync(app, cases["A"], ThresholdLevel.Targeted, "Obtained");
        await SetLevelAndConsentAsync(app, cases["B"], ThresholdLevel.Targeted, null);
        await SetLevelAndConsentAsync(app, cases["C"], ThresholdLevel.EarlyHelp, "Refused");
        await SetLevelAndConsentAsync(app, cases["I"], ThresholdLevel.EarlyHelp, null);

        await DecideAsync(app, team, cases["A"], DecisionOutcome.ChildAndFamilyAssessment, ThresholdLevel.Targeted, BragRating.Amber,
            PrimaryNeed.N1AbuseOrNeglect, ["16A", "3B"], TimeSpan.FromHours(1), feedbackAfter: TimeSpan.FromHours(1));
        await DecideAsync(app, team, cases["B"], DecisionOutcome.NoFurtherAction, ThresholdLevel.EarlyHelp, BragRating.Green,
            PrimaryNeed.N9NotChildInNeed, [], TimeSpan.FromHours(1), feedbackAfter: TimeSpan.FromDays(2),
            escalate: EscalationResult.Changed);
        await DecideAsync(app, team, cases["C"], DecisionOutcome.StrategyDiscussion, ThresholdLevel.Specialist, BragRating.Red,
            PrimaryNeed.N1AbuseOrNeglect, ["19C"], TimeSpan.FromDays(3), feedbackAfter: null);
        await DecideAsync(app, team, cases["I"], DecisionOutcome.StepDownToEarlyHelp, ThresholdLevel.EarlyHelp, BragRating.Green,
            PrimaryNeed.N4FamilyInAcuteStress, ["4B"], TimeSpan.FromHours(1), feedbackAfter: TimeSpan.FromHours(2));

        // The same child was referred on 28 February (F) and again on 2 March (A): a re-referral within 3 months.
        var child = await app.AddKnownPersonAsync(new TestChild("Test", "Child", new DateOnly(2016, 1, 1)), earlierCase: cases["F"]);
        await app.ExecuteDbContextAsync(async db =>
        {
            var subject = await db.ReferralChildren.Where(c => c.ReferralId == cases["A"].ReferralId).Select(c => c.Id).FirstAsync();
            db.PersonLinks.Add(new PersonLink
            {
                CaseId = cases["A"].Id, ReferralId = cases["A"].ReferralId, Role = PersonRole.Child, SubjectId = subject,
                PersonId = child.Id, LinkedByUserId = worker.Id, LinkedAt = March,
            });
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AgencyChecksNotNeeded" ("Id", "CaseId", "AgencyKey", "AgencyName", "Reason", "RecordedAt", "RecordedByUserId")
                VALUES ({Guid.NewGuid()}, {cases["A"].Id}, 'housing', 'Housing', 'Owner-occupied home', {March}, {worker.Id})
                """);
            await db.SaveChangesAsync();
        });

        return new InsightsWorld(team, police, child, cases);
    }

    /// <summary>The query string of the custom period 1 to 31 March 2026.</summary>
    public static string MarchQuery =>
        "Filter.Period=Custom&Filter.From.Day=1&Filter.From.Month=3&Filter.From.Year=2026"
        + "&Filter.To.Day=31&Filter.To.Month=3&Filter.To.Year=2026";

    private static Task SetLevelAndConsentAsync(PortalApp app, MashCase mashCase, ThresholdLevel level, string? consent) =>
        app.ExecuteDbContextAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "MashCases" SET "ReferrerLevel" = {(int)level} WHERE "Id" = {mashCase.Id}""");
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Referrals" SET "ChosenLevel" = {(int)level}, "Consent_Decision" = {consent} WHERE "Id" = {mashCase.ReferralId}
                """);
        });

    /// <summary>A decision proposed and approved straight through the domain, with feedback (and an escalation) if asked.</summary>
    internal static async Task DecideAsync(
        PortalApp app, MashTeam team, MashCase seeded, DecisionOutcome outcome, ThresholdLevel level, BragRating rating, PrimaryNeed need,
            string[] factors,
        TimeSpan decidedAfter, TimeSpan? feedbackAfter, EscalationResult? escalate = null)
    {
        var clock = app.Services.GetRequiredService<DecisionClock>();
        await app.ExecuteDbContextAsync(async db =>
        {
            var mashCase = await db.MashCases.SingleAsync(c => c.Id == seeded.Id);
            var documentId = (await db.CurrentDocumentIdAsync(CancellationToken.None))!.Value;
            var decidedAt = mashCase.ReceivedAt + decidedAfter;
            mashCase.MarkReadyForDecision();
            var decision = CaseDecision.Propose(mashCase, new DecisionProposal(
                rating, null, level, documentId,
                [.. await db.ReferralChildren.Where(c => c.ReferralId == mashCase.ReferralId).OrderBy(c => c.Order)
                    .Select(c => new ChildOutcome(c.Id, outcome)).ToListAsync()],
                need, factors, "Seeded decision.", true, null, null, [],
                outcome.IsStatutory() ? "Assessment team" : null) { ReasonsForReferrer = "Seeded reasons." }, 1, team.Practitioner.Id,
                decidedAt.AddMinutes(-30));
            db.CaseDecisions.Add(decision);
            mashCase.SubmitDecision(decision, clock);
            decision.Approve(team.Manager.Id, null, decidedAt);
            mashCase.CloseWithApprovedDecision(decision, decidedAt);
            if (feedbackAfter is { } after)
            {
                var feedback = new ReferrerFeedback
                {
                    CaseId = mashCase.Id, ReferralId = mashCase.ReferralId, DecisionId = decision.Id, OutcomeSummary = "Outcome.",
                        Reasons = "Reasons.",
                    LevelExplanation = "Level.", ContactName = "MASH", ContactDetails = "01234", DraftedAt = decidedAt,
                };
                feedback.Send(FeedbackMethod.Portal, ThirdPartyCheck.NoneFound, team.Manager.Id, decidedAt + after);
                db.ReferrerFeedback.Add(feedback);
                if (escalate is { } result)
                {
                    var escalation = Escalation.Raise(feedback, "We disagree.", team.Practitioner.Id,
                        decidedAt + after + TimeSpan.FromHours(1), decidedAt.AddDays(10));
                    escalation.Answer(result, "Reviewed.", team.Manager.Id, decidedAt.AddDays(5));
                    db.Escalations.Add(escalation);
                }
            }

            await db.SaveChangesAsync();
        });
    }
}
