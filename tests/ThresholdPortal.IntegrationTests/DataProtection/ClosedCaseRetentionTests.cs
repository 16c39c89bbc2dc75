using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.IntegrationTests.Pages.EarlyHelp;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.IntegrationTests.Pages.Insights;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;

namespace ThresholdPortal.IntegrationTests.DataProtection;

/// <summary>
/// Closed cases by outcome, information requests and agency answers leave by the retention schedule (issue 19, item 1;
/// docs/decisions/0124): counted in a dry run, then removed in batches with everything about them, through the database's
/// own functions, while the append-only rule still refuses the application's role.
/// </summary>
public sealed class ClosedCaseRetentionTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Closed_cases_go_by_outcome_with_their_requests_answers_decisions_feedback_and_links_and_open_work_stays()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        var answered = await AgencyForms.AnswerAsync(police, requestId, files: ("chronology.pdf", AgencyForms.Pdf));
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(answered));
        var manager = await App.CreateUserAsync("martin@mash.test", world.Mash, PortalRole.MashManager);
        var team = new MashTeam(world.Mash, world.School, world.Practitioner, world.Practitioner, manager);
        var statutory = await BackdateAsync(world.CaseId, TestClock.UtcNow.AddYears(-7));
        await InsightsWorld.DecideAsync(App, team, statutory, DecisionOutcome.ChildAndFamilyAssessment, ThresholdLevel.Specialist,
            BragRating.Amber, PrimaryNeed.N1AbuseOrNeglect, ["2A"], TimeSpan.FromDays(1), TimeSpan.FromHours(2), EscalationResult.Upheld);
        var noFurtherAction = await App.AddCaseAsync(team,
            new CaseSeed(TestClock.UtcNow.AddYears(-8)) { AssignedTo = world.Practitioner, CloseAtContact = true });
        var person = await App.AddKnownPersonAsync(new TestChild("Test", "Child", new DateOnly(2016, 1, 1)), earlierCase: noFurtherAction);
        var stillOpen = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddYears(-8)) { AssignedTo = world.Practitioner });
        var recent = await App.AddCaseAsync(team,
            new CaseSeed(TestClock.UtcNow.AddMonths(-2)) { AssignedTo = world.Practitioner, CloseAtContact = true });

        await Job(dryRun: true).RunAsync(CancellationToken.None);
        (await App.AuditAsync()).Single(e => e.Action == RetentionSweep.DryRun).Detail.ShouldNotBeNull().ShouldContain(
            "Cases closed with no further action: 1; Cases stepped down to early help: 0; Early help requests the hub has closed: 0; " +
            "Cases handed to social care: 1; Information requests: 1; Attachments to referrals and answers: 1");
        (await App.ExecuteDbContextAsync(db => db.MashCases.CountAsync())).ShouldBe(4, "a dry run removes nothing");

        var done = await Job(dryRun: false, batchSize: 1).RunAsync(CancellationToken.None);

        (done.Cases, done.InformationRequests, done.Attachments).ShouldBe((2, 1, 1),
            "each by its own period: the answer's attachment, the request with its answer, then the cases, oldest first");
        (await App.ExecuteDbContextAsync(db => db.MashCases.Select(c => c.Id).ToListAsync()))
            .ShouldBe([stillOpen.Id, recent.Id], ignoreOrder: true);
        var left = await App.ExecuteDbContextAsync(async db => new[]
        {
            await db.InformationRequests.CountAsync(), await db.InformationResponses.CountAsync(),
            await db.InformationResponseAttachments.CountAsync(), await db.InformationResponseAttachmentContents.CountAsync(),
            await db.CaseDecisions.CountAsync(), await db.ReferrerFeedback.CountAsync(), await db.Escalations.CountAsync(),
            await db.PersonLinks.CountAsync(),
            await db.Referrals.CountAsync(r => r.Id == statutory.ReferralId || r.Id == noFurtherAction.ReferralId),
            await db.ReferralChildren.CountAsync(c => c.ReferralId == statutory.ReferralId || c.ReferralId == noFurtherAction.ReferralId),
        });
        left.ShouldAllBe(count => count == 0);
        (await App.ExecuteDbContextAsync(db => db.Persons.AnyAsync(p => p.Id == person.Id)))
            .ShouldBeTrue("the council's record of a person is not the portal's to remove");
        (await App.AuditAsync()).Single(e => e.Action == RetentionSweep.Applied).Detail.ShouldNotBeNull()
            .ShouldContain("1 attachment(s), 0 account(s) erased, 2 closed case(s) and early help request(s), 1 information request(s)");
    }

    [Fact]
    public async Task A_stepped_down_case_waits_for_its_early_help_to_end_and_an_early_help_request_goes_when_the_hub_closed_it_long_ago()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (earlyHelpId, steppedDown, _) = await world.SteppedDownAsync(App);
        await BackdateAsync(steppedDown, TestClock.UtcNow.AddYears(-7), decided: true);
        var referrer = await App.SignInAsync("rachel@school.test");
        var old = await EarlyHelpWorld.EarlyHelpRequestAsync(referrer);
        var kept = await EarlyHelpWorld.EarlyHelpRequestAsync(referrer);
        await CloseEarlyHelpAsync(App, old, TestClock.UtcNow.AddYears(-7));

        await Job(dryRun: true).RunAsync(CancellationToken.None);
        (await App.AuditAsync()).Single(e => e.Action == RetentionSweep.DryRun).Detail.ShouldNotBeNull().ShouldContain(
            "Cases stepped down to early help: 0; Early help requests the hub has closed: 1");

        (await Job(dryRun: false).RunAsync(CancellationToken.None)).Cases.ShouldBe(1, "the step-down's early help is still open");
        var steppedDownReferral = await App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == steppedDown)
            .Select(c => db.Referrals.Single(r => r.Id == c.ReferralId).Reference).SingleAsync());
        (await EarlyHelpReferralsAsync()).ShouldBe([steppedDownReferral, kept], ignoreOrder: true);

        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "EarlyHelpCases" SET "Status" = 'Closed', "ClosedAt" = {TestClock.UtcNow.AddYears(-6).AddMonths(-1)}
            WHERE "Id" = {earlyHelpId}
            """));
        (await Job(dryRun: false).RunAsync(CancellationToken.None)).Cases.ShouldBe(1);

        (await App.ExecuteDbContextAsync(db => db.MashCases.AnyAsync(c => c.Id == steppedDown))).ShouldBeFalse();
        (await App.ExecuteDbContextAsync(db => db.EarlyHelpStepDowns.CountAsync())).ShouldBe(0);
        (await EarlyHelpReferralsAsync()).ShouldBe([kept]);
    }

    [Fact]
    public async Task Agency_answers_stay_append_only_for_the_app_and_the_functions_keep_cases_for_at_least_a_year()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        (await AgencyForms.AnswerAsync(await App.SignInAsync(InformationRequestWorld.PoliceEmail), requestId)).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var flag = new NpgsqlCommand(
                "SELECT set_config('thresholdportal.retention', 'information-requests', true)", connection, transaction);
            await flag.ExecuteScalarAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM \"InformationResponses\"", connection, transaction);
            (await Should.ThrowAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).SqlState.ShouldBe("42501");
        }

        await using var helper = new NpgsqlCommand("SELECT retention_delete_information_requests(ARRAY[@id])", connection);
        helper.Parameters.AddWithValue("id", requestId);
        (await Should.ThrowAsync<PostgresException>(() => helper.ExecuteScalarAsync())).SqlState.ShouldBe("42501",
            "the helper that removes answers is the owner's alone");
        await using var tooRecent = new NpgsqlCommand(
            "SELECT retention_remove_closed_cases(@cutoff, @cutoff, @cutoff - interval '1 day', 100)", connection);
        tooRecent.Parameters.AddWithValue("cutoff", TestClock.UtcNow.AddMonths(-6));
        (await Should.ThrowAsync<PostgresException>(() => tooRecent.ExecuteScalarAsync())).MessageText
            .ShouldBe("closed cases are kept for at least a year");
        (await App.ExecuteDbContextAsync(db => db.InformationResponses.CountAsync())).ShouldBe(1);
    }

    private RetentionJob Job(bool dryRun, int batchSize = 500) => new(App.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new RetentionOptions { DryRun = dryRun, BatchSize = batchSize }), TestClock.Instance,
        NullLogger<RetentionJob>.Instance);

    /// <summary>Moves a case's receipt (and, when decided, its decision and closure) back to <paramref name="at"/>.</summary>
    private async Task<MashCase> BackdateAsync(Guid caseId, DateTimeOffset at, bool decided = false)
    {
        await App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "MashCases" SET "ReceivedAt" = {at},
                "DecidedAt" = CASE WHEN {decided} THEN {at.AddDays(1)} ELSE "DecidedAt" END,
                "ClosedAt" = CASE WHEN {decided} THEN {at.AddDays(1)} ELSE "ClosedAt" END
            WHERE "Id" = {caseId}
            """));
        return await App.ExecuteDbContextAsync(db => db.MashCases.AsNoTracking().SingleAsync(c => c.Id == caseId));
    }

    private static Task CloseEarlyHelpAsync(PortalApp app, string referralReference, DateTimeOffset at) =>
        app.ExecuteDbContextAsync(db => db.Database.ExecuteSqlAsync($"""
            UPDATE "EarlyHelpCases" e SET "Status" = 'Closed', "ReceivedAt" = {at.AddMonths(-2)}, "ClosedAt" = {at}
            FROM "Referrals" r WHERE r."Id" = e."ReferralId" AND r."Reference" = {referralReference}
            """));

    /// <summary>The references of the referrals the early help cases still stored came from.</summary>
    private Task<List<string?>> EarlyHelpReferralsAsync() => App.ExecuteDbContextAsync(db => db.EarlyHelpCases
        .Select(c => db.Referrals.Single(r => r.Id == c.ReferralId).Reference).ToListAsync());
}
