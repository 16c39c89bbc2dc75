namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// What the queue warns about at a glance. The concern flags come from the referral when it arrives; the
/// re-referral and open involvement flags from the known people a practitioner links to the case. Stored
/// as bits of one integer, so never renumber a value.
/// </summary>
[Flags]
public enum CaseFlags
{
    None = 0,
    ReReferral = 1,
    OpenToEarlyHelp = 2,
    OpenToSocialCare = 4,
    Fgm = 8,
    Exploitation = 16,
    DomesticAbuse = 32,
    ImmediateDanger = 64,

    /// <summary>The referral said level 4, immediate danger, or a concern that is always child protection (docs/decisions/0089).</summary>
    UrgentAtIntake = 128,
}

public static class CaseFlagsExtensions
{
    /// <summary>The flags in the order the queue shows them, most serious first.</summary>
    public static IReadOnlyList<CaseFlags> Each { get; } =
    [
        CaseFlags.UrgentAtIntake, CaseFlags.ImmediateDanger, CaseFlags.ReReferral, CaseFlags.OpenToSocialCare, CaseFlags.OpenToEarlyHelp,
        CaseFlags.Fgm, CaseFlags.Exploitation, CaseFlags.DomesticAbuse,
    ];

    public static IEnumerable<CaseFlags> Split(this CaseFlags flags) => Each.Where(f => (flags & f) != 0);

    public static string DisplayName(this CaseFlags flag) => flag switch
    {
        CaseFlags.ReReferral => "Re-referral within 12 months",
        CaseFlags.OpenToEarlyHelp => "Open to early help",
        CaseFlags.OpenToSocialCare => "Open to social care",
        CaseFlags.Fgm => "FGM",
        CaseFlags.Exploitation => "CSE or CCE",
        CaseFlags.DomesticAbuse => "Domestic abuse",
        CaseFlags.ImmediateDanger => "Immediate danger reported",
        CaseFlags.UrgentAtIntake => "Urgent at intake",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, null),
    };
}
