using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Api;

/// <summary>What a careless or hostile partner system may send: each is refused as a problem naming the field, or stored as text.</summary>
public sealed class HostileApiInputTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_nul_character_is_refused_where_it_is()
    {
        var body = ApiTestData.GoodReferral();
        body["concerns"]!["analysis"] = "Harm\u0000hidden";

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["concerns.analysis"]);
        errors["concerns.analysis"].ShouldBe(["The value must not contain a NUL character."]);
    }

    [Fact]
    public async Task A_megabyte_string_is_refused_by_the_pages_length_rule()
    {
        var body = ApiTestData.GoodReferral();
        body["concerns"]!["whatHappened"] = new string('a', 1024 * 1024);
        body["children"]![0]!["givenName"] = new string('b', 1024 * 1024);

        var errors = await RefusedAsync(body);

        // Without its first child the referral's suggestion falls, so the early help question follows; the two limits are named.
        errors.Keys.ShouldContain("concerns.whatHappened");
        errors.Keys.ShouldContain("children[0].givenName");
        errors["concerns.whatHappened"].Single().ShouldContain("characters or fewer");
    }

    [Fact]
    public async Task A_list_entry_written_as_null_is_named()
    {
        var body = ApiTestData.GoodReferral();
        body["children"]!.AsArray().Add(null);
        body["adults"]!.AsArray().Insert(0, null);

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["children[2]", "adults[0]"], ignoreOrder: true);
    }

    [Fact]
    public async Task Markup_is_kept_as_text_and_shown_encoded_to_the_mash()
    {
        var api = await ApiAsync();
        var body = ApiTestData.GoodReferral();
        const string Markup = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        body["concerns"]!["riskFactors"] = Markup;

        var response = await ApiTestData.SendReferralAsync(api, body);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reference = (await ApiTestData.JsonAsync(response))["reference"]!.GetValue<string>();
        (await App.ExecuteDbContextAsync(db => db.Referrals.Where(r => r.Reference == reference).Select(r => r.Concerns.RiskFactors)
            .SingleAsync())).ShouldBe(Markup);
    }

    [Theory]
    [InlineData("""{"chosenLevel": "three"}""", "chosenLevel")]
    [InlineData("""{"screening": {"childInImmediateDanger": "no"}}""", "screening.childInImmediateDanger")]
    [InlineData("""{"screening": {"fgm": 1}}""", "screening.fgm")]
    [InlineData("""{"children": {"givenName": "A"}}""", "children")]
    [InlineData("""{"concerns": {"whatHappened": 42}}""", "concerns.whatHappened")]
    [InlineData("""{"isAdmin": true}""", "isAdmin")]
    [InlineData("""{"children": [{"givenName": "A", "favouriteColour": "red"}]}""", "children[0].favouriteColour")]
    [InlineData("""[1, 2, 3]""", "body")]
    [InlineData("""{"chosenLevel": 3""", "body")]
    [InlineData("""{"chosenLevel": 3,}""", "body")]
    public async Task Wrong_types_extra_fields_and_broken_json_are_refused_naming_the_field(string json, string field)
    {
        var api = await ApiAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await api.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await ApiTestData.ErrorsAsync(response);
        errors.Keys.ShouldBe([field]);
        errors[field].Single().ShouldNotContain("System.", Case.Sensitive, "the partner is told about its JSON, not the portal's types");
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_attachment_is_judged_by_its_content_not_its_name()
    {
        var api = await ApiAsync();
        var body = ApiTestData.GoodReferral();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        body["attachments"] = new JsonArray(
            new JsonObject { ["kind"] = "dash", ["fileName"] = "dash.pdf", ["contentBase64"] = Convert.ToBase64String(pdf) },
            new JsonObject { ["kind"] = "other", ["description"] = "Notes", ["fileName"] = "notes.pdf",
                ["contentBase64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n")) },
            new JsonObject { ["kind"] = "other", ["description"] = "Broken", ["fileName"] = "x.pdf", ["contentBase64"] = "not base64!" });

        var errors = await RefusedAsync(body, api);

        errors.Keys.ShouldBe(["attachments[1].contentBase64", "attachments[2].contentBase64"], ignoreOrder: true);
        errors["attachments[1].contentBase64"].Single().ShouldContain("must be a PDF");

        body["attachments"]!.AsArray().RemoveAt(2);
        body["attachments"]!.AsArray().RemoveAt(1);
        var accepted = await ApiTestData.SendReferralAsync(api, body);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.Select(a => a.FileName).ToListAsync())).ShouldBe(["dash.pdf"]);
    }

    private async Task<Dictionary<string, string[]>> RefusedAsync(JsonNode body, HttpClient? api = null)
    {
        var response = await ApiTestData.SendReferralAsync(api ?? await ApiAsync(), body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(0);
        return await ApiTestData.ErrorsAsync(response);
    }

    private async Task<HttpClient> ApiAsync()
    {
        var (administrator, _, _) = await App.SignInAsAdministratorAsync();
        var police = await App.CreateOrganisationAsync("Northshire Police", OrganisationKind.Police);
        return await App.ApiClientAsync(await ApiTestData.RegisterApiClientAsync(administrator, police));
    }
}
