using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

public sealed partial class CaseTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset Received = TestClock.UtcNow.AddHours(-3);

    [Fact]
    public async Task A_practitioner_claims_and_rates_a_case_and_the_timeline_and_rating_history_show_who_did_what()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received));
        var client = await App.SignInAsync(team.Practitioner.Email!);

        await PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}", new(), handler: "Claim");
        var rated = await PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/rating",
            new() { ["Data.Rating"] = "Amber", ["Data.Reason"] = "Bruising with an account of harm." });
        rated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/rating",
            new() { ["Data.Rating"] = "Red", ["Data.Reason"] = "Police report of a disclosure." });

        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.Include(c => c.RatingHistory).SingleAsync());
        stored.Status.ShouldBe(MashCaseStatus.Screening);
        stored.AssignedToUserId.ShouldBe(team.Practitioner.Id);
        stored.Rating.ShouldBe(BragRating.Red);
        // PostgreSQL keeps microseconds, .NET ticks of 100 ns.
        stored.DecisionDueAt!.Value.ShouldBe(App.Scoped<DecisionClock>().DeadlineFor(Received, BragRating.Red)!.Value,
            TimeSpan.FromMilliseconds(1));
        stored.RatingHistory.OrderBy(r => r.RatedAt).Select(r => (r.Rating, r.PreviousRating, r.Reason)).ShouldBe(
            [(BragRating.Amber, (BragRating?)null, "Bruising with an account of harm."),
                (BragRating.Red, BragRating.Amber, "Police report of a disclosure.")]);

        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}"));
        page.ShouldContain("Police report of a disclosure.");
        page.ShouldContain("was Amber");
        var timeline = page[page.IndexOf("Timeline", StringComparison.Ordinal)..];
        timeline.ShouldContain("BRAG rating recorded Red (was Amber)");
        timeline.ShouldContain("BRAG rating recorded Amber");
        timeline.ShouldContain("Claimed By Test priya");
        timeline.ShouldContain("Received by the MASH");
        timeline.ShouldContain("Case viewed");
    }

    [Fact]
    public async Task The_timeline_folds_a_run_of_one_persons_views_into_one_line_and_the_audit_trail_keeps_every_view()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received));
        var priya = await App.SignInAsync(team.Practitioner.Email!);
        var sam = await App.SignInAsync(team.Colleague.Email!);
        var address = $"/mash/cases/{mashCase.Id}";
        for (var view = 0; view < 3; view++)
        {
            await priya.GetStringAsync(address);
        }

        await sam.GetStringAsync(address);
        var page = MashTestData.Text(await priya.GetStringAsync(address));

        // Newest first: Priya's view now, Sam's, then Priya's first three as one line.
        var timeline = page[page.IndexOf("Timeline", StringComparison.Ordinal)..];
        Regex.Matches(timeline, "Case viewed").Select(m => timeline[m.Index..].Split(',')[0]).ShouldBe(
            ["Case viewed Test priya", "Case viewed Test sam", "Case viewed (3 times) Test priya"]);
        var caseSubject = mashCase.Id.ToString();
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == CaseEvents.Viewed && e.SubjectId == caseSubject)))
            .ShouldBe(5);
    }

    [Fact]
    public async Task A_rating_without_a_reason_is_refused_with_the_error_summary()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received) { AssignedTo = team.Practitioner });
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var response = await PostCaseFormAsync(client, $"/mash/cases/{mashCase.Id}/rating",
            new() { ["Data.Rating"] = "Amber", ["Data.Reason"] = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Say why you gave this rating");
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).Rating.ShouldBeNull();
    }

    [Fact]
    public async Task The_second_of_two_practitioners_saving_the_same_case_is_told_what_changed_and_nothing_is_overwritten()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received) { AssignedTo = team.Practitioner });
        var priya = await App.SignInAsync(team.Practitioner.Email!);
        var sam = await App.SignInAsync(team.Colleague.Email!);
        var address = $"/mash/cases/{mashCase.Id}/rating";

        // Both open the rating form on the same version of the case.
        var priyasForm = await FormAsync(priya, address);
        var samsForm = await FormAsync(sam, address);
        (await SubmitAsync(priya, address, priyasForm, new() { ["Data.Rating"] = "Amber", ["Data.Reason"] = "Priya's reason." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = await SubmitAsync(sam, address, samsForm, new() { ["Data.Rating"] = "Green", ["Data.Reason"] = "Sam's reason." });

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = MashTestData.Text(await second.Content.ReadAsStringAsync());
        text.ShouldContain("This case changed since you opened it");
        text.ShouldContain("BRAG rating recorded: Amber by Test priya");
        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.Include(c => c.RatingHistory).SingleAsync());
        stored.Rating.ShouldBe(BragRating.Amber);
        stored.RatingHistory.Select(r => r.Reason).ShouldBe(["Priya's reason."]);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == CaseEvents.Rated))).ShouldBe(1);

        // Having seen the change, Sam can make theirs on the new version.
        var again = await SubmitAsync(sam, address, await FormAsync(sam, address),
            new() { ["Data.Rating"] = "Green", ["Data.Reason"] = "Sam's reason, after reading Priya's." });
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).Rating.ShouldBe(BragRating.Green);
    }

    /// <summary>
    /// Run as a command runs, inside <see cref="TransactionBehaviour{TRequest,TResponse}"/>'s transaction, which takes no
    /// savepoint of EF's: the lost save is rolled back to its own savepoint (LostRace.SaveAsync), so the conflict is read
    /// inside the same transaction and its commit keeps nothing of the lost save (docs/decisions/0147).
    /// </summary>
    [Fact]
    public async Task A_save_racing_another_between_its_read_and_its_write_is_refused_by_xmin_and_leaves_no_trace()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received));
        await using var first = App.Services.CreateAsyncScope();
        await using var second = App.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<Web.Infrastructure.Data.PortalDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<Web.Infrastructure.Data.PortalDbContext>();
        var claim = new Web.Pages.Mash.Cases.DetailsModel.Claim()
            .Stamp(mashCase.Id, mashCase.Version, TestClock.UtcNow.AddMinutes(-1).UtcTicks);

        // Both read the same version; the second saves between the first's read and its write.
        var stepped = false;
        var result = await new TransactionBehaviour<Web.Pages.Mash.Cases.DetailsModel.Claim, CommandResult>(firstDb).Handle(claim,
            CancellationToken.None, () => CaseChanges.ChangeAsync(firstDb, claim, async mine =>
        {
            stepped = true;
            var theirs = await secondDb.MashCases.SingleAsync();
            theirs.Claim(team.Colleague.Id, TestClock.UtcNow);
            secondDb.AuditEvents.Add(new Web.Infrastructure.Auditing.AuditEvent
            {
                OccurredAt = TestClock.UtcNow, UserId = team.Colleague.Id, Action = CaseEvents.Claimed,
                    SubjectType = CaseEvents.SubjectType,
                SubjectId = mashCase.Id.ToString(), Detail = "By Test sam",
            });
            await secondDb.SaveChangesAsync();

            mine.AssignTo(team.Practitioner.Id, TestClock.UtcNow);
            firstDb.AuditEvents.Add(new Web.Infrastructure.Auditing.AuditEvent
            {
                OccurredAt = TestClock.UtcNow, UserId = team.Practitioner.Id, Action = CaseEvents.Assigned,
                    SubjectType = CaseEvents.SubjectType,
                SubjectId = mashCase.Id.ToString(),
            });
            return null;
        }, CancellationToken.None));

        stepped.ShouldBeTrue();
        firstDb.Database.CurrentTransaction.ShouldBeNull();
        var conflict = result.ShouldBeOfType<CommandResult.Conflict>();
        conflict.Changes.Single().ShouldBe(conflict.Changes.Single() with { What = "Claimed", Detail = "By Test sam", By = "Test sam" });
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).AssignedToUserId.ShouldBe(team.Colleague.Id);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == CaseEvents.Assigned))).ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_after_someone_else_claimed_is_a_conflict_not_a_silent_reassignment()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received));
        var priya = await App.SignInAsync(team.Practitioner.Email!);
        var sam = await App.SignInAsync(team.Colleague.Email!);
        var address = $"/mash/cases/{mashCase.Id}";
        var priyasPage = await FormAsync(priya, address);
        var samsPage = await FormAsync(sam, address);

        (await SubmitAsync(priya, address + "?handler=Claim", priyasPage, new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var late = await SubmitAsync(sam, address + "?handler=Claim", samsPage, new());

        MashTestData.Text(await late.Content.ReadAsStringAsync()).ShouldContain("Claimed: By Test priya");
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).AssignedToUserId.ShouldBe(team.Practitioner.Id);
    }

    [Fact]
    public async Task Every_view_and_download_is_in_the_access_log_which_the_database_will_not_let_anyone_change()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received));
        var attachmentId = await App.ExecuteDbContextAsync(async db =>
        {
            var attachment = new ReferralAttachment
            {
                ReferralId = mashCase.ReferralId, Kind = AttachmentKind.Dash, FileName = "dash.pdf", ContentType = "application/pdf",
                    SizeBytes = 9, UploadedAt = Received,
            };
            db.ReferralAttachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = "%PDF-1.4\n"u8.ToArray() });
            await db.SaveChangesAsync();
            return attachment.Id;
        });
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var page = await client.GetStringAsync($"/mash/cases/{mashCase.Id}");
        page.ShouldContain($"/mash/cases/{mashCase.Id}/attachments/{attachmentId}");
        var download = await client.GetAsync($"/mash/cases/{mashCase.Id}/attachments/{attachmentId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe("%PDF-1.4\n"u8.ToArray());
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        var logged = await App.ExecuteDbContextAsync(db =>
            db.AuditEvents.Where(e => e.SubjectType == CaseEvents.SubjectType && e.SubjectId == mashCase.Id.ToString())
            .OrderBy(e => e.Id).ToListAsync());
        logged.Select(e => e.Action).ShouldContain(CaseEvents.Viewed);
        logged.Single(e => e.Action == CaseEvents.AttachmentDownloaded).Detail.ShouldBe($"Attachment {attachmentId}");
        logged.Where(e => e.Action is CaseEvents.Viewed or CaseEvents.AttachmentDownloaded)
            .ShouldAllBe(e => e.UserId == team.Practitioner.Id);

        foreach (var sql in new[]
        {
            $"UPDATE \"AuditEvents\" SET \"UserId\" = NULL WHERE \"SubjectId\" = '{mashCase.Id}'",
            $"DELETE FROM \"AuditEvents\" WHERE \"SubjectId\" = '{mashCase.Id}' AND \"Action\" = 'case.viewed'",
        })
        {
            var refused = await Should.ThrowAsync<PostgresException>(() =>
                App.ExecuteDbContextAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            refused.MessageText.ShouldContain("append-only");
        }

        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == mashCase.Id.ToString())))
            .ShouldBe(logged.Count);
    }

    [Fact]
    public async Task A_manager_sees_the_access_log_and_a_practitioner_may_not()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received));
        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        await practitioner.GetStringAsync($"/mash/cases/{mashCase.Id}");
        var manager = await App.SignInAsync(team.Manager.Email!);

        (await practitioner.GetAsync($"/mash/cases/{mashCase.Id}/access-log")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await practitioner.GetStringAsync($"/mash/cases/{mashCase.Id}")).ShouldNotContain("See who has accessed this case");
        var log = MashTestData.Text(await manager.GetStringAsync($"/mash/cases/{mashCase.Id}/access-log"));

        log.ShouldContain("Case viewed");
        log.ShouldContain("priya@mash.test");
        log.ShouldContain(CaseEvents.AccessLogViewed);
        (await App.ExecuteDbContextAsync(db =>
            db.AuditEvents.CountAsync(e => e.Action == CaseEvents.AccessLogViewed && e.UserId == team.Manager.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Progressing_to_mash_checks_needs_a_rating_and_closing_at_contact_keeps_the_reason_and_advice()
    {
        var team = await App.MashTeamAsync();
        var unrated = await App.AddCaseAsync(team, new CaseSeed(Received) { AssignedTo = team.Practitioner });
        var toClose = await App.AddCaseAsync(team, new CaseSeed(Received.AddMinutes(1)) { AssignedTo = team.Practitioner });
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var refused = await PostCaseFormAsync(client, $"/mash/cases/{unrated.Id}/outcome",
            new() { ["Data.Outcome"] = "ProgressToMashChecks" });
        MashTestData.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Rate the case before progressing it");
        var missingAdvice = await PostCaseFormAsync(client, $"/mash/cases/{toClose.Id}/outcome",
            new() { ["Data.Outcome"] = "ClosedAtContact", ["Data.ClosureReason"] = "InformationOnly" });
        MashTestData.Text(await missingAdvice.Content.ReadAsStringAsync()).ShouldContain("Record the advice given, and to whom");

        var closed = await PostCaseFormAsync(client, $"/mash/cases/{toClose.Id}/outcome", new()
        {
            ["Data.Outcome"] = "ClosedAtContact",
            ["Data.ClosureReason"] = "AdviceAndSignposting",
            ["Data.AdviceGiven"] = "Told the caller about the Northtown family hub.",
        });

        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == toClose.Id));
        stored.Status.ShouldBe(MashCaseStatus.Decided);
        stored.ContactOutcome.ShouldBe(ContactOutcome.ClosedAtContact);
        stored.ClosureReason.ShouldBe(ContactClosureReason.AdviceAndSignposting);
        stored.AdviceGiven.ShouldBe("Told the caller about the Northtown family hub.");
        stored.ClosedAt.ShouldNotBeNull();
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync(c => c.Id == unrated.Id)))
            .Status.ShouldBe(MashCaseStatus.Screening);
    }

    [Fact]
    public async Task A_case_can_be_handed_to_a_colleague_but_not_to_someone_outside_the_mash()
    {
        var team = await App.MashTeamAsync();
        var mashCase = await App.AddCaseAsync(team, new CaseSeed(Received) { AssignedTo = team.Practitioner });
        var referrer = await App.CreateUserAsync("teacher@school.test", team.School, Domain.Accounts.PortalRole.Referrer);
        var manager = await App.SignInAsync(team.Manager.Email!);

        var refused = await PostCaseFormAsync(manager, $"/mash/cases/{mashCase.Id}/assign",
            new() { ["Data.UserId"] = referrer.Id.ToString() });
        MashTestData.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Select someone who works in the MASH");
        var handed = await PostCaseFormAsync(manager, $"/mash/cases/{mashCase.Id}/assign",
            new() { ["Data.UserId"] = team.Colleague.Id.ToString() });

        handed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync())).AssignedToUserId.ShouldBe(team.Colleague.Id);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.SingleAsync(e => e.Action == CaseEvents.Assigned)))
            .Detail.ShouldBe("To Test sam");
    }

    /// <summary>The hidden fields and antiforgery token of the page's form, as a browser would hold them.</summary>
    internal static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string address)
    {
        var html = await client.GetStringAsync(address);
        var fields = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(html))
        {
            fields[hidden.Groups[1].Value] = WebUtility.HtmlDecode(hidden.Groups[2].Value);
        }

        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        token.Success.ShouldBeTrue($"{address} should have a form");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return fields;
    }

    internal static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string address, Dictionary<string, string> form,
        Dictionary<string, string> answers)
    {
        var fields = new Dictionary<string, string>(form);
        foreach (var (key, value) in answers)
        {
            fields[key] = value;
        }

        return await client.PostAsync(address, new FormUrlEncodedContent(fields));
    }

    /// <summary>Opens the page and sends its form with the answers given.</summary>
    internal static async Task<HttpResponseMessage> PostCaseFormAsync(HttpClient client, string address, Dictionary<string, string> answers,
        string? handler = null) =>
        await SubmitAsync(client, handler is null ? address : $"{address}?handler={handler}", await FormAsync(client, address), answers);

    [GeneratedRegex("<input type=\"hidden\" name=\"(Data\\.[A-Za-z]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
