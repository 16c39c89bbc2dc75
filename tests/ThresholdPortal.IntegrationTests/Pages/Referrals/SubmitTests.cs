using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

public sealed class SubmitTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_complete_referral_is_sent_with_a_reference_receipt_time_and_an_audit_event()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();

        var reference = await journey.SubmitForReferenceAsync();

        ReferralReference.IsWellFormed(reference).ShouldBeTrue();
        reference.ShouldStartWith($"NS-{TestClock.UtcNow.Year}-");
        var referral = await App.ExecuteDbContextAsync(db => db.Referrals.Include(r => r.Children).SingleAsync());
        referral.Status.ShouldBe(ReferralStatus.Submitted);
        referral.Reference.ShouldBe(reference);
        referral.SubmittedAt.ShouldNotBeNull().ShouldBeGreaterThan(TestClock.UtcNow.AddMinutes(-1));
        referral.ReferralSourceCode.ShouldBe("2A");
        referral.SuggestedLevel.ShouldBe(ThresholdLevel.Targeted);
        referral.ChosenLevel.ShouldBe(ThresholdLevel.Targeted);
        referral.Kind.ShouldBe(ReferralKind.MashReferral);
        referral.Children.Count.ShouldBe(2);
        var audit = await App.ExecuteDbContextAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "referral.submitted"));
        audit.SubjectId.ShouldBe(referral.Id.ToString());
        audit.Detail!.ShouldContain(reference);

        var confirmation = await journey.Client.GetStringAsync($"/referrals/{reference}/confirmation");
        confirmation.ShouldContain("govuk-panel--confirmation");
        confirmation.ShouldContain(reference);
    }

    [Fact]
    public async Task Sending_twice_gives_the_same_reference_and_one_referral()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();

        var token = await journey.TokenAsync("check-answers");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };

        // The second post is the browser sending the same page again (a double click, or back and resend).
        var first = await journey.Client.PostAsync(journey.Url("check-answers"), new FormUrlEncodedContent(form));
        var second = await journey.Client.PostAsync(journey.Url("check-answers"), new FormUrlEncodedContent(form));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(1);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == "referral.submitted"))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_several_times_at_once_gives_one_reference_and_one_referral()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        var token = await journey.TokenAsync("check-answers");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => journey.Client.PostAsync(journey.Url("check-answers"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        responses.Select(r => r.Headers.Location!.ToString()).Distinct().Count().ShouldBe(1);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync(r => r.Status == ReferralStatus.Submitted))).ShouldBe(1);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == "referral.submitted"))).ShouldBe(1);
    }

    /// <summary>
    /// A change to the draft that commits while the send waits for the draft's lock (the referrer adding a child in another
    /// tab) is read by the send. The child added here has no details yet, so the send must stop and ask for them: a send
    /// that read the children as they were before its wait would go out without them.
    /// </summary>
    [Fact]
    public async Task A_child_added_while_the_send_waits_for_the_draft_is_read_by_the_send()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        var token = await journey.TokenAsync("check-answers");

        var response = await App.ExecuteDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var draft = await db.Referrals.Include(r => r.Children).SingleAsync(r => r.Id == journey.DraftId);
            var child = new ReferralChild
            {
                ReferralId = draft.Id, Order = draft.Children.Max(c => c.Order) + 1, GivenName = "Mia", FamilyName = "Clarke",
            };
            db.ReferralChildren.Add(child);
            draft.UpdatedAt = TestClock.UtcNow;
            await db.SaveChangesAsync();
            var send = journey.Client.PostAsync(journey.Url("check-answers"),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            await WaitForALockWaitAsync();
            await transaction.CommitAsync();
            return await send;
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldContain("Complete the section: about the children");
        var referral = await App.ExecuteDbContextAsync(db => db.Referrals.Include(r => r.Children).SingleAsync());
        referral.Status.ShouldBe(ReferralStatus.Draft);
        referral.Children.Count.ShouldBe(3);
    }

    /// <summary>Waits until a session of the test database waits for a row lock: the send, held at the draft.</summary>
    private Task WaitForALockWaitAsync() => Eventually.HoldsAsync(async () => await App.ExecuteDbContextAsync(db =>
        db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
            """).SingleAsync()) > 0, within: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_sent_referral_can_no_longer_be_changed_through_its_draft_pages()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        await journey.SubmitForReferenceAsync();

        (await journey.Client.GetAsync(journey.Url("concerns"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await Forms.TokenAsync(journey.Client, "/referrals/new");
        var change = await journey.Client.PostAsync(journey.Url("concerns"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Data.WhatHappened"] = "Changed after sending", ["Data.RiskFactors"] = "x", ["Data.ProtectiveFactors"] = "x",
                ["Data.ExpectedOutcome"] = "x",
        }));

        change.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Concerns.WhatHappened.ShouldBe(ReferralJourney.GoodConcerns);
    }

    [Fact]
    public async Task An_incomplete_draft_is_not_sent_and_the_error_summary_names_the_sections_to_finish()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Jayden", "Clarke", "basic-care-3a");

        var response = await journey.SubmitAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Forms.ErrorSummary(await response.Content.ReadAsStringAsync());
        errors.ShouldContain("Complete the section: check the threshold level");
        errors.ShouldContain("Complete the section: the concerns");
        errors.ShouldContain("Complete the section: consent and communication");
        var draft = await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync());
        draft.Status.ShouldBe(ReferralStatus.Draft);
        draft.Reference.ShouldBeNull();
    }

    [Fact]
    public async Task Quality_flags_still_raised_when_sent_are_stored_for_insights()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        await journey.ConcernsAsync(whatHappened: ReferralJourney.GoodConcerns + " She is now under a TYZ.", analysis: "Worried.");
        await journey.ChooseLevelAsync("Specialist");

        var page = WebUtility.HtmlDecode(await journey.Client.GetStringAsync(journey.Url("check-answers")));
        page.ShouldContain("Explain this term: “TYZ”");
        page.ShouldContain($"href=\"/referrals/draft/{journey.DraftId}/concerns?from=check#Data_WhatHappened\"");
        page.ShouldContain($"href=\"/referrals/draft/{journey.DraftId}/concerns?from=check#Data_Analysis\"");
        await journey.SubmitForReferenceAsync();

        var flags = await App.ExecuteDbContextAsync(db => db.Referrals.SelectMany(r => r.QualityFlags).ToListAsync());
        flags.ShouldContain(f => f.Kind == Domain.Referrals.Quality.QualityFlagKind.UnknownTerm && f.Term == "TYZ");
        flags.ShouldContain(f => f.Kind == Domain.Referrals.Quality.QualityFlagKind.LevelDiffersWithoutAnalysis);
    }

    [Fact]
    public async Task The_referral_source_code_comes_from_the_referring_organisation()
    {
        var police = await App.CreateOrganisationAsync("Northshire Police", Domain.Organisations.OrganisationKind.Police);
        var journey = await App.SignedInReferrerAsync("officer@police.test", police);
        await journey.CompleteAsync();

        await journey.SubmitForReferenceAsync();

        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).ReferralSourceCode.ShouldBe("6");
    }

    [Fact]
    public async Task An_early_help_request_needs_the_familys_agreement()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Ollie", "Brennan", "guidance-2a");
        await journey.ChooseLevelAsync("EarlyHelp");
        await journey.ShouldRedirectAsync("early-help", new() { ["Data.Choice"] = "SendEarlyHelpRequest" });

        var refused = await journey.PostAsync("consent", new()
        {
            ["Data.Decision"] = "NotSought",
            ["Data.NotSoughtReason"] = "Not asked yet.",
            ["Data.SharingBasis"] = "Consent",
        });

        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("Early help needs the family's agreement");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Consent.Decision.ShouldBeNull();
        await journey.ConsentAsync(decision: "Obtained", basis: "Consent");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Consent.Decision.ShouldBe(ConsentDecision.Obtained);
    }
}
