using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>A GOV.UK text input: <c>&lt;govuk-input asp-for="Data.Phone" label="Phone" type="tel" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukField
{
    public string Type { get; set; } = "text";
    public string? InputClass { get; set; }
    public string? Autocomplete { get; set; }
    public int? MaxLength { get; set; }
    public bool Spellcheck { get; set; } = true;
    public string? InputMode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        WriteFormGroupStart(output);
        var attributes =
            $" id=\"{Id}\" name=\"{Name}\" type=\"{Encode(Type)}\" value=\"{Encode(Type == "password" ? null : CurrentValue())}\"";
        var describedBy = DescribedBy();
        if (describedBy.Length > 0)
        {
            attributes += $" aria-describedby=\"{describedBy}\"";
        }

        if (Autocomplete is not null)
        {
            attributes += $" autocomplete=\"{Encode(Autocomplete)}\"";
        }

        if (MaxLength is not null)
        {
            // Not maxlength: the server says clearly when text is too long instead of cutting it silently.
            attributes += $" data-max-length=\"{MaxLength}\"";
        }

        if (InputMode is not null)
        {
            attributes += $" inputmode=\"{Encode(InputMode)}\"";
        }

        if (!Spellcheck)
        {
            attributes += " spellcheck=\"false\"";
        }

        var classes = "govuk-input" + (InputClass is null ? string.Empty : " " + InputClass)
            + (HasError ? " govuk-input--error" : string.Empty);
        output.Content.SetHtmlContent(Html(LabelHtml() + HintAndError() + $"<input class=\"{classes}\"{attributes}>"));
    }
}
