namespace ThresholdPortal.Web.Features.SubjectAccess;

/// <summary>
/// The subject access pages (docs/decisions/0123). No address carries a name, a date of birth or an NHS number: the search
/// is a POST, and the chosen records travel as their keys in TempData and in the download form's hidden fields.
/// </summary>
public static class SubjectAccessRoutes
{
    public const string Search = "/subject-access";
    public const string Record = "/subject-access/record";

    /// <summary>The TempData entry holding the chosen records' keys, comma-separated, between the results and the record page.</summary>
    public const string ChosenKey = "SubjectAccess.Chosen";
}
