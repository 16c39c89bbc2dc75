using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// A GOV.UK textarea; with <c>max-length</c> it becomes the character count component, which tells the
/// user how much they have left (the server still enforces the limit).
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukField
{
    public int Rows { get; set; } = 5;
    public int? MaxLength { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        WriteFormGroupStart(output);
        var countId = Id + "-info";
        var describedBy = DescribedBy(MaxLength is null ? null : countId);
        var classes = "govuk-textarea" + (MaxLength is null ? string.Empty : " govuk-js-character-count")
            + (HasError ? " govuk-textarea--error" : string.Empty);
        var textarea = $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"" +
                       (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) +
                       $">{Encode(CurrentValue())}</textarea>";
        var body = LabelHtml() + HintAndError() + textarea;
        if (MaxLength is { } max)
        {
            var limit = max.ToString(CultureInfo.InvariantCulture);
            body += $"<div id=\"{countId}\" class=\"govuk-hint govuk-character-count__message\">You can enter up to " +
                $"{max:N0} characters</div>";
            output.Attributes.SetAttribute("class",
                "govuk-form-group govuk-character-count" + (HasError ? " govuk-form-group--error" : string.Empty));
            output.Attributes.SetAttribute("data-module", "govuk-character-count");
            output.Attributes.SetAttribute("data-maxlength", limit);
            output.Content.SetHtmlContent(Html(body));
            return;
        }

        output.Content.SetHtmlContent(Html(body));
    }
}
