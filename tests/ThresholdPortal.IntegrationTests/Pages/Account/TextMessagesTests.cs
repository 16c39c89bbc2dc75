using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.Account;

/// <summary>A referrer's own mobile number for "feedback is ready" texts, offered only through Notify (docs/decisions/0111).</summary>
public sealed class TextMessagesTests(PortalApp app) : IntegrationTest(app)
{
    private const string Page = "/account/text-messages";

    [Fact]
    public async Task A_referrer_sets_a_uk_mobile_number_and_stops_texts_and_a_wrong_number_stores_nothing()
    {
        var referrer = await ReferrerAsync();
        await using var notify = App.WithWebHostBuilder(NotifyMode);
        var client = notify.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler());
        await PortalApp.SignInAsync(client, referrer.Email!);

        var refused = await Forms.PostAsync(client, Page, new() { ["Data.MobileNumber"] = "01632 960000" });
        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("Enter a UK mobile number, starting 07 or +44 7");
        (await NumberAsync(referrer.Id)).ShouldBeNull();

        (await Forms.PostAsync(client, Page, new() { ["Data.MobileNumber"] = "07700 900982" })).Headers.Location!.ToString()
            .ShouldBe("/account");
        (await NumberAsync(referrer.Id)).ShouldBe("+447700900982");
        (await client.GetStringAsync("/account")).ShouldContain("You get a text message on 07700 900982");

        await Forms.PostAsync(client, Page, new() { ["Data.Stop"] = "true" });
        (await NumberAsync(referrer.Id)).ShouldBeNull();
        (await App.AuditAsync()).Where(e => e.SubjectId == referrer.Id.ToString()).Select(e => e.Action)
            .ShouldBe([AccountEvents.TextMessagesNumberSet, AccountEvents.TextMessagesStopped]);
    }

    [Fact]
    public async Task Without_notify_texts_are_not_offered_and_a_number_is_refused()
    {
        var referrer = await ReferrerAsync();
        var client = await App.SignInAsync(referrer.Email!);

        var page = await client.GetStringAsync(Page);
        page.ShouldContain("Text messages are not available");
        page.ShouldNotContain("<form method=\"post\"");
        // A post made anyway (the antiforgery token is the session's, taken from another page) is refused too.
        var token = await Forms.TokenAsync(client, "/account/change-password");
        var refused = await client.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Data.MobileNumber"] = "07700 900982",
        }));

        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain("Text messages are not available");
        (await NumberAsync(referrer.Id)).ShouldBeNull();
    }

    private static void NotifyMode(IWebHostBuilder builder)
    {
        builder.UseSetting("Email:Mode", "Notify");
        builder.UseSetting("Email:Notify:ApiKey", NotifyContractFake.ApiKey);
        // Nothing is sent here (the outbox stays empty); every kind needs a template id for the settings to start.
        foreach (var template in EmailTemplate.All)
        {
            builder.UseSetting($"Email:Notify:Templates:{template.Name}", Guid.NewGuid().ToString());
        }
    }

    private async Task<Web.Infrastructure.Identity.PortalUser> ReferrerAsync()
    {
        var school = await App.CreateOrganisationAsync("Hilltop School", OrganisationKind.School, "school.test");
        return await App.CreateUserAsync("teacher@school.test", school, PortalRole.Referrer);
    }

    private Task<string?> NumberAsync(Guid userId) =>
        App.ExecuteDbContextAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TextMessagesTo).SingleAsync());
}
