using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.Web.Infrastructure.Identity;

/// <summary>A person who signs in. Every user belongs to exactly one organisation.</summary>
public class PortalUser : IdentityUser<Guid>
{
    public const int NameMaxLength = 100;
    public const int JobTitleMaxLength = 100;

    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string? JobTitle { get; set; }

    public const int TextNumberMaxLength = 16;

    /// <summary>
    /// The UK mobile number (E.164, "+447...") the user asked to be texted on when feedback is ready; null for no texts.
    /// Texts go only through GOV.UK Notify (docs/decisions/0111).
    /// </summary>
    public string? TextMessagesTo { get; set; }

    public Guid OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    /// <summary>A deactivated user keeps their records but can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// A professional who registered themselves: they cannot sign in until an administrator approves them
    /// as a referrer (after they have confirmed their e-mail address).
    /// </summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>
    /// When an administrator erased the account's personal data (issue 19): the records it made stay, attributed to
    /// <see cref="ErasedName"/>; it can never sign in again.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public const string ErasedGivenName = "Former";
    public const string ErasedFamilyName = "user";
    public const string ErasedName = "Former user";

    /// <summary>
    /// "Given Family", as written: the one name expression. The database stores it as a generated column
    /// (<see cref="FullNameSql"/>) so queries say <c>u.FullName</c> and raw SQL reads the same column; in memory
    /// it follows the two names, so a user not yet saved has it too. The setter only lets EF load the row.
    /// </summary>
    public string FullName
    {
        get => $"{GivenName} {FamilyName}";
        private set => _ = value;
    }

    /// <summary>The column's definition; raw SQL reads the column "FullName" rather than repeating it.</summary>
    public const string FullNameSql = "\"GivenName\" || ' ' || \"FamilyName\"";
}
