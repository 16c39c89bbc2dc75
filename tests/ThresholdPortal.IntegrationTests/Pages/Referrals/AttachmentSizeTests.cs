using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Pages.Agency.Requests;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>
/// A file far over the page's request limit cannot be read at all: the form is shown again with the GOV.UK error on its
/// file field, not a bare 400, and nothing is stored.
/// </summary>
public sealed class AttachmentSizeTests(PortalApp app) : IntegrationTest(app)
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [Fact]
    public async Task A_50_mb_referral_attachment_is_refused_with_the_size_error_on_the_form()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var huge = new byte[FiftyMegabytes];
        UploadForm.Pdf.CopyTo(huge, 0);

        var response = await journey.UploadAsync(huge, "scan.pdf", description: "The whole file");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = response.Headers.Location!.OriginalString;
        back.ShouldBe($"{journey.Url("attachments")}?upload=too-large");
        var page = await journey.Client.GetAsync(back);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<title>Error: ");
        html.ShouldContain("<a href=\"#Data_File\">The selected file must be smaller than 10 MB</a>");
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_agency_answer_far_over_the_limit_is_refused_with_the_size_error_on_the_form()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        var huge = new byte[AnswerModel.RequestLimitBytes + (1024 * 1024)];
        AgencyForms.Pdf.CopyTo(huge, 0);

        var response = await AgencyForms.AnswerAsync(police, requestId, files: ("chronology.pdf", huge));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await police.GetStringAsync(response.Headers.Location!.OriginalString);
        html.ShouldContain("The selected file must be smaller than 10 MB");
        (await world.RequestAsync(requestId)).Responses.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_size_error_is_shown_only_to_a_page_with_a_file_field()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();

        var html = await journey.Client.GetStringAsync($"{journey.Url("concerns")}?upload=too-large");

        html.ShouldNotContain("govuk-error-summary");
    }
}
