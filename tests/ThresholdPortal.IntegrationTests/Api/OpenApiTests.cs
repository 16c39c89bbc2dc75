using System.Net;
using System.Text.Json.Nodes;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Api;

/// <summary>The OpenAPI document is generated from the endpoints themselves, so it cannot drift from them.</summary>
public sealed class OpenApiTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_document_is_openapi_3_1_and_describes_every_endpoint_with_its_body_and_answers()
    {
        var response = await App.CreateClient().GetAsync("/api/openapi.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ApiTestData.JsonAsync(response);
        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        var paths = document["paths"]!.AsObject();
        paths.Select(p => p.Key).ShouldBe(["/api/v1/referrals", "/api/v1/referrals/{reference}", "/api/v1/events"], ignoreOrder: true);
        var send = paths["/api/v1/referrals"]!["post"]!;
        send["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        send["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["201", "400", "409", "429"], ignoreOrder: true);
        var schemas = document["components"]!["schemas"]!;
        schemas["PartnerReferral"]!["properties"]!["children"].ShouldNotBeNull();
        schemas["FgmConcern"]!["enum"]!.AsArray().OfType<JsonNode>().Select(v => v.GetValue<string>()).ShouldBe(["none", "atRisk", "known"],
            "the document describes enums as the API reads them");
    }
}
