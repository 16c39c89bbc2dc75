namespace ThresholdPortal.Web.Features.Insights;

/// <summary>Addresses of the insights pages and exports.</summary>
public static class InsightsRoutes
{
    public const string Index = "/insights";
    public const string Cases = "/insights/cases";
    public const string MeasuresCsv = "/insights/export/measures.csv";
    public const string AnnexAContactsCsv = "/insights/export/annex-a-contacts.csv";
    public const string AnnexAReferralsCsv = "/insights/export/annex-a-referrals.csv";
    public const string AnnexAEarlyHelpCsv = "/insights/export/annex-a-early-help.csv";
    public const string CinCensusCsv = "/insights/export/cin-census.csv";
    public const string UnusualAccess = "/insights/unusual-access";

    public static string With(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";

    public static string CasesBehind(Measure measure, bool numerator, InsightsFilter filter) =>
        $"{Cases}?measure={Uri.EscapeDataString(measure.Key)}&set={(numerator ? "numerator" : "denominator")}&{filter.QueryString()}";
}

/// <summary>Audit actions for insights: every export is recorded with the list and the period.</summary>
public static class InsightsEvents
{
    public const string SubjectType = "Insights";
    public const string Exported = "insights.exported";
    public const string CasesListed = "insights.cases-listed";

    /// <summary>An unusual-access alert sent: the subject id is the highest audit event id it covered (docs/decisions/0119).</summary>
    public const string UnusualAccessAlerted = "insights.unusual-access-alerted";
}

/// <summary>A count out of a total, as a measure shows it.</summary>
public sealed record Ratio(long Numerator, long Denominator)
{
    public string Percent =>
        Denominator == 0 ? "No cases" : $"{Math.Round(100m * Numerator / Denominator, MidpointRounding.AwayFromZero)}%";

    public decimal Share => Denominator == 0 ? 0 : (decimal)Numerator / Denominator;
}

/// <summary>Rows the insights SQL returns: a key with a numerator and a denominator.</summary>
public sealed class KeyedCount
{
    public string Key { get; init; } = string.Empty;
    public long Numerator { get; init; }
    public long Denominator { get; init; }
}
