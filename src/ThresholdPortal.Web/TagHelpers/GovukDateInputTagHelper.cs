using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// The GOV.UK date input (day, month, year) bound to a <see cref="Infrastructure.Web.DateParts"/> property.
/// The day box takes the field's own id, so the error summary link lands on it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukField
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        WriteFormGroupStart(output);
        var describedBy = DescribedBy();
        var error = HasError ? " govuk-input--error" : string.Empty;
        var items =
            Item("Day", Id, "govuk-input--width-2" + error) +
            Item("Month", Id + "_Month", "govuk-input--width-2" + error) +
            Item("Year", Id + "_Year", "govuk-input--width-4" + error);
        output.Content.SetHtmlContent(Html(
            $"<fieldset class=\"govuk-fieldset\" " +
                $"role=\"group\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty)}>" +
            LegendHtml() + HintAndError() + $"<div class=\"govuk-date-input\" id=\"{Id}-group\">{items}</div></fieldset>"));
    }

    private string Item(string part, string id, string classes)
    {
        var name = $"{Name}.{part}";
        return "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
               $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{part}</label>" +
               $"<input class=\"govuk-input govuk-date-input__input {classes}\" id=\"{id}\" name=\"{name}\" type=\"text\" " +
                   $"inputmode=\"numeric\" value=\"{Encode(PartValue(name, part))}\">" +
               "</div></div>";
    }

    private string? PartValue(string name, string part)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return For.Model is Infrastructure.Web.DateParts date
            ? part switch { "Day" => date.Day, "Month" => date.Month, _ => date.Year }
            : null;
    }
}
