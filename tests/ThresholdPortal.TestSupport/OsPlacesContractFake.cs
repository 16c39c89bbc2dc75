using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// A contract fake of Ordnance Survey's OS Places API (docs/decisions/0127): Kestrel on a free loopback port answering the
/// documented postcode search, <c>GET /search/places/v1/postcode?postcode=...&amp;key=...</c>, in OS Places' JSON shape:
/// a <c>header</c>, and <c>results</c> of <c>DPA</c> records when the postcode has addresses (none at all when it has none);
/// 401 for a wrong key and 400 for a malformed postcode, in OS's <c>error</c> shape. Tests can make it fail the next request.
/// </summary>
public sealed partial class OsPlacesContractFake : IAsyncDisposable
{
    public const string Key = "os-places-test-key";

    private readonly WebApplication host;
    private readonly ConcurrentQueue<int> failures = new();
    private readonly Dictionary<string, JsonObject[]> addresses = new(StringComparer.Ordinal)
    {
        ["NT1 1AA"] =
        [
            Dpa("100023336956", number: "10", street: "HIGH STREET", town: "NORTHTOWN", postcode: "NT1 1AA"),
            Dpa("100023336957", number: "12", street: "HIGH STREET", town: "NORTHTOWN", postcode: "NT1 1AA"),
            Dpa("100023336958", subBuilding: "FLAT 2", building: "ROSE HOUSE", number: "14", street: "HIGH STREET", town: "NORTHTOWN",
                postcode: "NT1 1AA"),
        ],
    };

    private OsPlacesContractFake(WebApplication host) => this.host = host;

    public Uri BaseUrl { get; private set; } = null!;

    public int Requests { get; private set; }

    public static async Task<OsPlacesContractFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new OsPlacesContractFake(app);
        app.MapGet("/search/places/v1/postcode", (Func<HttpContext, IResult>)fake.Postcode);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>The next request is answered with this status (OS's error shape) and nothing else.</summary>
    public void FailNext(int statusCode) => failures.Enqueue(statusCode);

    private IResult Postcode(HttpContext context)
    {
        Requests++;
        if (failures.TryDequeue(out var failure))
        {
            return Error(failure, "The service is unavailable");
        }

        if (context.Request.Query["key"] != Key)
        {
            return Error(401, "Invalid API key");
        }

        var postcode = context.Request.Query["postcode"].ToString().Trim().ToUpperInvariant();
        if (!PostcodeShape().IsMatch(postcode))
        {
            return Error(400, "Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1. " +
                $"Requested postcode was {postcode}");
        }

        var found = addresses.GetValueOrDefault(Normal(postcode), []);
        var body = new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["uri"] = context.Request.Path + context.Request.QueryString, ["query"] = $"postcode={postcode}", ["offset"] = 0,
                ["totalresults"] = found.Length, ["format"] = "JSON", ["dataset"] = "DPA", ["lr"] = "EN,CY", ["maxresults"] = 100,
                ["epoch"] = "117", ["output_srs"] = "EPSG:27700",
            },
        };
        if (found.Length > 0)
        {
            body["results"] = new JsonArray([.. found.Select(a => (JsonNode)new JsonObject { ["DPA"] = a.DeepClone() })]);
        }

        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult Error(int status, string message) => Results.Text(
        new JsonObject { ["error"] = new JsonObject { ["statuscode"] = status, ["message"] = message } }.ToJsonString(),
        "application/json", statusCode: status);

    private static string Normal(string postcode)
    {
        var compact = postcode.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    private static JsonObject Dpa(string uprn, string? subBuilding = null, string? building = null, string? number = null,
        string? street = null, string? town = null, string? postcode = null)
    {
        var dpa = new JsonObject
        {
            ["UPRN"] = uprn, ["UDPRN"] = "2" + uprn[^7..], ["POST_TOWN"] = town, ["POSTCODE"] = postcode,
            ["ADDRESS"] = string.Join(", ",
                new[] { subBuilding, building, $"{number} {street}", town, postcode }.Where(p => p is not null)),
            ["RPC"] = "1", ["X_COORDINATE"] = 430000.0, ["Y_COORDINATE"] = 560000.0, ["STATUS"] = "APPROVED",
            ["LOGICAL_STATUS_CODE"] = "1", ["CLASSIFICATION_CODE"] = "RD04", ["COUNTRY_CODE"] = "E", ["LANGUAGE"] = "EN",
            ["MATCH"] = 1.0, ["MATCH_DESCRIPTION"] = "EXACT",
        };
        foreach (var (name, value) in new[] { ("SUB_BUILDING_NAME", subBuilding), ("BUILDING_NAME", building),
            ("BUILDING_NUMBER", number), ("THOROUGHFARE_NAME", street) })
        {
            if (value is not null)
            {
                dpa[name] = value;
            }
        }

        return dpa;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")]
    private static partial Regex PostcodeShape();
}
