using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// What every GOV.UK form field shares: a name and id from <c>asp-for</c>, a label or legend, a hint and
/// the error message from ModelState. Concrete helpers render the control itself.
/// </summary>
public abstract class GovukField : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The question or label text.</summary>
    public string Label { get; set; } = string.Empty;

    public string? Hint { get; set; }

    /// <summary>For example "govuk-label--m" or "govuk-fieldset__legend--l".</summary>
    public string? LabelClass { get; set; }

    /// <summary>Wraps the label or legend in an h1, for one-question pages.</summary>
    public bool IsPageHeading { get; set; }

    /// <summary>The field's full name, including the prefix of a partial rendered with <c>for</c>.</summary>
    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");
    protected string HintId => Id + "-hint";
    protected string ErrorId => Id + "-error";

    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    protected bool HasError => ErrorMessage is not null;

    /// <summary>The value to show: what was posted if the page is shown again, else the model's value.</summary>
    protected string? CurrentValue(string? name = null)
    {
        name ??= Name;
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return name == Name ? Convert.ToString(For.Model, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    protected string DescribedBy(params string?[] extra) =>
        string.Join(' ', new[] { Hint is null ? null : HintId, HasError ? ErrorId : null }.Concat(extra).Where(s => s is not null));

    protected void WriteFormGroupStart(TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", HasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
    }

    protected string HintAndError()
    {
        var html = string.Empty;
        if (Hint is not null)
        {
            html += $"<div id=\"{HintId}\" class=\"govuk-hint\">{Encode(Hint)}</div>";
        }

        if (ErrorMessage is { } error)
        {
            html += $"<p id=\"{ErrorId}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " +
                $"{Encode(error)}</p>";
        }

        return html;
    }

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label {LabelClass}\" for=\"{Id}\">{Encode(Label)}</label>";
        return IsPageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string LegendHtml()
    {
        var text = Encode(Label);
        var inner = IsPageHeading ? $"<h1 class=\"govuk-fieldset__heading\">{text}</h1>" : text;
        return $"<legend class=\"govuk-fieldset__legend {LabelClass}\">{inner}</legend>";
    }

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    protected static HtmlString Html(string html) => new(html);
}
