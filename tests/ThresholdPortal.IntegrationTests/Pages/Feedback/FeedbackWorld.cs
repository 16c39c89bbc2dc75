using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Pages.Decisions;

namespace ThresholdPortal.IntegrationTests.Pages.Feedback;

/// <summary>A MASH (practitioner, two managers), a school referrer, and a referrer at another organisation.</summary>
public sealed record FeedbackWorld(PortalUser Referrer, PortalUser OtherReferrer, PortalUser Practitioner, PortalUser Manager, PortalUser OtherManager)
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
    public async Task<(Guid CaseId, string Reference)> CaseAtChecksAsync(PortalApp app)
    {
        var clock = app.Services.GetRequiredService<DecisionClock>();
        return await app.ExecuteDbContextAsync(db => CasesAtChecks.CreateAsync(db, clock, Referrer, Practitioner));
    }

    /// <summary>A referral from the school, decided (approved by a manager) with its feedback drafted, not sent.</summary>
    public async Task<(Guid CaseId, string Reference)> DecidedCaseAsync(PortalApp app, DecisionOutcome outcome = DecisionOutcome.StepDownToEarlyHelp)
    {
        var (caseId, reference) = await CaseAtChecksAsync(app);
        var clock = app.Services.GetRequiredService<DecisionClock>();
        await app.ExecuteDbContextAsync(async db =>
        {
            var mashCase = await db.MashCases.SingleAsync(c => c.Id == caseId);
            mashCase.MarkReadyForDecision();
            await ApprovedDecisions.DecideAndDraftAsync(db, clock, mashCase, Practitioner.Id, Manager.Id, outcome,
                outcome.IsStatutory() ? ThresholdLevel.Targeted : ThresholdLevel.EarlyHelp, TestClock.UtcNow.AddMinutes(-5),
                Practitioner.FullName, "01632 960500, priya@mash.test", CancellationToken.None);
            await db.SaveChangesAsync();
        });
        return (caseId, reference);
    }

    /// <summary>As <see cref="DecidedCaseAsync"/>, with the feedback sent in the portal (waiting for the referrer).</summary>
    public async Task<(Guid CaseId, string Reference)> FeedbackSentAsync(PortalApp app)
    {
        var decided = await DecidedCaseAsync(app);
        await app.ExecuteDbContextAsync(async db =>
        {
            var feedback = await db.ReferrerFeedback.SingleAsync(f => f.CaseId == decided.CaseId);
            feedback.Send(FeedbackMethod.Portal, Practitioner.Id, TestClock.UtcNow.AddMinutes(-1));
            await db.SaveChangesAsync();
        });
        return decided;
    }

    public static uint HiddenVersion(string html)
    {
        var match = Regex.Match(html, "name=\"(?:Data\\.Version|version)\" value=\"(\\d+)\"");
        match.Success.ShouldBeTrue("the form should carry the version it was opened on");
        return uint.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string OpenedAt(string html) => WebUtility.HtmlDecode(Regex.Match(html, "name=\"Data\\.OpenedAt\" value=\"(\\d+)\"").Groups[1].Value);
}
