using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The password-hash work a known account costs, spent for an unknown one too, so sign-in and registration take
/// as long whether or not an account exists and their timing does not say which addresses have accounts.
/// </summary>
public sealed class PasswordWork(IPasswordHasher<PortalUser> hasher)
{
    /// <summary>Identity's hasher ignores the user; one stand-in serves every call.</summary>
    private static readonly PortalUser Nobody = new() { GivenName = string.Empty, FamilyName = string.Empty };

    private readonly Lazy<string> standIn = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>Checks the password against a stand-in hash made with the same algorithm and iterations as real ones.</summary>
    public void Spend(string? password) =>
        hasher.VerifyHashedPassword(Nobody, standIn.Value, password ?? string.Empty);
}
