using ThresholdPortal.Domain.Identifiers;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>
/// Ofsted's Annex A columns and cell values (issue 17, item 4; docs/decisions/0126), for the lists' <c>format=ofsted</c>
/// downloads: every list starts with the child's unique id, gender, ethnicity, date of birth and age, in Ofsted's lettered
/// labels and day/month/year dates (../shared/cin-census.md, section 2). The SQL here is built from constants only.
/// </summary>
public static class AnnexA
{
    public const string OfstedFormat = "ofsted";

    public static readonly string[] CommonHeader = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"];

    /// <summary>The referral source codes as Ofsted labels them; 5D's label is not in the published template we could read.</summary>
    public static readonly IReadOnlyDictionary<string, string> SourceLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1A"] = "a) 1A: Individual", ["1B"] = "b) 1B: Individual", ["1C"] = "c) 1C: Individual", ["1D"] = "d) 1D: Individual",
        ["2A"] = "e) 2A: Schools", ["2B"] = "f) 2B: Education services", ["3A"] = "g) 3A: Health services",
        ["3B"] = "h) 3B: Health services", ["3C"] = "i) 3C: Health services", ["3D"] = "j) 3D: Health services",
        ["3E"] = "k) 3E: Health services", ["3F"] = "l) 3F: Health services", ["4"] = "m) 4: Housing",
        ["5A"] = "n) 5A: LA services", ["5B"] = "o) 5B: LA services", ["5C"] = "p) 5C: LA services", ["5D"] = "p1) 5D: LA services",
        ["6"] = "q) 6: Police", ["7"] = "r) 7: Other legal agency", ["8"] = "s) 8: Other", ["9"] = "t) 9: Anonymous",
        ["10"] = "u) 10: Unknown",
    };

    // "a) WBRI" to "t) NOBT", in the census's order.
    private static readonly string EthnicityCases =
        string.Join(' ', CensusCodes.Ethnicities.Select((e, i) => $"WHEN '{e.Code}' THEN '{(char)('a' + i)}) {e.Code}'"));

    private static readonly string SourceCases = string.Join(' ', SourceLabels.Select(s => $"WHEN '{s.Key}' THEN '{s.Value}'"));

    /// <summary>
    /// Lists 1 and 3: the first five columns, then the day of the contact or referral and its source, for a query over cases
    /// <c>c</c> and their children <c>rc</c> (needs <c>@zone</c>).
    /// </summary>
    public static readonly string ChildColumns = $"""
        {Child("c.\"ReceivedAt\" AT TIME ZONE @zone")},
        to_char(c."ReceivedAt" AT TIME ZONE @zone, 'DD/MM/YYYY') AS "EventDate",
        CASE c."SourceCode" {SourceCases} ELSE c."SourceCode" END AS "Source"
        """;

    /// <summary>The first five columns for the children <c>rc</c> (linked as <c>l</c>), their age on <paramref name="ageOn"/>.</summary>
    public static string Child(string ageOn) => $"""
        {ChildRowsExport<Row>.ChildId} AS "ChildId",
        CASE WHEN rc."IsUnborn" THEN 'c) Not stated/recorded' WHEN rc."Sex" = 'M' THEN 'a) Male' WHEN rc."Sex" = 'F' THEN 'b) Female'
             ELSE 'c) Not stated/recorded' END AS "Gender",
        CASE rc."Ethnicity" {EthnicityCases} END AS "Ethnicity",
        CASE WHEN rc."IsUnborn" THEN NULL ELSE to_char(rc."DateOfBirth", 'DD/MM/YYYY') END AS "BirthDate",
        CASE WHEN rc."IsUnborn" OR rc."DateOfBirth" IS NULL THEN NULL
             ELSE date_part('year', age(({ageOn})::date, rc."DateOfBirth"))::int::text END AS "Age"
        """;

    /// <summary>Ofsted's "Referral NFA?" for the child's own NFA flag.</summary>
    public static string NfaLabel(string? flag) => flag switch
    {
        "Y" => "a) Yes",
        "N" => "b) No",
        _ => string.Empty,
    };

    /// <summary>A row of either list in Ofsted's form; list 1 leaves the referral columns empty.</summary>
    public sealed class Row
    {
        public string? ChildId { get; init; }
        public string Gender { get; init; } = string.Empty;
        public string? Ethnicity { get; init; }
        public string? BirthDate { get; init; }
        public string? Age { get; init; }
        public string EventDate { get; init; } = string.Empty;
        public string? Source { get; init; }
        public string? NfaFlag { get; init; }
        public string? EarlierReferrals { get; init; }
        public string? Team { get; init; }
        public string? Worker { get; init; }

        public IReadOnlyList<string?> Common => [ChildId, Gender, Ethnicity, BirthDate, Age];
    }
}
