using System.Globalization;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// A count with its noun in the right number: "1 agency", "3 agencies", "0 cases". One place, so pages stop
/// writing "1 agencies asked" or "attachment(s)". English plurals are irregular, so the caller gives both forms.
/// </summary>
public static class Plural
{
    public static string Of(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
