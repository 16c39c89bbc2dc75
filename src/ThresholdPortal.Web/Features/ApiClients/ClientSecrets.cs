using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// Client ids and secrets. A secret is 32 random bytes, shown once; only its SHA-256 hash is stored. A slow password
/// hash guards guessable passwords; these cannot be guessed, so a fast hash loses nothing and keeps the token endpoint
/// cheap (docs/decisions/0128).
/// </summary>
public static class ClientSecrets
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>How long a new secret works unless the administrator chooses otherwise.</summary>
    public const int DefaultMonths = 12;

    public const int MaxMonths = 24;

    public static string NewClientId() =>
        "tp-" + RandomNumberGenerator.GetString(Alphabet, ApiClient.ClientIdLength - 3);

    public static string NewSecret() => "tps_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string HintOf(string secret) => secret[^ApiClientSecret.HintLength..];

    /// <summary>Whether the presented secret is this stored one, compared in constant time.</summary>
    public static bool Matches(ApiClientSecret stored, string presented)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return CryptographicOperations.FixedTimeEquals(stored.Hash, Hash(presented));
    }
}
