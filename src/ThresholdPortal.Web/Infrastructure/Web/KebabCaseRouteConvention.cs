using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// Gives pages GOV.UK-style addresses from their file names: Pages/Account/SignIn.cshtml answers at
/// /account/sign-in. Route parameters are left as they are.
/// </summary>
public sealed partial class KebabCaseRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            if (selector.AttributeRouteModel?.Template is { } template)
            {
                selector.AttributeRouteModel.Template = string.Join('/', template.Split('/').Select(ToKebabCase));
            }
        }
    }

    public static string ToKebabCase(string segment) =>
        segment.StartsWith('{') ? segment : WordBoundary().Replace(segment, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();
}
