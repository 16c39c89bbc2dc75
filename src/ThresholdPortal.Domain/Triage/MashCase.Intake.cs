using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Domain.Triage;

/// <summary>What a case knows from its referral the minute it arrives: its concern flags and whether it is urgent.</summary>
public partial class MashCase
{
    /// <summary>The flags that follow from the referral's own answers.</summary>
    public static CaseFlags ConcernFlagsOf(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var flags = CaseFlags.None;
        if (referral.Screening.FgmKnownOrSuspected)
        {
            flags |= CaseFlags.Fgm;
        }

        if (referral.HasCategory(ConcernCategory.ChildSexualExploitation)
            || referral.HasCategory(ConcernCategory.ChildCriminalExploitation))
        {
            flags |= CaseFlags.Exploitation;
        }

        if (referral.HasCategory(ConcernCategory.DomesticAbuse))
        {
            flags |= CaseFlags.DomesticAbuse;
        }

        if (referral.ChildInImmediateDanger == true)
        {
            flags |= CaseFlags.ImmediateDanger;
        }

        if (IsUrgentAtIntake(referral))
        {
            flags |= CaseFlags.UrgentAtIntake;
        }

        return flags;
    }

    /// <summary>
    /// Urgent from the first minute: the referrer's or the guidance's level is 4, the referrer answered "immediate
    /// danger" or known or suspected FGM, or a concern that is always child protection was chosen. Such a case is
    /// due on the Red timescale and shown first in the queue until a practitioner rates it (docs/decisions/0089).
    /// </summary>
    public static bool IsUrgentAtIntake(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return referral.ChosenLevel == ThresholdLevel.Specialist || referral.SuggestedLevel == ThresholdLevel.Specialist
            || referral.ChildInImmediateDanger == true || referral.Screening.FgmKnownOrSuspected
            || ConcernCategory.AlwaysChildProtection.Any(referral.HasCategory);
    }
}
