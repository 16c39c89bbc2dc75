using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>Where a user's account stands, as administrators see and filter it. Derived, never stored.</summary>
public enum UserStatus
{
    Active,
    Invited,
    AwaitingEmailConfirmation,
    AwaitingApproval,
    Deactivated,

    /// <summary>Deactivated, and its personal data erased: "Former user".</summary>
    Erased,
}

public static class UserStatuses
{
    public static IReadOnlyList<UserStatus> All { get; } = Enum.GetValues<UserStatus>();

    /// <summary>Computed from the user's flags (EF evaluates it in the final projection of a query).</summary>
    public static UserStatus From(bool isActive, bool hasPassword, bool awaitingApproval, bool emailConfirmed, bool erased) =>
        erased ? UserStatus.Erased
        : !isActive ? UserStatus.Deactivated
        : !hasPassword ? UserStatus.Invited
        : awaitingApproval && !emailConfirmed ? UserStatus.AwaitingEmailConfirmation
        : awaitingApproval ? UserStatus.AwaitingApproval
        : UserStatus.Active;

    /// <summary>The users with the status, as a WHERE clause: the same rules as <see cref="From"/>.</summary>
    public static IQueryable<PortalUser> WithStatus(this IQueryable<PortalUser> users, UserStatus status) => status switch
    {
        UserStatus.Erased => users.Where(u => u.ErasedAt != null),
        UserStatus.Deactivated => users.Where(u => !u.IsActive && u.ErasedAt == null),
        UserStatus.Invited => users.Where(u => u.IsActive && u.PasswordHash == null),
        UserStatus.AwaitingEmailConfirmation =>
            users.Where(u => u.IsActive && u.PasswordHash != null && u.AwaitingApproval && !u.EmailConfirmed),
        UserStatus.AwaitingApproval => users.Where(u => u.IsActive && u.PasswordHash != null && u.AwaitingApproval && u.EmailConfirmed),
        _ => users.Where(u => u.IsActive && u.PasswordHash != null && !u.AwaitingApproval),
    };

    public static string Slug(this UserStatus status) => status switch
    {
        UserStatus.AwaitingEmailConfirmation => "awaiting-email-confirmation",
        UserStatus.AwaitingApproval => "awaiting-approval",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static UserStatus? FromSlug(string? slug) => All.Cast<UserStatus?>().FirstOrDefault(s => s!.Value.Slug() == slug);

    public static string DisplayName(this UserStatus status) => status switch
    {
        UserStatus.Active => "Active",
        UserStatus.Invited => "Invited",
        UserStatus.AwaitingEmailConfirmation => "Email not confirmed",
        UserStatus.AwaitingApproval => "Waiting for approval",
        UserStatus.Deactivated => "Deactivated",
        UserStatus.Erased => "Personal data erased",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour; the words always carry the meaning.</summary>
    public static string TagColour(this UserStatus status) => status switch
    {
        UserStatus.Active => "green",
        UserStatus.Invited => "blue",
        UserStatus.AwaitingEmailConfirmation => "grey",
        UserStatus.AwaitingApproval => "yellow",
        UserStatus.Erased => "grey",
        _ => "red",
    };
}
