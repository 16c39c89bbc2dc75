using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.TestSupport.Builders;

/// <summary>A partner system registered through the administrators' pages, with the secret the page showed once.</summary>
public sealed record RegisteredApiClient(Guid Id, string ClientId, string Secret);

/// <summary>Registers API clients as an administrator does, gets tokens as a partner does, and builds referral bodies.</summary>
public static partial class ApiTestData
{
    public const string TokenPath = "/api/connect/token";

    public static async Task<RegisteredApiClient> RegisterApiClientAsync(HttpClient administrator, Organisation organisation,
        string name = "Northshire Police case system", params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var key = await Forms.IdempotencyKeyAsync(administrator, "/admin/api-clients/create");
        List<KeyValuePair<string, string>> fields =
        [
            key,
            new("Data.Name", name),
            new("Data.OrganisationId", organisation.Id.ToString()),
            new("Data.RequestsPerMinute", "1000"),
            .. (scopes.Length == 0 ? ["referrals:write"] : scopes).Select(s => KeyValuePair.Create("Data.Scopes", s)),
        ];
        var created = await Forms.PostAsync(administrator, "/admin/api-clients/create", fields);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.ErrorSummary(await created.Content.ReadAsStringAsync()));
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        var (clientId, secret) = await AddSecretAsync(administrator, id);
        return new RegisteredApiClient(id, clientId, secret);
    }

    /// <summary>Adds a secret through the page and reads it from the one response that shows it.</summary>
    public static async Task<(string ClientId, string Secret)> AddSecretAsync(HttpClient administrator, Guid clientId, int months = 12)
    {
        var response = await Forms.PostAsync(administrator, $"/admin/api-clients/secret/{clientId}",
            new() { ["Data.Months"] = $"{months}" });
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Forms.ErrorSummary(html));
        response.Headers.CacheControl?.NoStore.ShouldBe(true, "a page showing a secret must not be cached");
        var secret = NewSecret().Match(html);
        secret.Success.ShouldBeTrue("the page should show the new secret once");
        return (ClientIdShown().Match(html).Groups[1].Value, WebUtility.HtmlDecode(secret.Groups[1].Value));
    }

    /// <summary>The token endpoint's raw answer, for the refusal tests.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        return http.PostAsync(TokenPath, new FormUrlEncodedContent(fields));
    }

    /// <summary>A plain HTTP client (no cookies) holding a bearer token for the client.</summary>
    public static async Task<HttpClient> ApiClientAsync(this PortalApp app, RegisteredApiClient client, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(client);
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await RequestTokenAsync(http, client.ClientId, client.Secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var token = JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Task<HttpResponseMessage> SendReferralAsync(HttpClient api, JsonNode body, Guid? key = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
        return api.SendAsync(request);
    }

    /// <summary>
    /// Waits until every transaction begun before now, in any database of the cluster, has ended. The feed shows an
    /// event only once every older transaction has (docs/decisions/0130), and other test classes' transactions run on
    /// the same cluster at once: a test reading what it has just committed waits for them first, as a reader would.
    /// </summary>
    public static async Task FeedCaughtUpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var mark = new NpgsqlCommand("SELECT pg_current_xact_id()::text", connection);
        var now = (string)(await mark.ExecuteScalarAsync())!;
        await using var passed = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot()) > @now::xid8", connection);
        passed.Parameters.AddWithValue("now", now);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((bool)(await passed.ExecuteScalarAsync())!)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("A transaction older than the test's has run for a minute: the feed cannot show what followed it.");
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The problem's errors: JSON path to messages.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>
    /// The referral <see cref="ReferralJourney.CompleteAsync"/> makes through the pages, as a partner system sends it: two
    /// siblings at level 3, every section answered.
    /// </summary>
    public static JsonNode GoodReferral() => JsonNode.Parse($$"""
        {
          "screening": { "childInImmediateDanger": false, "fgm": "none" },
          "referrer": { "name": "PC Sam Patel", "jobTitle": "Police constable", "email": "sam.patel@police.test",
            "phone": "01632 960 001" },
          "children": [
            { "givenName": "Jayden", "familyName": "Clarke", "dateOfBirth": "2017-05-03", "gender": "male",
              "address": { "line1": "1 Mill Lane", "town": "Northtown", "postcode": "NT1 1AA" },
              "schoolOrSetting": "Riverside Primary School",
              "howConcernsAffectChild": "Jayden is frightened at home and finds it hard to settle in class.",
              "childsVoice": "Jayden said: I don't like it when he shouts.", "siblingsExperiences": "They look after each other.",
              "indicators": ["basic-care-3a", "education-2a"] },
            { "givenName": "Maisie", "familyName": "Clarke", "dateOfBirth": "2019-09-14", "gender": "female",
              "address": { "line1": "1 Mill Lane", "town": "Northtown", "postcode": "NT1 1AA" },
              "howConcernsAffectChild": "Maisie is quiet and withdrawn.", "childsVoice": "Maisie did not want to talk.",
              "indicators": ["emotional-2a"] }
          ],
          "categories": { "codes": ["PhysicalAbuseByAdult"] },
          "chosenLevel": 3,
          "adults": [
            { "givenName": "Kelly", "familyName": "Clarke", "relationship": "Mother of both children", "livesWithChildren": true,
              "knowsAboutReferral": false }
          ],
          "concerns": {
            "whatHappened": {{JsonSerializer.Serialize(ReferralJourney.GoodConcerns)}},
            "riskFactors": "Repeated marks; the mother's partner is said to be rough with the children.",
            "protectiveFactors": "Their mother brings them to school every day and is warm with them.",
            "analysis": "Repeated injuries with an account of harm from an adult at home need a social work assessment.",
            "expectedOutcome": "A social work assessment.",
            "history": "Family support in 2024 for routines; it closed when things improved.",
            "previousHelp": "The family worked well with the family support worker.",
            "otherProfessionals": "The school nurse shares our worry."
          },
          "consent": { "decision": "notSought", "reason": "Asking the mother could place the children at risk from her partner.",
            "sharingBasis": "safeguardingWithoutConsent" },
          "communication": { "interpreterNeeded": false, "hasCommunicationNeeds": false }
        }
        """)!;

    [GeneratedRegex("data-testid=\"new-secret\">([^<]+)<")]
    private static partial Regex NewSecret();

    [GeneratedRegex("client_id</dt>\\s*<dd class=\"govuk-summary-list__value\"><code>([^<]+)</code>")]
    private static partial Regex ClientIdShown();
}
