using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Security;

namespace ThresholdPortal.Web.Pages;

/// <summary>The GOV.UK-style error pages (page not found, too many requests, sorry there is a problem).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(SignInRateLimitOptions rateLimits) : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public IReadOnlyList<string> Paragraphs { get; private set; } = ["Try again later."];

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Paragraphs) = code switch
        {
            404 => ("Page not found",
                (IReadOnlyList<string>)["If you typed the web address, check it is correct.",
                "If you pasted the web address, check you copied the entire address."]),
            403 => ("You do not have access to this page",
                ["Your account does not have permission to see this page. Contact your administrator if you think you should."]),
            429 => ("Too many attempts", [
                "You have tried to sign in, or to send this form, too many times in a short time.",
                $"Wait {rateLimits.LongestWindow.TotalMinutes:0} minutes, then try again.",
                "If you have forgotten your password, you can reset it when the wait is over, or ask your portal administrator for help."]),
            400 => ("Sorry, there is a problem with the service", ["The form could not be sent. Go back, refresh the page and try again."]),
            _ => (Title, Paragraphs),
        };
    }
}
