using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.ApiClients;

namespace ThresholdPortal.IntegrationTests.Api;

/// <summary>OAuth 2.0 client credentials through OpenIddict, against clients registered on the administrators' pages (issue 21).</summary>
public sealed class ApiTokenTests(PortalApp app) : IntegrationTest(app)
{
    private const string SomeReference = "/api/v1/referrals/NS-2026-000001";

    [Fact]
    public async Task A_registered_client_gets_a_token_that_opens_the_api()
    {
        var (client, _) = await RegisterAsync();
        var http = App.CreateClient();

        var response = await ApiTestData.RequestTokenAsync(http, client.ClientId, client.Secret, "referrals:write");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await ApiTestData.JsonAsync(response);
        token["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        token["expires_in"]!.GetValue<int>().ShouldBeInRange(1700, 1800);
        var api = await App.ApiClientAsync(client);
        var answer = await api.GetAsync(SomeReference);
        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound, "signed in, the client learns only that no referral of its has it");
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_client_and_no_secret_are_refused()
    {
        var (client, _) = await RegisterAsync();
        var http = App.CreateClient();

        foreach (var (id, secret) in new[] { (client.ClientId, client.Secret + "x"), ("tp-nosuchclientxxxxxxxxx", client.Secret),
            (client.ClientId, client.Secret[..^1]) })
        {
            var response = await ApiTestData.RequestTokenAsync(http, id, secret);

            response.IsSuccessStatusCode.ShouldBeFalse();
            (await ApiTestData.JsonAsync(response))["error"]!.GetValue<string>().ShouldBe("invalid_client");
        }

        var noSecret = await ApiTestData.RequestTokenAsync(http, client.ClientId, string.Empty);
        noSecret.IsSuccessStatusCode.ShouldBeFalse("a confidential client must send its secret");
    }

    [Fact]
    public async Task An_expired_or_revoked_secret_no_longer_works_while_a_newer_one_does()
    {
        var (client, administrator) = await RegisterAsync();
        var (_, second) = await ApiTestData.AddSecretAsync(administrator, client.Id);
        await App.ExecuteDbContextAsync(db => db.ApiClientSecrets.Where(s => s.Hash == ClientSecrets.Hash(client.Secret))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, TestClock.UtcNow.AddMinutes(-1))));
        var http = App.CreateClient();

        (await ApiTestData.JsonAsync(await ApiTestData.RequestTokenAsync(http, client.ClientId, client.Secret)))["error"]!
            .GetValue<string>().ShouldBe("invalid_client", "the first secret has expired");
        (await ApiTestData.RequestTokenAsync(http, client.ClientId, second)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var secretId = await App.ExecuteDbContextAsync(db => db.ApiClientSecrets.Where(s => s.Hash == ClientSecrets.Hash(second))
            .Select(s => s.Id).SingleAsync());
        var revoke = await Forms.PostAsync(administrator, $"/admin/api-clients/details/{client.Id}?handler=Revoke&secretId={secretId}", [],
            tokenFrom: $"/admin/api-clients/details/{client.Id}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ApiTestData.JsonAsync(await ApiTestData.RequestTokenAsync(http, client.ClientId, second)))["error"]!
            .GetValue<string>().ShouldBe("invalid_client", "the second secret was revoked");
    }

    [Fact]
    public async Task A_client_gets_only_the_scopes_it_was_given()
    {
        var (client, _) = await RegisterAsync();
        var http = App.CreateClient();

        var response = await ApiTestData.RequestTokenAsync(http, client.ClientId, client.Secret, "referrals:write cases:read");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiTestData.JsonAsync(response))["error"]!.GetValue<string>().ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task A_token_without_the_endpoints_scope_is_forbidden_and_no_token_is_unauthorised()
    {
        var (administrator, _, _) = await App.SignInAsAdministratorAsync();
        var council = await App.CreateOrganisationAsync("Northshire Children's Services",
            OrganisationKind.LocalAuthorityChildrensSocialCare);
        var reader = await ApiTestData.RegisterApiClientAsync(administrator, council, "Case management feed", "cases:read");
        var api = await App.ApiClientAsync(reader);

        var forbidden = await ApiTestData.SendReferralAsync(api, ApiTestData.GoodReferral());
        var anonymous = await App.CreateClient().GetAsync(SomeReference);

        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("<html", Case.Insensitive, "the API never answers with a page");
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_client_turned_off_gets_no_token_and_its_tokens_stop_working()
    {
        var (client, administrator) = await RegisterAsync();
        var api = await App.ApiClientAsync(client);

        var off = await Forms.PostAsync(administrator, $"/admin/api-clients/details/{client.Id}?handler=TurnOff", []);

        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetAsync(SomeReference)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiTestData.RequestTokenAsync(App.CreateClient(), client.ClientId, client.Secret)).IsSuccessStatusCode.ShouldBeFalse();
    }

    [Fact]
    public async Task Calls_over_the_clients_limit_a_minute_are_refused_with_retry_after()
    {
        var (client, _) = await RegisterAsync();
        await App.ExecuteDbContextAsync(db => db.ApiClients.Where(c => c.Id == client.Id)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RequestsPerMinute, 3)));
        var api = await App.ApiClientAsync(client);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await api.GetAsync(SomeReference));
        }

        // A minute boundary may fall between the calls; then the new minute's count starts again.
        answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests).ShouldBeInRange(1, 2);
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(1, 60);
        (await App.ExecuteDbContextAsync(db => db.ApiRequestCounts.Where(c => c.ApiClientId == client.Id).SumAsync(c => c.Count)))
            .ShouldBe(5, "the count is kept in PostgreSQL, shared by every instance");
    }

    [Fact]
    public async Task Each_call_and_token_is_audited_with_the_clients_account_as_actor_and_no_secret_is_stored()
    {
        var (client, _) = await RegisterAsync();
        var api = await App.ApiClientAsync(client);

        await api.GetAsync(SomeReference);

        var serviceUser = await App.ExecuteDbContextAsync(db => db.ApiClients.Where(c => c.Id == client.Id).Select(c => c.ServiceUserId)
            .SingleAsync());
        var audit = await App.AuditAsync();
        audit.ShouldContain(e => e.Action == ApiClientEvents.TokenIssued && e.UserId == serviceUser);
        audit.ShouldContain(e => e.Action == ApiClientEvents.Called && e.UserId == serviceUser
            && e.Detail == "GET /api/v1/referrals/{reference} 404");
        var stored = await App.ExecuteDbContextAsync(db => db.ApiClientSecrets.Where(s => s.ApiClientId == client.Id).SingleAsync());
        stored.Hash.ShouldBe(ClientSecrets.Hash(client.Secret));
        stored.Hint.ShouldBe(client.Secret[^4..]);
        var account = await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Id == serviceUser));
        account.PasswordHash.ShouldBeNull("the service account can never sign in");
        account.IsActive.ShouldBeFalse();
    }

    private async Task<(RegisteredApiClient Client, HttpClient Administrator)> RegisterAsync()
    {
        var (administrator, _, _) = await App.SignInAsAdministratorAsync();
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        return (await ApiTestData.RegisterApiClientAsync(administrator, police), administrator);
    }
}
