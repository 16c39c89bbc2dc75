using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// A GOV.UK button that ignores a second click straight after the first, so a slow submit is not sent
/// twice (the server guards against duplicates too).
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovukButtonTagHelper : TagHelper
{
    /// <summary>"secondary", "warning" or null for the primary button.</summary>
    public string? Variant { get; set; }

    /// <summary>Posts to this named page handler of the current page.</summary>
    public string? Handler { get; set; }

    public bool IsStartButton { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "button";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("type", "submit");
        output.Attributes.SetAttribute("class",
            "govuk-button" + (Variant is null ? string.Empty : $" govuk-button--{Variant}")
            + (IsStartButton ? " govuk-button--start" : string.Empty));
        output.Attributes.SetAttribute("data-module", "govuk-button");
        output.Attributes.SetAttribute("data-prevent-double-click", "true");
        if (Handler is not null)
        {
            output.Attributes.SetAttribute("formaction", "?handler=" + Uri.EscapeDataString(Handler));
        }
    }
}
