using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>
/// A child or adult a request names, copied from the referral when the request is sent: only what the
/// agency needs to search its own records (name, date of birth, address, relationship), never the
/// referral's account of the concerns (docs/decisions/0040). The copy is also the record of exactly what
/// was shared with whom, which the referral itself (corrected later, say) would not be.
/// </summary>
public class RequestSubject
{
    public const int NameMaxLength = 210;
    public const int AddressMaxLength = 700;

    public long Id { get; init; }
    public Guid RequestId { get; init; }
    public SubjectKind Kind { get; init; }

    /// <summary>The referral's child or adult this was copied from.</summary>
    public Guid ReferralPersonId { get; init; }

    public int Order { get; init; }
    public required string Name { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>An unborn baby's expected date of delivery.</summary>
    public DateOnly? ExpectedDate { get; init; }

    public string? Address { get; init; }

    /// <summary>An adult's relationship to the children, in the referrer's words.</summary>
    public string? Relationship { get; init; }

    public static RequestSubject FromChild(Guid requestId, ReferralChild child, int order)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new RequestSubject
        {
            RequestId = requestId,
            Kind = SubjectKind.Child,
            ReferralPersonId = child.Id,
            Order = order,
            Name = child.DisplayName,
            DateOfBirth = child.IsUnborn ? null : child.DateOfBirth,
            ExpectedDate = child.IsUnborn ? child.ExpectedDate : null,
            Address = AddressOf(child),
        };
    }

    /// <summary>An adult who lives with the children is given the children's address; the referral has no other address for them.</summary>
    public static RequestSubject FromAdult(Guid requestId, SignificantAdult adult, int order, string? householdAddress)
    {
        ArgumentNullException.ThrowIfNull(adult);
        var name = adult.DisplayName;
        return new RequestSubject
        {
            RequestId = requestId,
            Kind = SubjectKind.Adult,
            ReferralPersonId = adult.Id,
            Order = order,
            Name = name.Length > 0 ? name : "Adult (name not known)",
            DateOfBirth = adult.DateOfBirth,
            Address = adult.LivesWithChildren == true ? householdAddress : null,
            Relationship = adult.Relationship,
        };
    }

    public static string? AddressOf(ReferralChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        var parts = new[] { child.AddressLine1, child.AddressLine2, child.Town, child.Postcode }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p!.Trim())
            .ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
