using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// Erases an account's personal data and keeps the records it made, attributed to "Former user" (docs/decisions/0117):
/// the one path for an administrator's erasure and the retention schedule's. The caller records the audit event.
/// </summary>
public static class AccountErasure
{
    public static async Task EraseAsync(UserManager<PortalUser> users, PortalDbContext db, PortalUser user, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var formerEmail = user.Email;
        user.GivenName = PortalUser.ErasedGivenName;
        user.FamilyName = PortalUser.ErasedFamilyName;
        user.JobTitle = null;
        user.PhoneNumber = null;
        user.TextMessagesTo = null;
        user.ErasedAt = at;
        // An address that can never receive mail or match a sign-in, unique as Identity requires.
        var placeholder = $"erased-{user.Id:N}@erased.invalid";
        (await users.SetUserNameAsync(user, placeholder)).EnsureSucceeded();
        (await users.SetEmailAsync(user, placeholder)).EnsureSucceeded();
        if (await users.HasPasswordAsync(user))
        {
            (await users.RemovePasswordAsync(user)).EnsureSucceeded();
        }

        (await users.SetTwoFactorEnabledAsync(user, false)).EnsureSucceeded();
        (await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey")).EnsureSucceeded();
        (await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes")).EnsureSucceeded();
        foreach (var login in await users.GetLoginsAsync(user))
        {
            // A link to an organisation's sign-in (docs/decisions/0122) would let the person back in: it goes too.
            (await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey)).EnsureSucceeded();
        }

        (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded();

        await db.AccountTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        if (formerEmail is not null)
        {
            await db.OutboxMessages.Where(m => m.Recipient == formerEmail).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
