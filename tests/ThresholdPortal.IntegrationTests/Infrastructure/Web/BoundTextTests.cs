using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.IntegrationTests.Pages.Referrals;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Infrastructure.Web;

/// <summary>
/// Typed text is cleaned where it is bound (docs/decisions/0099): a NUL, another control character, a bidi override
/// or a lone surrogate is dropped, and the rest of what was typed is saved, in every form and every search.
/// </summary>
public sealed class BoundTextTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_agency_answer_with_a_nul_is_saved_without_it()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var requestId = await world.SendAsync(await App.SignInAsync(InformationRequestWorld.PractitionerEmail), "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);

        var response = await AgencyForms.AnswerAsync(police, requestId, summary: "Two incidents\0 at the address.",
            currentRisks: "Bail\u0001 conditions \u202Euntil March.");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
        var answer = (await world.RequestAsync(requestId)).Responses.ShouldHaveSingleItem();
        answer.InvolvementSummary.ShouldBe("Two incidents at the address.");
        answer.CurrentRisks.ShouldBe("Bail conditions until March.");
    }

    [Theory]
    [InlineData("/mash?reference=%00")]
    [InlineData("/mash?reference=%ED%A0%80")]
    [InlineData("/mash?tab=%00&reference=%E2%80%AEREF")]
    public async Task A_queue_search_with_a_nul_or_broken_text_shows_the_queue(string address)
    {
        var team = await App.MashTeamAsync();
        var practitioner = await App.SignInAsync(team.Practitioner.Email!);

        var response = await practitioner.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/admin/users?search=%00")]
    [InlineData("/admin/users?role=%00")]
    [InlineData("/admin/users?after=%00")]
    [InlineData("/admin/users?search=adm%00in&role=%00&after=%00")]
    public async Task A_user_search_with_a_nul_shows_the_list(string address)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();

        var response = await admin.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("admin@mash.test");
    }

    [Fact]
    public async Task A_form_with_a_nul_keeps_everything_else_that_was_typed()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();

        await journey.ShouldRedirectAsync("children/add", new()
        {
            ["Data.GivenName"] = "Jay\0den\u202E", ["Data.FamilyName"] = "\u2066Clarke\u2069",
        });

        var child = await OnlyChildAsync();
        (child.GivenName, child.FamilyName).ShouldBe(("Jayden", "Clarke"));
    }

    [Fact]
    public async Task A_url_encoded_form_with_raw_nul_and_broken_utf8_bytes_is_saved_cleaned()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        var token = Uri.EscapeDataString(await journey.TokenAsync("children/add"));
        var body = $"__RequestVerificationToken={token}&Data.GivenName=Jay%00den%ED%A0%80&Data.FamilyName=Cla%01rke";

        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await journey.Client.PostAsync(journey.Url("children/add"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
        var child = await OnlyChildAsync();
        child.GivenName.ShouldStartWith("Jayden");
        child.GivenName.ShouldNotContain("\0");
        child.FamilyName.ShouldBe("Clarke");
    }

    [Fact]
    public async Task A_file_name_with_a_right_to_left_override_is_stored_without_it()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();

        var response = await journey.UploadAsync(UploadForm.Pdf, "DASH\u202Efdp.exe");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.SingleAsync())).FileName.ShouldBe("DASHfdp.pdf");
    }

    [Fact]
    public async Task A_phone_contact_with_a_nul_in_every_field_is_recorded_cleaned()
    {
        var team = await App.MashTeamAsync();
        var practitioner = await App.SignInAsync(team.Practitioner.Email!);
        var form = ContactForms.PhoneCall("Mi\0a", "Her\0 mother called\u202E to say she was hit.", "Neglect");

        var response = await Forms.PostAsync(practitioner, ContactForms.Url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(response));
        response.Headers.Location!.OriginalString.ShouldStartWith("/mash/cases/");
        var child = await OnlyChildAsync();
        child.GivenName.ShouldBe("Mia");
        var referral = await App.ExecuteDbContextAsync(db => db.Referrals.AsNoTracking().SingleAsync());
        referral.Concerns.WhatHappened.ShouldBe("Her mother called to say she was hit.");
    }

    private async Task<Domain.Referrals.ReferralChild> OnlyChildAsync() =>
        (await App.ExecuteDbContextAsync(db => db.Referrals.AsNoTracking().Include(r => r.Children).SingleAsync())).Children.Single();
}
