namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// What the referrer said about female genital mutilation at screening. Known FGM carries a personal duty to report
/// to the police; a girl at risk needs a MASH referral (and 999 if travel is imminent). Both are child protection.
/// </summary>
public enum FgmConcern
{
    None = 0,
    AtRisk,
    Known,
}
