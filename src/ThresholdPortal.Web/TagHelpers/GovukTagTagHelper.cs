using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>A GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Answered&lt;/govuk-tag&gt;</c>. The text always carries the meaning.</summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovukTagTagHelper : TagHelper
{
    /// <summary>A GOV.UK tag colour (grey, green, turquoise, blue, light-blue, purple, pink, red, orange, yellow).</summary>
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        var extra = output.Attributes.TryGetAttribute("class", out var existing) ? " " + existing.Value : string.Empty;
        output.Attributes.SetAttribute("class", "govuk-tag" + (Colour is null ? string.Empty : $" govuk-tag--{Colour}") + extra);
    }
}
