using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// GOV.UK radios or checkboxes. Options are child elements; an option's own content is revealed when it
/// is chosen (the conditional reveal pattern):
/// <code>
/// &lt;govuk-radios asp-for="Data.Consent" label="Did the parents agree?"&gt;
///   &lt;govuk-choice value="Yes" label="Yes" /&gt;
///   &lt;govuk-choice value="No" label="No"&gt;&lt;govuk-textarea asp-for="Data.Why" label="Why not?" /&gt;&lt;/govuk-choice&gt;
/// &lt;/govuk-radios&gt;
/// </code>
/// </summary>
public abstract class GovukChoicesTagHelper(string kind) : GovukField
{
    internal const string ChoicesKey = "govuk-choices";

    /// <summary>Shows the options side by side (only for two short options, per the Design System).</summary>
    public bool Inline { get; set; }

    public bool Small { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var choices = new List<GovukChoiceTagHelper.Rendered>();
        context.Items[ChoicesKey] = choices;
        await output.GetChildContentAsync();

        var selected = SelectedValues();
        WriteFormGroupStart(output);
        var describedBy = DescribedBy();
        var items = string.Empty;
        for (var index = 0; index < choices.Count; index++)
        {
            var choice = choices[index];
            if (choice.IsDivider)
            {
                items += $"<div class=\"govuk-{kind}__divider\">{Encode(choice.Label)}</div>";
                continue;
            }

            // The first option takes the field's own id, so the error summary link lands on it.
            var id = index == 0 ? Id : $"{Id}-{index}";
            var conditionalId = $"conditional-{id}";
            var isChecked = selected.Contains(choice.Value, StringComparer.Ordinal);
            var hintId = id + "-item-hint";
            items += $"<div class=\"govuk-{kind}__item\">" +
                     $"<input class=\"govuk-{kind}__input\" id=\"{id}\" name=\"{Name}\" type=\"{InputType}\" " +
                         $"value=\"{Encode(choice.Value)}\"" +
                     (isChecked ? " checked" : string.Empty) +
                     (choice.Hint is null ? string.Empty : $" aria-describedby=\"{hintId}\"") +
                     (choice.Conditional is null ? string.Empty : $" data-aria-controls=\"{conditionalId}\"") +
                     (choice.Exclusive ? " data-behaviour=\"exclusive\"" : string.Empty) + ">" +
                     $"<label class=\"govuk-label govuk-{kind}__label\" for=\"{id}\">{Encode(choice.Label)}</label>" +
                     (choice.Hint is null ? string.Empty
                         : $"<div id=\"{hintId}\" class=\"govuk-hint govuk-{kind}__hint\">{Encode(choice.Hint)}</div>") +
                     "</div>";
            if (choice.Conditional is not null)
            {
                items += $"<div class=\"govuk-{kind}__conditional{(isChecked ? string.Empty : $" govuk-{kind}__conditional--hidden")}\" " +
                    $"id=\"{conditionalId}\">{choice.Conditional}</div>";
            }
        }

        var modifiers = (Inline ? $" govuk-{kind}--inline" : string.Empty) + (Small ? $" govuk-{kind}--small" : string.Empty);
        var fieldset =
            $"<fieldset class=\"govuk-fieldset\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty)}>" +
                       LegendHtml() + HintAndError() +
                       $"<div class=\"govuk-{kind}{modifiers}\" data-module=\"govuk-{kind}\">{items}</div></fieldset>";
        output.Content.SetHtmlContent(Html(fieldset));
    }

    protected abstract string InputType { get; }

    private HashSet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] values => [.. values],
                _ => [Convert.ToString(entry.RawValue, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
            };
        }

        // No answer selects the choice whose value is empty, such as "The same as for all the children", where a form offers one.
        return For.Model switch
        {
            null => [string.Empty],
            string text => [text],
            System.Collections.IEnumerable values =>
                [.. values.Cast<object?>()
                .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)],
            bool flag => [flag ? "true" : "false"],
            var value => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
        };
    }
}

[HtmlTargetElement("govuk-radios")]
public sealed class GovukRadiosTagHelper() : GovukChoicesTagHelper("radios")
{
    protected override string InputType => "radio";
}

[HtmlTargetElement("govuk-checkboxes")]
public sealed class GovukCheckboxesTagHelper() : GovukChoicesTagHelper("checkboxes")
{
    protected override string InputType => "checkbox";
}

/// <summary>One option of <c>govuk-radios</c> or <c>govuk-checkboxes</c>. Its content is the conditional reveal.</summary>
[HtmlTargetElement("govuk-choice", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-choice", ParentTag = "govuk-checkboxes")]
public sealed class GovukChoiceTagHelper : TagHelper
{
    public string Value { get; set; } = string.Empty;
    public string Label { get; set; } = string.Empty;
    public string? Hint { get; set; }

    /// <summary>A "None of these" checkbox that unticks the others.</summary>
    public bool Exclusive { get; set; }

    /// <summary>Renders the word between options ("or") instead of an option.</summary>
    public bool Divider { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = (await output.GetChildContentAsync()).GetContent();
        var choices = (List<Rendered>)context.Items[GovukChoicesTagHelper.ChoicesKey];
        choices.Add(new Rendered(Value, Label, Hint, string.IsNullOrWhiteSpace(content) ? null : content, Exclusive, Divider));
        output.SuppressOutput();
    }

    internal sealed record Rendered(string Value, string Label, string? Hint, string? Conditional, bool Exclusive, bool IsDivider);
}
