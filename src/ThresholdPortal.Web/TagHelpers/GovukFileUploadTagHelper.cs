using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThresholdPortal.Web.TagHelpers;

/// <summary>
/// The GOV.UK file upload bound to an <c>IFormFile</c>: <c>&lt;govuk-file-upload asp-for="Data.File" label="Upload a file" /&gt;</c>.
/// The form needs <c>enctype="multipart/form-data"</c>; the server checks the content, whatever <see cref="Accept"/> says.
/// </summary>
[HtmlTargetElement("govuk-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUploadTagHelper : GovukField
{
    /// <summary>A hint to the browser's file picker, such as ".pdf,.docx".</summary>
    public string? Accept { get; set; }

    /// <summary>Lets the user choose several files at once (bind to a list of <c>IFormFile</c>).</summary>
    public bool Multiple { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        WriteFormGroupStart(output);
        var describedBy = DescribedBy();
        var input =
            $"<input class=\"govuk-file-upload{(HasError ? " govuk-file-upload--error" : string.Empty)}\" id=\"{Id}\" name=\"{Name}\" " +
            $"type=\"file\"" +
                    (Accept is null ? string.Empty : $" accept=\"{Encode(Accept)}\"") +
                    (Multiple ? " multiple" : string.Empty) +
                    (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) + ">";
        output.Content.SetHtmlContent(Html(LabelHtml() + HintAndError() + input));
    }
}
