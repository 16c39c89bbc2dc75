using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The password-hash work a known account costs, spent for an unknown one too, so sign-in and registration take
/// as long whether or not an account exists and their timing does not say which addresses have accounts.
/// </summary>
/// <remarks>
/// Scoped, as Identity's hasher is; the stand-in hash is made once per process by the first request that needs it and
/// carries its own algorithm and iterations, so every later check costs exactly one key derivation, as a real one does.
/// </remarks>
public sealed class PasswordWork(IPasswordHasher<PortalUser> hasher)
{
    /// <summary>Identity's hasher ignores the user; one stand-in serves every call.</summary>
    private static readonly PortalUser Nobody = new() { GivenName = string.Empty, FamilyName = string.Empty };

    private static string? standIn;

    /// <summary>Checks the password against a stand-in hash made with the same algorithm and iterations as real ones.</summary>
    public void Spend(string? password)
    {
        var hash = standIn ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, hash, password ?? string.Empty);
    }
}
