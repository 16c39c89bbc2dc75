using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// The account an API client acts as. Referrals need an author and audit events an actor; this is both. It has no
/// password, an unconfirmed reserved address, is inactive and locked out for good: it can never sign in to the pages,
/// and the portal never e-mails it (docs/decisions/0128).
/// </summary>
public static class ServiceAccount
{
    /// <summary>A reserved top-level domain (RFC 2606): no mail can ever be delivered there.</summary>
    public const string EmailDomain = "api-clients.invalid";

    public const string GivenName = "API client";

    public static PortalUser For(string clientId, string clientName, Guid organisationId)
    {
        var email = $"{clientId}@{EmailDomain}";
        return new PortalUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = false,
            GivenName = GivenName,
            FamilyName = clientName.Length > PortalUser.NameMaxLength ? clientName[..PortalUser.NameMaxLength] : clientName,
            OrganisationId = organisationId,
            IsActive = false,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
        };
    }
}
