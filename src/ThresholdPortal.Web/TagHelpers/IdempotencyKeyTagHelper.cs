using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// The hidden key of a creating form (<c>IIdempotentCommand</c>): a new one when the form is first shown, and the same one
/// when it is shown again with errors, so a double click or a retry creates once (docs/decisions/0105).
/// </summary>
[HtmlTargetElement("idempotency-key", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var key = For.Model is Guid existing && existing != Guid.Empty ? existing : Guid.CreateVersion7();
        output.TagName = "input";
        output.TagMode = TagMode.StartTagOnly;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", For.Name);
        output.Attributes.SetAttribute("value", key.ToString("D", CultureInfo.InvariantCulture));
    }
}
