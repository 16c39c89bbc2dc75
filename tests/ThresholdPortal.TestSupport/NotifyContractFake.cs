using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// A contract fake of GOV.UK Notify (docs/decisions/0110): Kestrel on a free loopback port serving the documented v2 calls
/// the portal makes (POST /v2/notifications/email, GET /v2/notifications by reference). It checks the JWT as Notify does
/// (HS256 with the key's secret, issuer the service id, issued within 30 seconds of its clock), validates the request, and
/// answers in Notify's JSON shapes, errors included. Tests can make it refuse the next requests with a given status.
/// </summary>
public sealed class NotifyContractFake : IAsyncDisposable
{
    public const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public const string ApiKey = "portal_tests-" + ServiceId + "-" + Secret;

    private readonly WebApplication host;
    private readonly TimeProvider clock;
    private readonly ConcurrentQueue<int> refusals = new();
    private readonly ConcurrentQueue<AcceptedEmail> accepted = new();
    private int requests;

    private NotifyContractFake(WebApplication host, TimeProvider clock)
    {
        this.host = host;
        this.clock = clock;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request that reached the API, accepted or not.</summary>
    public int Requests => requests;

    public IReadOnlyList<AcceptedEmail> Emails => [.. accepted];

    public static async Task<NotifyContractFake> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new NotifyContractFake(app, clock);
        app.MapPost("/v2/notifications/email", (Func<HttpContext, Task<IResult>>)fake.SendEmailAsync);
        app.MapGet("/v2/notifications", (Func<HttpContext, IResult>)fake.FindByReference);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    /// <summary>The next request is answered with this status, in Notify's error shape, and not processed.</summary>
    public void RefuseNext(int statusCode) => refusals.Enqueue(statusCode);

    private async Task<IResult> SendEmailAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        if ((Unauthorised(context) ?? Refused()) is { } refusal)
        {
            return refusal;
        }

        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        }
        catch (JsonException)
        {
            return Error(400, "BadRequestError", "Invalid JSON supplied in POST data");
        }

        var email = body["email_address"]?.GetValue<string>();
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            return Error(400, "ValidationError", "email_address Not a valid email address");
        }

        if (!Guid.TryParse(body["template_id"]?.GetValue<string>(), out var templateId))
        {
            return Error(400, "ValidationError", "template_id is not a valid UUID");
        }

        var personalisation = body["personalisation"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];
        var reference = body["reference"]?.GetValue<string>();
        var sent = new AcceptedEmail(Guid.NewGuid(), email, templateId, personalisation, reference);
        accepted.Enqueue(sent);
        return Results.Json(new
        {
            id = sent.Id,
            reference,
            content = new { subject = personalisation.GetValueOrDefault("subject"), body = personalisation.GetValueOrDefault("body"),
                from_email = "refer-a-child@notifications.service.gov.uk" },
            uri = new Uri(BaseUrl, $"v2/notifications/{sent.Id}"),
            template = new { id = templateId, version = 1, uri = new Uri(BaseUrl, $"services/{ServiceId}/templates/{templateId}") },
        }, statusCode: 201);
    }

    private IResult FindByReference(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        if ((Unauthorised(context) ?? Refused()) is { } refusal)
        {
            return refusal;
        }

        var reference = context.Request.Query["reference"].ToString();
        var found = accepted.Where(e => e.Reference == reference)
            .Select(e => new { id = e.Id, reference = e.Reference, email_address = e.EmailAddress, type = "email", status = "created" });
        var links = new { current = context.Request.Path + context.Request.QueryString };
        return Results.Json(new { notifications = found.ToList(), links });
    }

    private IResult? Refused() => refusals.TryDequeue(out var status) ? status switch
    {
        400 => Error(400, "BadRequestError", "Can't send to this recipient using a team-only API key"),
        429 => Error(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"),
        _ => Error(status, "Exception", "Internal server error"),
    } : null;

    /// <summary>Notify's checks of the bearer token, with its error messages.</summary>
    private IResult? Unauthorised(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error(401, "AuthError", "Unauthorized: authentication token must be provided");
        }

        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return Error(403, "AuthError", "Invalid token: signature, api token is not valid");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        using var headerJson = JsonDocument.Parse(FromBase64Url(parts[0]));
        if (headerJson.RootElement.GetProperty("alg").GetString() != "HS256"
            || !CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2])))
        {
            return Error(403, "AuthError", "Invalid token: signature, api token not found");
        }

        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        if (!claims.RootElement.TryGetProperty("iss", out var iss) || iss.GetString() != ServiceId)
        {
            return Error(403, "AuthError", "Invalid token: service not found");
        }

        var issuedAt = claims.RootElement.TryGetProperty("iat", out var iat) ? iat.GetInt64() : 0;
        return Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - issuedAt) > 30
            ? Error(403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds")
            : null;
    }

    private static IResult Error(int status, string error, string message) =>
        Results.Json(new { status_code = status, errors = new[] { new { error, message } } }, statusCode: status);

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
    }
}

/// <summary>An e-mail the fake accepted, as the request described it.</summary>
public sealed record AcceptedEmail(Guid Id, string EmailAddress, Guid TemplateId, IReadOnlyDictionary<string, string> Personalisation,
    string? Reference);
