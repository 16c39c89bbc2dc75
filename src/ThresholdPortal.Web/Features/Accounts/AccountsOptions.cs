using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>The <c>Accounts</c> settings: who must use a second factor, how sign-in locks, which addresses are personal.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Roles whose holders must sign in with an authenticator app as well as a password: every role that sees
    /// children's names, dates of birth or addresses from more than one referral (docs/decisions/0103).
    /// Unset means <see cref="DefaultTwoFactorRoles"/> (a list in configuration replaces it rather than adding to it).
    /// </summary>
    public List<string>? TwoFactorRoles { get; set; }

    public static IReadOnlyList<string> DefaultTwoFactorRoles { get; } =
        [PortalRole.MashPractitioner, PortalRole.MashManager, PortalRole.AgencyResponder, PortalRole.Administrator, PortalRole.Auditor,
            PortalRole.EarlyHelpCoordinator, PortalRole.DataProtectionOfficer];

    /// <summary>Wrong passwords from one address that lock the account for that address (docs/decisions/0104).</summary>
    public int FailedSignInsBeforeLockout { get; set; } = 5;

    public TimeSpan SignInLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Personal webmail domains: an invitation to one is shown with a warning the administrator must confirm.</summary>
    public List<string>? WebmailDomains { get; set; }

    public static IReadOnlyList<string> DefaultWebmailDomains { get; } =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk", "msn.com",
        "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aol.co.uk", "protonmail.com",
        "proton.me", "gmx.com", "gmx.co.uk", "mail.com", "btinternet.com", "sky.com", "talktalk.net", "virginmedia.com",
    ];

    public IReadOnlyList<string> RolesRequiringTwoFactor => TwoFactorRoles ?? DefaultTwoFactorRoles;

    public bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(r => RolesRequiringTwoFactor.Contains(r, StringComparer.Ordinal));

    public bool IsWebmail(string? email) =>
        email?.Trim() is { } address && address.LastIndexOf('@') is var at and > 0
            && (WebmailDomains ?? DefaultWebmailDomains).Contains(address[(at + 1)..], StringComparer.OrdinalIgnoreCase);
}
