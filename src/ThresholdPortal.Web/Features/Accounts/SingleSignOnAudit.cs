using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The audit entries of single sign-on: links made, refusals and roles a group mapping changed. None carries personal
/// data: the account's id, the provider's scheme and the reason or role names only, never the address or the subject.
/// </summary>
public sealed class SingleSignOnAudit(IAuditTrail audit, UserManager<PortalUser> users)
{
    public Task RefusedAsync(PortalUser? account, string scheme, SingleSignOnRefusal reason, CancellationToken cancellationToken) =>
        audit.RecordNowAsync(AccountEvents.SingleSignOnRefused, account is null ? "SingleSignOn" : nameof(PortalUser),
            account?.Id.ToString() ?? scheme, $"{scheme}: {reason}", cancellationToken);

    public Task LinkedAsync(PortalUser account, string scheme, CancellationToken cancellationToken) =>
        audit.RecordNowAsync(AccountEvents.SingleSignOnLinked, nameof(PortalUser), account.Id.ToString(), scheme, cancellationToken);

    /// <summary>Applies the provider's optional group-to-role mapping, each change audited; none configured, none made.</summary>
    public async Task ApplyGroupRolesAsync(PortalUser account, IdentityProviderOptions provider, ProviderAssertion assertion,
        CancellationToken cancellationToken)
    {
        if (provider.GroupRoles.Count == 0)
        {
            return;
        }

        var changes = SingleSignOn.RoleChangesFor(provider.GroupRoles, assertion.Groups, [.. await users.GetRolesAsync(account)]);
        if (!changes.Any)
        {
            return;
        }

        if (changes.Granted.Count > 0)
        {
            (await users.AddToRolesAsync(account, changes.Granted)).EnsureSucceeded();
        }

        if (changes.Removed.Count > 0)
        {
            (await users.RemoveFromRolesAsync(account, changes.Removed)).EnsureSucceeded();
        }

        await audit.RecordNowAsync(AccountEvents.RolesFromGroups, nameof(PortalUser), account.Id.ToString(),
            $"{provider.Scheme}: granted {string.Join(", ", changes.Granted)}; removed {string.Join(", ", changes.Removed)}",
            cancellationToken);
    }
}
