using System.Collections.Concurrent;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// Wrong passwords counted per account named and per address they come from, whether or not the account exists:
/// the lockout looks the same for every address typed, and a stranger elsewhere cannot lock someone out of
/// their own desk (docs/decisions/0104). Counts live in each instance's memory, like the rate limiter's.
/// </summary>
public sealed class SignInLockout(AccountsOptions options, TimeProvider clock)
{
    /// <summary>Above this many tracked pairs, the expired ones are dropped before another is added.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(string Account, string Address), Attempts> attempts = new();

    public bool IsLockedOut(string account, string address) =>
        attempts.TryGetValue(Key(account, address), out var entry) && entry.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a wrong password; answers whether the account is now locked for this address.</summary>
    public bool RecordFailure(string account, string address)
    {
        var now = clock.GetUtcNow();
        if (attempts.Count > PruneAbove)
        {
            foreach (var expired in attempts.Where(a => a.Value.Expires(options.SignInLockout) <= now).Select(a => a.Key).ToList())
            {
                attempts.TryRemove(expired, out _);
            }
        }

        var entry = attempts.AddOrUpdate(Key(account, address),
            _ => new Attempts(1, now, null),
            (_, old) => old.LockedUntil > now ? old
                : old.Expires(options.SignInLockout) <= now ? new Attempts(1, now, null)
                : old with { Failures = old.Failures + 1, Last = now });
        if (entry.LockedUntil is null && entry.Failures >= options.FailedSignInsBeforeLockout)
        {
            attempts[Key(account, address)] = entry with { Failures = 0, LockedUntil = now + options.SignInLockout };
            return true;
        }

        return entry.LockedUntil > now;
    }

    public void RecordSuccess(string account, string address) => attempts.TryRemove(Key(account, address), out _);

    /// <summary>Forgets the account's counts from every address: an administrator has unlocked it.</summary>
    public void Forget(string account)
    {
        foreach (var key in attempts.Keys.Where(k => k.Account == account.Trim().ToUpperInvariant()))
        {
            attempts.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets every count: the accounts they named are gone (tests give each case a fresh database).</summary>
    public void Forget() => attempts.Clear();

    private static (string, string) Key(string account, string address) => (account.Trim().ToUpperInvariant(), address);

    /// <summary>Failures are forgotten one lockout period after the last one, as Identity's own count is not.</summary>
    private sealed record Attempts(int Failures, DateTimeOffset Last, DateTimeOffset? LockedUntil)
    {
        public DateTimeOffset Expires(TimeSpan period) => LockedUntil is { } until && until > Last ? until : Last + period;
    }
}
