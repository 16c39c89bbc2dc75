namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// A level on the continuum of need. The four levels are fixed by the partnership's model; their names
/// and descriptions come from the threshold document, so each area can word them its own way.
/// </summary>
public enum ThresholdLevel
{
    Universal = 1,
    EarlyHelp = 2,
    Targeted = 3,
    Specialist = 4,
}

public static class ThresholdLevelExtensions
{
    /// <summary>"Level 3": how referrers and the MASH speak of levels, whatever the local names are.</summary>
    public static string Number(this ThresholdLevel level) => $"Level {(int)level}";

    /// <summary>Levels 1 and 2 are met without a statutory social care response: early help comes first.</summary>
    public static bool IsBelowStatutoryThreshold(this ThresholdLevel level) => level <= ThresholdLevel.EarlyHelp;
}
