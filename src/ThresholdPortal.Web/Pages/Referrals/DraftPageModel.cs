using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThresholdPortal.Web.Pages.Referrals;

/// <summary>
/// What every page of a draft shares: the draft's id from the address, and whether the referrer came from
/// check answers (then saving returns there instead of going on).
/// </summary>
public abstract class DraftPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public Guid DraftId => Guid.TryParse(RouteData.Values["draftId"] as string, out var id) ? id : Guid.Empty;

    public bool CameFromCheckAnswers => From == ReferralRoutes.FromCheckAnswers;

    /// <summary>Where the back link goes: check answers if the referrer came from there.</summary>
    public string BackTo(string previous) => CameFromCheckAnswers ? ReferralRoutes.CheckAnswers(DraftId) : previous;

    protected IActionResult SavedThenGoTo(string next) => Redirect(CameFromCheckAnswers ? ReferralRoutes.CheckAnswers(DraftId) : next);
}
