using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// A GOV.UK select, for long lists where radios would not fit (choosing an organisation, filtering a list):
/// <c>&lt;govuk-select asp-for="Data.OrganisationId" label="Organisation" items="Model.Organisations" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukField
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        WriteFormGroupStart(output);
        var selected = CurrentValue();
        var options = string.Concat(Items.Select(item =>
            $"<option value=\"{Encode(item.Value)}\""
            + (string.Equals(item.Value, selected, StringComparison.Ordinal) ? " selected" : string.Empty)
            + $">{Encode(item.Text)}</option>"));
        var describedBy = DescribedBy();
        var select = $"<select class=\"govuk-select{(HasError ? " govuk-select--error" : string.Empty)}\" id=\"{Id}\" name=\"{Name}\"" +
                     (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) + $">{options}</select>";
        output.Content.SetHtmlContent(Html(LabelHtml() + HintAndError() + select));
    }
}
