using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>A referrer deletes their own draft, with everything in it; nobody else can, and a sent referral cannot be (issue 19).</summary>
public sealed class DeleteDraftTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_author_deletes_a_draft_with_its_children_adults_and_attachments_after_confirming()
    {
        var author = await App.SignedInReferrerAsync();
        await author.StartAsync();
        await author.ScreenAsync();
        await author.AddChildAsync("Jayden", "Clarke", "basic-care-3a");
        await author.AdultAsync();
        (await author.UploadAsync(UploadForm.Pdf, "DASH.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var confirm = await author.Client.GetStringAsync(author.Url("delete"));
        confirm.ShouldContain("Are you sure you want to delete this draft referral?");
        confirm.ShouldContain("Jayden Clarke");
        (await author.Client.GetStringAsync($"/referrals/draft/{author.DraftId}")).ShouldContain(author.Url("delete"));
        var deleted = await Forms.PostAsync(author.Client, author.Url("delete"), []);

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.ShouldBe("/referrals");
        (await author.Client.GetStringAsync("/referrals")).ShouldContain("Your draft referral has been deleted");
        await App.ExecuteDbContextAsync(async db =>
        {
            (await db.Referrals.CountAsync()).ShouldBe(0);
            (await db.Set<ThresholdPortal.Domain.Referrals.ReferralChild>().CountAsync()).ShouldBe(0);
            (await db.Set<ThresholdPortal.Domain.Referrals.SignificantAdult>().CountAsync()).ShouldBe(0);
            (await db.ReferralAttachments.CountAsync()).ShouldBe(0);
        });
        var audit = (await App.AuditAsync()).Single(e => e.Action == CaseEvents.ReferralDraftDeleted);
        audit.SubjectId.ShouldBe(author.DraftId.ToString());
        audit.Detail.ShouldBe("1 child(ren), 1 adult(s), 1 attachment(s)");
        (await author.Client.GetAsync(author.Url("delete"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "it is gone");
    }

    [Fact]
    public async Task Another_referrer_cannot_see_or_delete_the_draft()
    {
        var author = await App.SignedInReferrerAsync("author@school.test");
        await author.StartAsync();
        var intruder = await App.SignedInReferrerAsync("intruder@elsewhere.test");
        var token = await Forms.TokenAsync(intruder.Client, "/referrals/new");

        (await intruder.Client.GetAsync(author.Url("delete"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await intruder.Client.PostAsync(author.Url("delete"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync(r => r.Id == author.DraftId))).ShouldBe(1);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == CaseEvents.ReferralDraftDeleted);
    }

    [Fact]
    public async Task A_sent_referral_cannot_be_deleted()
    {
        var author = await App.SignedInReferrerAsync();
        await author.CompleteAsync();
        var reference = await author.SubmitForReferenceAsync();

        (await author.Client.GetAsync(author.Url("delete"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync(r => r.Reference == reference))).ShouldBe(1);
    }
}
