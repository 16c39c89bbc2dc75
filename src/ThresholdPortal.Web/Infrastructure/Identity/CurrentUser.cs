using System.Security.Claims;

namespace ThresholdPortal.Web.Infrastructure.Identity;

/// <summary>The signed-in user as handlers need them: who, in which organisation, with which roles.</summary>
public interface ICurrentUser
{
    Guid Id { get; }
    Guid OrganisationId { get; }
    string FullName { get; }
    bool IsInRole(string role);
}

public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
            ? user
            : throw new InvalidOperationException("No signed-in user in this request.");

    public Guid Id => Guid.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
    public Guid OrganisationId => Guid.Parse(Principal.FindFirstValue(PortalClaimTypes.OrganisationId)!);
    public string FullName => Principal.FindFirstValue(PortalClaimTypes.FullName) ?? string.Empty;
    public bool IsInRole(string role) => Principal.IsInRole(role);
}
