using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Identity;

/// <summary>What a single-use link in an e-mail lets its holder do.</summary>
public enum AccountTokenPurpose
{
    /// <summary>Set a first password for an account an administrator created.</summary>
    Invitation = 1,

    /// <summary>Prove a self-registered professional owns their work e-mail address.</summary>
    EmailConfirmation,

    /// <summary>Choose a new password after forgetting it.</summary>
    PasswordReset,
}

/// <summary>
/// A single-use, expiring link token. Only its SHA-256 hash is stored: someone who reads the table cannot
/// use a link. The token itself is 256 random bits, so a fast hash is enough (nothing to brute-force).
/// </summary>
public sealed class AccountToken
{
    public const int HashLength = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public AccountTokenPurpose Purpose { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Set when a newer link of the same purpose was sent: only the latest link works.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public static TimeSpan LifetimeOf(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.Invitation => TimeSpan.FromDays(7),
        AccountTokenPurpose.EmailConfirmation => TimeSpan.FromHours(24),
        AccountTokenPurpose.PasswordReset => TimeSpan.FromHours(1),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Issues and redeems <see cref="AccountToken"/>s inside the current command's transaction.</summary>
public sealed class AccountTokens(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Creates a token (revoking earlier ones of the same purpose) and returns the only copy of its text.</summary>
    public async Task<string> IssueAsync(Guid userId, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.AccountTokens
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.AccountTokens.Add(new AccountToken
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = AccountToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + AccountToken.LifetimeOf(purpose),
        });
        return token;
    }

    /// <summary>The user a still-usable token belongs to, without using it up (to show the page behind a link).</summary>
    public async Task<Guid?> FindUserAsync(string? token, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var hash = AccountToken.Hash(token);
        var now = clock.GetUtcNow();
        return await db.AccountTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => (Guid?)t.UserId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Uses the token up and returns its user, or null if it is unknown, expired, revoked or already used.
    /// The row is locked, so two simultaneous uses of one link cannot both succeed.
    /// </summary>
    public async Task<Guid?> RedeemAsync(string? token, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var hash = AccountToken.Hash(token);
        var now = clock.GetUtcNow();
        var purposeName = purpose.ToString();
        var found = await db.AccountTokens.FromSql($"""
            SELECT * FROM "AccountTokens"
            WHERE "TokenHash" = {hash} AND "Purpose" = {purposeName}
              AND "UsedAt" IS NULL AND "RevokedAt" IS NULL AND "ExpiresAt" > {now}
            FOR UPDATE
            """).ToListAsync(cancellationToken);
        if (found is not [var accountToken])
        {
            return null;
        }

        accountToken.UsedAt = now;
        return accountToken.UserId;
    }
}
