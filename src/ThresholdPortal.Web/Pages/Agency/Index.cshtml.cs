using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.InformationRequests;

namespace ThresholdPortal.Web.Pages.Agency;

/// <summary>The agency area's home is its list of information requests.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(InformationRequestRoutes.AgencyList);
}
