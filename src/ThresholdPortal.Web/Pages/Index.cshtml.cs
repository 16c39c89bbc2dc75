using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.Web.Pages;

public sealed class IndexModel : PageModel
{
    /// <summary>Where "Continue" takes a signed-in user: the area of their main role.</summary>
    public string HomeForUser => PortalHome.For(User);

    public void OnGet()
    {
    }
}
