using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// The few GOV.UK Notify v2 calls the outbox needs, over HttpClient (docs/decisions/0110): send an e-mail, and find a
/// notification by our reference so a retry after an ambiguous failure does not send twice.
/// </summary>
public sealed class NotifyClient(HttpClient http, NotifyKey key, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task SendEmailAsync(string emailAddress, Guid templateId, IReadOnlyDictionary<string, string> personalisation,
        string reference, CancellationToken cancellationToken)
    {
        using var request = Authorised(HttpMethod.Post, "v2/notifications/email");
        request.Content = JsonContent.Create(new EmailRequest(emailAddress, templateId, personalisation, reference), options: Json);
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
    }

    /// <summary>Whether Notify already holds an e-mail with this reference (it keeps them for 7 days).</summary>
    public async Task<bool> HasEmailWithReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        using var request = Authorised(HttpMethod.Get,
            $"v2/notifications?template_type=email&reference={Uri.EscapeDataString(reference)}");
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        var found = await response.Content.ReadFromJsonAsync<NotificationList>(Json, cancellationToken);
        return found?.Notifications is { Count: > 0 };
    }

    /// <summary>A JWT as Notify documents it: HS256 over the header and claims, issuer the service id, issued now.</summary>
    public static string Token(NotifyKey key, DateTimeOffset now)
    {
        var header = Base64Url("""{"typ":"JWT","alg":"HS256"}"""u8);
        var claims = Base64Url(
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { iss = key.ServiceId, iat = now.ToUnixTimeSeconds() })));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Secret), Encoding.ASCII.GetBytes($"{header}.{claims}"));
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private HttpRequestMessage Authorised(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", Token(key, clock.GetUtcNow()));
        return request;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var errors = await ErrorsAsync(response, cancellationToken);
        // 400 says this request will never succeed as it is. Anything else may pass later: 429 and 5xx by Notify's docs, and 403
        // (a wrong key or clock) once a person fixes the settings, so a bad key holds every message back rather than losing it.
        throw response.StatusCode is HttpStatusCode.BadRequest
            ? new PermanentDeliveryFailureException($"Notify {(int)response.StatusCode}: {errors}")
            : new HttpRequestException($"Notify {(int)response.StatusCode}: {errors}", null, response.StatusCode);
    }

    /// <summary>Notify's error names and messages; they describe the request, never repeat the recipient or the text.</summary>
    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorResponse>(Json, cancellationToken);
            return body?.Errors is { Count: > 0 } errors ? string.Join("; ", errors.Select(e => $"{e.Error}: {e.Message}")) : "no detail";
        }
        catch (JsonException)
        {
            return "an answer that is not Notify's error JSON";
        }
    }

    private sealed record EmailRequest(string EmailAddress, Guid TemplateId, IReadOnlyDictionary<string, string> Personalisation,
        string Reference);

    private sealed record ErrorResponse(int StatusCode, List<ErrorItem>? Errors);

    private sealed record ErrorItem(string Error, string Message);

    private sealed record NotificationList(List<JsonElement>? Notifications);
}

/// <summary>The channel refused this message for good: trying again would be refused again.</summary>
public sealed class PermanentDeliveryFailureException(string reason) : Exception(reason);
