using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>Words the referral pages share for values stored as codes.</summary>
public static class ReferralDisplay
{
    public static string Status(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "Draft",
        ReferralStatus.Submitted => "Received",
        _ => status.ToString(),
    };

    public static string YesNo(bool? answer) => answer switch
    {
        true => "Yes",
        false => "No",
        null => "Not answered",
    };

    public static string SectionStatus(SectionStatus status) => status switch
    {
        Domain.Referrals.SectionStatus.CannotStartYet => "Cannot start yet",
        Domain.Referrals.SectionStatus.NotStarted => "Not yet started",
        Domain.Referrals.SectionStatus.InProgress => "In progress",
        Domain.Referrals.SectionStatus.Completed => "Completed",
        Domain.Referrals.SectionStatus.Optional => "Optional",
        _ => status.ToString(),
    };

    public static string Section(ReferralSection section) => section switch
    {
        ReferralSection.ThresholdLevel => "Check the threshold level",
        ReferralSection.Children => "About the children",
        ReferralSection.Household => "Household members and significant adults",
        ReferralSection.Concerns => "The concerns",
        ReferralSection.ConsentAndCommunication => "Consent and communication",
        ReferralSection.Attachments => "Attachments",
        ReferralSection.ReferrerDetails => "Your contact details",
        _ => section.ToString(),
    };
}
