using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// The GOV.UK error summary: every ModelState error, each linking to its field. Renders nothing when the
/// page has no errors. Put it at the top of the main column, before the h1.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Empty;
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }))
        {
            foreach (var error in entry!.Errors.Take(1))
            {
                var message = HtmlEncoder.Default.Encode(error.ErrorMessage);
                items += string.IsNullOrEmpty(key)
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(FieldKey(key), "_")}\">{message}</a></li>";
            }
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }

    // A date part's error ("Data.Dob.Year") belongs to the date field, whose day box carries the field id.
    private static string FieldKey(string key) =>
        key.EndsWith(".Day", StringComparison.Ordinal) || key.EndsWith(".Month", StringComparison.Ordinal)
            || key.EndsWith(".Year", StringComparison.Ordinal)
            ? key[..key.LastIndexOf('.')]
            : key;
}
