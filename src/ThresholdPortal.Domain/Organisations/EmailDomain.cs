using System.Text.RegularExpressions;

namespace ThresholdPortal.Domain.Organisations;

/// <summary>
/// The part of a work e-mail address after the "@", which ties a professional to their organisation when
/// they register. Stored lower case, without the "@".
/// </summary>
public static partial class EmailDomain
{
    public const int MaxLength = 253;

    /// <summary>"  @Police.Example.ORG " becomes "police.example.org".</summary>
    public static string Normalise(string domain) => domain.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();

    /// <summary>
    /// A syntactically valid internet domain name: at least two labels of letters, digits and inner
    /// hyphens, each at most 63 characters, with an alphabetic top-level label (so no IP addresses).
    /// </summary>
    public static bool IsValid(string? domain) =>
        domain is { Length: > 0 and <= MaxLength } && DomainPattern().IsMatch(domain);

    /// <summary>The normalised domain of an e-mail address, or null when it has no usable "@".</summary>
    public static string? Of(string? emailAddress)
    {
        var at = emailAddress?.LastIndexOf('@') ?? -1;
        return at <= 0 || at == emailAddress!.Length - 1 ? null : Normalise(emailAddress[(at + 1)..]);
    }

    /// <summary>Splits what an administrator typed (one per line, or separated by commas or spaces).</summary>
    public static IReadOnlyList<string> ParseList(string? text) =>
        (text ?? string.Empty)
            .Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalise)
            .Where(d => d.Length > 0)
            .ToList();

    /// <summary>
    /// Free e-mail services anyone can sign up to. Such a domain on an organisation would let anyone
    /// register as its staff, so it is refused.
    /// </summary>
    public static bool IsPublicWebmail(string domain) => PublicWebmail.Contains(Normalise(domain));

    private static readonly HashSet<string> PublicWebmail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk",
        "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
        "protonmail.com", "proton.me", "gmx.com", "gmx.co.uk", "mail.com", "btinternet.com", "sky.com",
        "virginmedia.com", "ntlworld.com", "talktalk.net", "tiscali.co.uk",
    };

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
