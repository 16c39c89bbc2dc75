using ThresholdPortal.Domain.Matching;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>One child in the household the referral is about, with what the referrer knows of them.</summary>
public class ReferralChild
{
    public const int NameMaxLength = 100;
    public const int AddressLineMaxLength = 200;
    public const int PostcodeMaxLength = 10;
    public const int UprnMaxLength = 12;
    public const int SchoolMaxLength = 200;
    public const int LanguageMaxLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }

    /// <summary>The order the referrer added the children in.</summary>
    public int Order { get; set; }

    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }

    /// <summary>An unborn baby has an expected date of delivery instead of a date of birth.</summary>
    public bool IsUnborn { get; set; }

    public DateOnly? DateOfBirth { get; set; }
    public DateOnly? ExpectedDate { get; set; }
    public ChildGender? Gender { get; set; }

    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    /// <summary>The Unique Property Reference Number of the address, when an address lookup found it or the referrer knows it.</summary>
    public string? Uprn { get; set; }
    public string? SchoolOrSetting { get; set; }

    /// <summary>The 10 digits alone (Modulus 11 checked); optional, as a referrer may not know it.</summary>
    public string? NhsNumber { get; set; }

    /// <summary>The 13-character Unique Pupil Number in capitals, possibly temporary.</summary>
    public string? Upn { get; set; }

    /// <summary>The census sex code (M, F or U), beside the gender the referrer describes.</summary>
    public string? Sex { get; set; }

    /// <summary>The DfE ethnicity code, including REFU (refused) and NOBT (not yet obtained).</summary>
    public string? Ethnicity { get; set; }

    /// <summary>The census disability codes that apply; NONE alone for none; empty when not asked or not known.</summary>
    public List<string> Disabilities { get; set; } = [];

    public string? FirstLanguage { get; set; }
    public bool? InterpreterNeeded { get; set; }

    public string? HowConcernsAffectChild { get; set; }

    /// <summary>What the child said, or how they presented if they cannot say.</summary>
    public string? ChildsVoice { get; set; }

    public string? SiblingsExperiences { get; set; }

    /// <summary>Codes of the indicators picked for this child, in the referral's threshold document.</summary>
    public List<string> IndicatorCodes { get; set; } = [];

    public string DisplayName
    {
        get
        {
            var name = PersonName.AsWritten(GivenName, FamilyName);
            return name.Length > 0 ? (IsUnborn ? $"{name} (unborn)" : name) : IsUnborn ? "Unborn baby" : "Child";
        }
    }

    public bool DetailsComplete =>
        (IsUnborn ? ExpectedDate is not null : !string.IsNullOrWhiteSpace(GivenName) && !string.IsNullOrWhiteSpace(FamilyName)
            && DateOfBirth is not null)
        && Gender is not null
        && !string.IsNullOrWhiteSpace(AddressLine1)
        && !string.IsNullOrWhiteSpace(Postcode);

    public bool ExperienceComplete => !string.IsNullOrWhiteSpace(HowConcernsAffectChild);
}

public enum ChildGender
{
    Female,
    Male,
    Other,
    NotKnown,
}

public static class ChildGenderExtensions
{
    public static string DisplayName(this ChildGender gender) => gender switch
    {
        ChildGender.Female => "Female",
        ChildGender.Male => "Male",
        ChildGender.Other => "Another gender",
        ChildGender.NotKnown => "Not known",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };
}
