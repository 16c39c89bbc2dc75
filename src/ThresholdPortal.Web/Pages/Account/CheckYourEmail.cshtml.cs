using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>"Check your email", after asking for a reset link or registering.</summary>
public sealed class CheckYourEmailModel : PageModel
{
    public const string PasswordReset = "password-reset";
    public const string Registration = "registration";

    [BindProperty(SupportsGet = true, Name = "for")]
    public string? For { get; set; }

    public void OnGet()
    {
    }
}
