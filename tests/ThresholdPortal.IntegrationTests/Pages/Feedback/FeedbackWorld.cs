using System.Net;
using System.Text.RegularExpressions;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

/// <summary>A MASH (practitioner, two managers), a school referrer, and a referrer at another organisation.</summary>
public sealed record FeedbackWorld(PortalUser Referrer, PortalUser OtherReferrer, PortalUser Practitioner, PortalUser Manager,
    PortalUser OtherManager)
{
    public static async Task<FeedbackWorld> CreateAsync(PortalApp app)
    {
        var mash = await app.CreateOrganisationAsync("Test County Council", OrganisationKind.LocalAuthorityChildrensSocialCare);
        var school = await app.CreateOrganisationAsync(CasesAtChecks.School, OrganisationKind.School);
        var police = await app.CreateOrganisationAsync("Test Police", OrganisationKind.Police);
        return new FeedbackWorld(
            await app.CreateUserAsync("rachel@school.test", school, PortalRole.Referrer),
            await app.CreateUserAsync("laura@police.test", police, PortalRole.Referrer),
            await app.CreateUserAsync("priya@mash.test", mash, PortalRole.MashPractitioner),
            await app.CreateUserAsync("martin@mash.test", mash, PortalRole.MashManager),
            await app.CreateUserAsync("mina@mash.test", mash, PortalRole.MashManager));
    }

    /// <summary>A referral from the school whose case is at MASH checks: no decision yet.</summary>
    public Task<(Guid CaseId, string Reference)> CaseAtChecksAsync(PortalApp app) =>
        CasesAtChecks.CreateAsync(app.Services, Referrer, Practitioner);

    /// <summary>
    /// A referral from the school, decided (proposed by the practitioner, approved by a manager) with its feedback
    /// drafted, not sent: through the decision and sign-off pages' own commands, as the live app does it.
    /// </summary>
    public async Task<(Guid CaseId, string Reference)> DecidedCaseAsync(PortalApp app,
        DecisionOutcome outcome = DecisionOutcome.StepDownToEarlyHelp)
    {
        var (caseId, reference) = await CaseAtChecksAsync(app);
        var loop = Loop(app);
        await loop.ReadyForDecisionAsync(caseId, Practitioner);
        await loop.ProposeAsync(caseId, Practitioner, DecisionLoop.Proposal(BragRating.Amber,
            outcome.IsStatutory() ? ThresholdLevel.Targeted : ThresholdLevel.EarlyHelp, outcome,
            "The family's needs and the risks to the children are as the school describes them.", Practitioner.FullName,
            TestClock.Today.AddDays(2), consentGiven: false));
        await loop.SignOffAsync(caseId, Manager);
        return (caseId, reference);
    }

    /// <summary>As <see cref="DecidedCaseAsync"/>, with the feedback sent in the portal (waiting for the referrer).</summary>
    public async Task<(Guid CaseId, string Reference)> FeedbackSentAsync(PortalApp app)
    {
        var decided = await DecidedCaseAsync(app);
        await Loop(app).SendFeedbackAsync(decided.CaseId, Practitioner);
        return decided;
    }

    private static DecisionLoop Loop(PortalApp app) => new(new PortalActor(app.Services));

    public static uint HiddenVersion(string html)
    {
        var match = Regex.Match(html, "name=\"(?:Data\\.Version|version)\" value=\"(\\d+)\"");
        match.Success.ShouldBeTrue("the form should carry the version it was opened on");
        return uint.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string OpenedAt(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"Data\\.OpenedAt\" value=\"(\\d+)\"").Groups[1].Value);
}
