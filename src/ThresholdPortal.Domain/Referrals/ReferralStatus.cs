namespace ThresholdPortal.Domain.Referrals;

/// <summary>
/// Where a referral is in its life. Stored by name, so never rename a value. The triage work adds the
/// MASH's own states after <see cref="Submitted"/>.
/// </summary>
public enum ReferralStatus
{
    /// <summary>Being written by the referrer; only they can see it.</summary>
    Draft,

    /// <summary>Received: the decision clock runs from its receipt time. The MASH queue shows it as "New".</summary>
    Submitted,
}

/// <summary>Which front door a referral goes to.</summary>
public enum ReferralKind
{
    /// <summary>A referral to the MASH (levels 3 and 4, or a referrer's reasoned choice).</summary>
    MashReferral,

    /// <summary>A request for early help, routed to the early help hub's queue rather than the MASH's.</summary>
    EarlyHelpRequest,
}

public static class ReferralKindExtensions
{
    public static string DisplayName(this ReferralKind kind) => kind switch
    {
        ReferralKind.MashReferral => "Referral to the MASH",
        ReferralKind.EarlyHelpRequest => "Early help request",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The team whose queue receives it.</summary>
    public static string Queue(this ReferralKind kind) => kind switch
    {
        ReferralKind.MashReferral => "Multi-Agency Safeguarding Hub (MASH)",
        ReferralKind.EarlyHelpRequest => "Early Help Hub",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
