namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// The audit codes of subject access (issue 19, item 3; docs/decisions/0123). The detail of an event holds counts
/// only: never the name, date of birth or NHS number searched for.
/// </summary>
public static class SubjectAccessEvents
{
    public const string SubjectType = "SubjectAccess";
    public const string Searched = "subject-access.searched";
    public const string Viewed = "subject-access.viewed";
    public const string Exported = "subject-access.exported";

    public static string? Describe(string action) => action switch
    {
        Searched => "Searched for a person for subject access",
        Viewed => "Viewed a person's records for subject access",
        Exported => "Exported a subject access bundle",
        _ => null,
    };
}
