using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// A one-line success message carried across a redirect ("Invitation sent to ..."), shown by the layout as
/// the GOV.UK success notification banner on the next page.
/// </summary>
public static class Notice
{
    public const string Key = "Notice";

    public static void SetNotice(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    public static string? TakeNotice(this ITempDataDictionary tempData) => tempData[Key] as string;
}
