using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>Record-level access: a referrer sees their own referrals, colleagues' only where their organisation shares them.</summary>
public sealed class AccessTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Another_referrers_reference_is_not_found()
    {
        var (reference, _) = await SentReferralAsync(shared: false);
        var stranger = await App.SignedInReferrerAsync("stranger@other.test");

        (await stranger.Client.GetAsync($"/referrals/{reference}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/referrals/{reference}/confirmation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Client.GetStringAsync("/referrals")).ShouldNotContain(reference);
    }

    [Fact]
    public async Task The_referrer_sees_what_they_sent_with_its_attachment()
    {
        var (reference, author) = await SentReferralAsync(shared: false);

        var page = await author.Client.GetStringAsync($"/referrals/{reference}");

        page.ShouldContain(reference);
        page.ShouldContain("Jayden Clarke");
        page.ShouldContain("DASH.pdf");
        (await author.Client.GetStringAsync("/referrals")).ShouldContain(reference);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == "referral.viewed"))).ShouldBe(1);
    }

    [Fact]
    public async Task Colleagues_see_each_others_sent_referrals_only_when_the_organisation_shares_them()
    {
        var (reference, author) = await SentReferralAsync(shared: true);
        var organisationId = await App.ExecuteDbContextAsync(db =>
            db.Users.Where(u => u.Email == "teacher@school.test").Select(u => u.OrganisationId).SingleAsync());
        var organisation = await App.ExecuteDbContextAsync(db => db.Organisations.SingleAsync(o => o.Id == organisationId));
        var colleague = await App.SignedInReferrerAsync("colleague@school.test", organisation);

        (await colleague.Client.GetAsync($"/referrals/{reference}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await colleague.Client.GetStringAsync("/referrals");
        list.ShouldContain(reference);
        list.ShouldContain("Referred by");
        var attachment = await App.ExecuteDbContextAsync(db => db.ReferralAttachments.Select(a => a.Id).SingleAsync());
        (await colleague.Client.GetAsync($"/referrals/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Id == organisationId)).SharedReferralVisibility = false;
            await db.SaveChangesAsync();
        });
        (await colleague.Client.GetAsync($"/referrals/{reference}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.Client.GetAsync($"/referrals/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.Client.GetStringAsync("/referrals")).ShouldNotContain(reference);
        (await author.Client.GetAsync($"/referrals/{reference}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_draft_is_its_authors_alone_even_where_the_organisation_shares_referrals()
    {
        var school = await App.CreateOrganisationAsync("Sharing School", OrganisationKind.School);
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Id == school.Id)).SharedReferralVisibility = true;
            await db.SaveChangesAsync();
        });
        var author = await App.SignedInReferrerAsync("author@school.test", school);
        await author.StartAsync();
        await author.ScreenAsync();
        var childId = await author.AddChildAsync("Jayden", "Clarke", "basic-care-3a");
        (await author.UploadAsync(UploadForm.Pdf, "DASH.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var colleague = await App.SignedInReferrerAsync("colleague@school.test", school);

        foreach (var step in new[] { string.Empty, "/screening", "/concerns", $"/children/{childId}/details", "/check-answers",
            "/attachments" })
        {
            (await colleague.Client.GetAsync($"/referrals/draft/{author.DraftId}{step}"))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound, step);
        }

        var attachment = await App.ExecuteDbContextAsync(db => db.ReferralAttachments.Select(a => a.Id).SingleAsync());
        (await colleague.Client.GetAsync($"/referrals/attachments/{attachment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.Client.GetStringAsync("/referrals")).ShouldNotContain(author.DraftId.ToString());
    }

    [Fact]
    public async Task Posting_to_another_users_draft_is_not_found_and_changes_nothing()
    {
        var author = await App.SignedInReferrerAsync("author@school.test");
        await author.StartAsync();
        var intruder = await App.SignedInReferrerAsync("intruder@elsewhere.test");
        var token = await Forms.TokenAsync(intruder.Client, "/referrals/new");

        var response = await intruder.Client.PostAsync($"/referrals/draft/{author.DraftId}/screening",
            new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Data.ChildInImmediateDanger"] = "true",
            ["Data.Fgm"] = "Known",
            ["Data.Profession"] = "Teacher",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).ChildInImmediateDanger.ShouldBeNull();
    }

    [Fact]
    public async Task An_attachment_downloads_with_the_type_its_content_was_checked_to_be()
    {
        var (_, author) = await SentReferralAsync(shared: false);
        var attachment = await App.ExecuteDbContextAsync(db => db.ReferralAttachments.SingleAsync());

        var response = await author.Client.GetAsync($"/referrals/attachments/{attachment.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(UploadForm.Pdf);
        (await App.ExecuteDbContextAsync(db => db.AuditEvents.CountAsync(e => e.Action == "referral.attachment.downloaded"))).ShouldBe(1);
    }

    private async Task<(string Reference, ReferralJourney Author)> SentReferralAsync(bool shared)
    {
        var school = await App.CreateOrganisationAsync("School " + Guid.NewGuid().ToString("N")[..6], OrganisationKind.School);
        if (shared)
        {
            await App.ExecuteDbContextAsync(async db =>
            {
                (await db.Organisations.SingleAsync(o => o.Id == school.Id)).SharedReferralVisibility = true;
                await db.SaveChangesAsync();
            });
        }

        var author = await App.SignedInReferrerAsync("teacher@school.test", school);
        await author.CompleteAsync();
        (await author.UploadAsync(UploadForm.Pdf, "DASH.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (await author.SubmitForReferenceAsync(), author);
    }
}
