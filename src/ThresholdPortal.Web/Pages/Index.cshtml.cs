using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.Web.Pages;

public sealed class IndexModel : PageModel
{
    /// <summary>Where "Continue" takes a signed-in user: the area of their main role.</summary>
    public string HomeForUser =>
        User.IsInRole(PortalRole.MashPractitioner) || User.IsInRole(PortalRole.MashManager) ? "/mash"
        : User.IsInRole(PortalRole.AgencyResponder) ? "/agency"
        : User.IsInRole(PortalRole.Administrator) ? "/admin"
        : "/referrals";

    public void OnGet()
    {
    }
}
