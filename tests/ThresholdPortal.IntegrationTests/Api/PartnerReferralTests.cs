using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Api;

/// <summary>POST /api/v1/referrals and GET /api/v1/referrals/{reference}: the pages' rules, one transaction, idempotent.</summary>
public sealed class PartnerReferralTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_partner_referral_is_stored_as_the_pages_would_and_reaches_the_mash_queue()
    {
        var api = await PoliceApiAsync();

        var response = await ApiTestData.SendReferralAsync(api, ApiTestData.GoodReferral());

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var receipt = await ApiTestData.JsonAsync(response);
        var reference = receipt["reference"]!.GetValue<string>();
        receipt["kind"]!.GetValue<string>().ShouldBe("mashReferral");
        receipt["chosenLevel"]!.GetValue<int>().ShouldBe(3);
        receipt["suggestedLevel"]!.GetValue<int>().ShouldBeInRange(1, 4);
        receipt["suggestionReasons"]!.AsArray().ShouldNotBeEmpty();
        receipt["qualityFlags"].ShouldBeOfType<JsonArray>();
        var stored = await App.ExecuteDbContextAsync(db => db.Referrals.AsNoTracking().Include(r => r.Children)
            .SingleAsync(r => r.Reference == reference));
        stored.Status.ShouldBe(ReferralStatus.Submitted);
        stored.Children.Select(c => c.GivenName).ShouldBe(["Jayden", "Maisie"], ignoreOrder: true);
        stored.Children.Single(c => c.GivenName == "Jayden").DateOfBirth.ShouldBe(new DateOnly(2017, 5, 3));
        stored.Referrer.Name.ShouldBe("PC Sam Patel");
        stored.Referrer.Email.ShouldBe("sam.patel@police.test");
        stored.Referrer.OrganisationName.ShouldBe("Northshire Police");
        stored.ReferralSourceCode.ShouldBe(OrganisationKind.Police.ReferralSource().Code);
        (await App.ExecuteDbContextAsync(db => db.MashCases.CountAsync(c => c.ReferralId == stored.Id)))
            .ShouldBe(1, "a referral to the MASH opens its case in the same transaction, as from the pages");
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_result_and_another_body_with_it_is_refused()
    {
        var api = await PoliceApiAsync();
        var key = Guid.NewGuid();

        var first = await ApiTestData.SendReferralAsync(api, ApiTestData.GoodReferral(), key);
        var again = await ApiTestData.SendReferralAsync(api, ApiTestData.GoodReferral(), key);
        var changed = ApiTestData.GoodReferral();
        changed["chosenLevel"] = 4;
        var different = await ApiTestData.SendReferralAsync(api, changed, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ApiTestData.JsonAsync(again))["reference"]!.GetValue<string>()
            .ShouldBe((await ApiTestData.JsonAsync(first))["reference"]!.GetValue<string>());
        different.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Two_sends_of_one_key_at_once_store_one_referral()
    {
        var api = await PoliceApiAsync();
        var key = Guid.NewGuid();

        var answers = await Task.WhenAll(ApiTestData.SendReferralAsync(api, ApiTestData.GoodReferral(), key),
            ApiTestData.SendReferralAsync(api, ApiTestData.GoodReferral(), key));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Every_wrong_answer_is_named_by_its_json_path_with_the_pages_words_and_nothing_is_stored()
    {
        var api = await PoliceApiAsync();
        var body = ApiTestData.GoodReferral();
        body["children"]![0]!["dateOfBirth"] = "2017-02-30";
        body["children"]![1]!["nhsNumber"] = "123 456 7890";
        body["children"]![1]!["indicators"] = new JsonArray("no-such-indicator");
        body["referrer"]!["email"] = "not an address";
        body["referrer"]!["phone"] = "call me";
        body["consent"]!["reason"] = null;
        body["concerns"]!["whatHappened"] = null;
        body["adults"]![0]!["livesWithChildren"] = null;
        body["chosenLevel"] = 9;

        var response = await ApiTestData.SendReferralAsync(api, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await ApiTestData.ErrorsAsync(response);
        errors.Keys.ShouldBe(["children[0].dateOfBirth", "children[1].nhsNumber", "children[1].indicators", "referrer.email",
            "referrer.phone", "consent.reason", "concerns.whatHappened", "adults[0].livesWithChildren", "chosenLevel"], ignoreOrder: true);
        errors["children[0].dateOfBirth"].ShouldContain(m => m.Contains("real date", StringComparison.Ordinal));
        errors["chosenLevel"].ShouldBe(["Select the level you are referring at"]);
        (await App.ExecuteDbContextAsync(db => db.Referrals.IgnoreQueryFilters().CountAsync()))
            .ShouldBe(0, "a refused referral leaves no draft, child or answer behind");
        (await App.ExecuteDbContextAsync(db => db.ReferralChildren.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Missing_sections_and_a_missing_idempotency_key_are_refused_as_problems()
    {
        var api = await PoliceApiAsync();

        var empty = await ApiTestData.SendReferralAsync(api, new JsonObject());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(ApiTestData.GoodReferral().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        var noKey = await api.SendAsync(request);

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiTestData.ErrorsAsync(empty)).Keys.ShouldBe(["screening", "referrer", "children", "concerns", "consent", "communication"],
            ignoreOrder: true);
        noKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiTestData.ErrorsAsync(noKey)).Keys.ShouldBe(["Idempotency-Key"]);
    }

    [Fact]
    public async Task An_organisation_reads_the_status_of_its_own_referrals_only()
    {
        var (administrator, _, _) = await App.SignInAsAdministratorAsync();
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        var probation = await App.CreateOrganisationAsync("Northshire Probation", OrganisationKind.Probation);
        var policeApi = await App.ApiClientAsync(await ApiTestData.RegisterApiClientAsync(administrator, police));
        var probationApi = await App.ApiClientAsync(await ApiTestData.RegisterApiClientAsync(administrator, probation, "Probation system"));
        var sent = await ApiTestData.SendReferralAsync(policeApi, ApiTestData.GoodReferral());
        var reference = (await ApiTestData.JsonAsync(sent))["reference"]!.GetValue<string>();

        var own = await policeApi.GetAsync($"/api/v1/referrals/{reference}");
        var other = await probationApi.GetAsync($"/api/v1/referrals/{reference}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = await ApiTestData.JsonAsync(own);
        status["reference"]!.GetValue<string>().ShouldBe(reference);
        status["progress"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        status["feedback"].ShouldBeNull("the MASH has not decided yet");
        status.AsObject().Select(p => p.Key).ShouldBe(["reference", "receivedAt", "kind", "progress", "feedback"],
            "status and feedback, and nothing of the MASH's working");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> PoliceApiAsync()
    {
        var (administrator, _, _) = await App.SignInAsAdministratorAsync();
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        return await App.ApiClientAsync(await ApiTestData.RegisterApiClientAsync(administrator, police));
    }
}
