using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// How a webhook body is signed (docs/api.md): HMAC-SHA256 with the client's webhook key over "timestamp.body", sent as
/// <c>ThresholdPortal-Signature: t=1764000000,v1=hex</c>. The timestamp lets a receiver refuse an old delivery replayed.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "ThresholdPortal-Signature";
    public const string EventIdHeader = "ThresholdPortal-Event-Id";
    public const string EventTypeHeader = "ThresholdPortal-Event-Type";

    /// <summary>The Data Protection purpose the stored keys are encrypted under.</summary>
    public const string KeyPurpose = "ThresholdPortal.ApiClients.WebhookKey";

    /// <summary>A new key: 32 random bytes, shown once to the administrator as "whk_" and base64url.</summary>
    public static string NewKey() => "whk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string key, DateTimeOffset at, string body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: recompute and compare in constant time, and refuse a timestamp too far from now.</summary>
    public static bool Verify(string key, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Sign(key, DateTimeOffset.FromUnixTimeSeconds(seconds), body).Split("v1=")[1];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v1));
    }
}
