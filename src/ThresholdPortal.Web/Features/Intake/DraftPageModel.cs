using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>
/// What every page of a draft shares: the draft's id, bound from the address, and whether the referrer came from
/// check answers (then saving returns there instead of going on).
/// </summary>
public abstract class DraftPageModel : CommandPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [FromRoute]
    public Guid DraftId { get; set; }

    public bool CameFromCheckAnswers => From == ReferralRoutes.FromCheckAnswers;

    /// <summary>Where the back link goes: check answers if the referrer came from there.</summary>
    public string BackTo(string previous) => CameFromCheckAnswers ? ReferralRoutes.CheckAnswers(DraftId) : previous;

    protected IActionResult SavedThenGoTo(string next) => Redirect(CameFromCheckAnswers ? ReferralRoutes.CheckAnswers(DraftId) : next);

    /// <summary>A page within the same change, still returning to check answers at its end if that is where it began.</summary>
    protected IActionResult StayInChange(string page) =>
        Redirect(CameFromCheckAnswers ? $"{page}?from={ReferralRoutes.FromCheckAnswers}" : page);
}
