namespace ThresholdPortal.Domain.Referrals;

public enum SectionStatus
{
    CannotStartYet,
    NotStarted,
    InProgress,
    Completed,
    Optional,
}

public enum ReferralSection
{
    ThresholdLevel,
    Children,
    Household,
    Concerns,
    ConsentAndCommunication,
    Attachments,
    ReferrerDetails,
}

/// <summary>How far a draft has got, section by section: the task list and the submit check both read this.</summary>
public sealed record ReferralProgress(
    SectionStatus ThresholdLevel,
    IReadOnlyList<(Guid ChildId, SectionStatus Status)> Children,
    SectionStatus Household,
    SectionStatus Concerns,
    SectionStatus ConsentAndCommunication,
    SectionStatus Attachments,
    SectionStatus ReferrerDetails)
{
    public SectionStatus ChildrenOverall =>
        Children.Count == 0 ? SectionStatus.CannotStartYet
        : Children.All(c => c.Status == SectionStatus.Completed) ? SectionStatus.Completed
        : Children.All(c => c.Status == SectionStatus.NotStarted) ? SectionStatus.NotStarted
        : SectionStatus.InProgress;

    /// <summary>The sections that must be completed before sending, in task list order.</summary>
    public IReadOnlyList<ReferralSection> Incomplete =>
    [
        .. new (ReferralSection Section, SectionStatus Status)[]
        {
            (ReferralSection.ThresholdLevel, ThresholdLevel),
            (ReferralSection.Children, ChildrenOverall),
            (ReferralSection.Household, Household),
            (ReferralSection.Concerns, Concerns),
            (ReferralSection.ConsentAndCommunication, ConsentAndCommunication),
            (ReferralSection.ReferrerDetails, ReferrerDetails),
        }.Where(s => s.Status != SectionStatus.Completed).Select(s => s.Section),
    ];

    public bool IsReadyToSubmit => Incomplete.Count == 0;

    public static ReferralProgress Of(Referral referral)
    {
        var thresholdLevel =
            referral.ChildInImmediateDanger is null ? SectionStatus.NotStarted
            : referral.Children.Count > 0 && referral.Categories is not null && referral.ChosenLevel is not null
                && (!referral.EarlyHelpOffered || referral.EarlyHelpChoice is not null)
                ? SectionStatus.Completed
                : SectionStatus.InProgress;

        var children = referral.Children.OrderBy(c => c.Order).Select(c => (c.Id,
            c.DetailsComplete && c.ExperienceComplete ? SectionStatus.Completed
            : c.DateOfBirth is null && c.ExpectedDate is null && c.Gender is null && string.IsNullOrWhiteSpace(c.HowConcernsAffectChild)
                ? SectionStatus.NotStarted
            : SectionStatus.InProgress)).ToList();

        var concerns = referral.Concerns;
        var concernsStatus =
            concerns.ConcernsComplete && concerns.BackgroundComplete ? SectionStatus.Completed
            : string.IsNullOrWhiteSpace(concerns.WhatHappened) && string.IsNullOrWhiteSpace(concerns.History)
                ? SectionStatus.NotStarted
            : SectionStatus.InProgress;

        // Early help works with the family's agreement, so an early help request needs consent obtained.
        var consentFits = referral.Kind != ReferralKind.EarlyHelpRequest || referral.Consent.Decision == ConsentDecision.Obtained;
        var consent =
            referral.Consent.IsComplete && consentFits && referral.Communication.IsComplete ? SectionStatus.Completed
            : referral.Consent.Decision is null && referral.Communication.InterpreterNeeded is null ? SectionStatus.NotStarted
            : SectionStatus.InProgress;

        return new ReferralProgress(
            thresholdLevel,
            children,
            referral.Adults.Count > 0 ? SectionStatus.Completed : SectionStatus.NotStarted,
            concernsStatus,
            consent,
            referral.Attachments.Count > 0 ? SectionStatus.Completed : SectionStatus.Optional,
            referral.Referrer.IsComplete ? SectionStatus.Completed : SectionStatus.NotStarted);
    }
}
