namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// What an indicator is about, where the guidance needs to know it beyond its level: the age rules read it
/// (an injury to a baby who cannot yet move about, sexual activity under 13) and so does the rule that a
/// disabled child's needs are never met by universal services alone. Most indicators are <see cref="General"/>.
/// </summary>
public enum IndicatorKind
{
    General = 0,
    Injury,
    SexualActivity,
    Disability,
}
