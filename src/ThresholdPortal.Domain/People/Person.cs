using ThresholdPortal.Domain.Matching;

namespace ThresholdPortal.Domain.People;

/// <summary>
/// Someone already known to the portal: a child or adult named in an earlier referral and confirmed by a
/// practitioner, or a record of a child the local authority already works with. Referrals link to a
/// person only when a practitioner confirms the match (docs/decisions/0032).
/// </summary>
public class Person
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 200;
    public const int PostcodeMaxLength = 10;
    public const int SearchNameMaxLength = 201;
    public const int InvolvementTeamMaxLength = 200;

    private string givenName = string.Empty;
    private string familyName = string.Empty;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public PersonRole Role { get; init; }

    public required string GivenName
    {
        get => givenName;
        set
        {
            givenName = value.Trim();
            SearchName = PersonName.SearchKey(givenName, familyName);
        }
    }

    public required string FamilyName
    {
        get => familyName;
        set
        {
            familyName = value.Trim();
            SearchName = PersonName.SearchKey(givenName, familyName);
        }
    }

    /// <summary>Both names, lower case and without accents: what the trigram index searches.</summary>
    public string SearchName { get; private set; } = string.Empty;

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>For a baby not yet born when the record was made, the expected date of delivery (no date of birth yet).</summary>
    public DateOnly? ExpectedDate { get; set; }

    /// <summary>The NHS number's 10 digits, copied from a referral when a practitioner confirms the link.</summary>
    public string? NhsNumber { get; set; }

    /// <summary>The Unique Pupil Number, copied likewise.</summary>
    public string? Upn { get; set; }
    public string? AddressLine1 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    /// <summary>The people who live together; a child's siblings are the other children of the household.</summary>
    public Guid HouseholdId { get; set; }

    public OpenInvolvement Involvement { get; set; }
    public DateOnly? InvolvementSince { get; set; }

    /// <summary>Who works with them now ("Northtown early help team"), when open.</summary>
    public string? InvolvementTeam { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The practitioner who created the record from a referral; null for records loaded in bulk.</summary>
    public Guid? CreatedByUserId { get; init; }

    public string DisplayName => PersonName.AsWritten(GivenName, FamilyName);

    public PersonDetails ForMatching => new(GivenName, FamilyName, DateOfBirth, NhsNumber, Upn, ExpectedDate);

    /// <summary>
    /// A confirmed link brings the referral's identifiers to the record; one the record lacks is filled, and one it
    /// already has is kept, since a practitioner confirmed the person, not a correction of their number.
    /// </summary>
    public void TakeIdentifiersFrom(string? nhsNumber, string? upn)
    {
        NhsNumber ??= nhsNumber;
        Upn ??= upn;
    }
}

/// <summary>A group of people who live together.</summary>
public class Household
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset CreatedAt { get; init; }
}

public enum PersonRole
{
    Child,
    Adult,
}

public static class PersonRoleExtensions
{
    /// <summary>"child" or "adult", as said within a sentence.</summary>
    public static string Noun(this PersonRole role) => role switch
    {
        PersonRole.Child => "child",
        PersonRole.Adult => "adult",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

/// <summary>A service already working with the person. Stored by name, so never rename a value.</summary>
public enum OpenInvolvement
{
    None,
    EarlyHelp,
    SocialCare,
}

public static class OpenInvolvementExtensions
{
    public static string DisplayName(this OpenInvolvement involvement) => involvement switch
    {
        OpenInvolvement.None => "Not open to any service",
        OpenInvolvement.EarlyHelp => "Open to early help",
        OpenInvolvement.SocialCare => "Open to children's social care",
        _ => throw new ArgumentOutOfRangeException(nameof(involvement), involvement, null),
    };
}
