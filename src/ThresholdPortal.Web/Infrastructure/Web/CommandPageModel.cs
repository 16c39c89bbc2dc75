using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// A page that sends commands: the one place a <see cref="CommandResult"/> becomes what the user sees.
/// Saved goes where the page says; not found is a 404; refused and conflict show the form again with the
/// reason in the error summary (and, for a conflict, what changed since the form was opened).
/// </summary>
public abstract class CommandPageModel : PageModel
{
    public const string ConflictMessage =
        "This changed since you opened it. Check what changed, then make your change again if it is still right.";

    public IReadOnlyList<ChangeSinceOpened>? ChangesSinceOpened { get; private set; }

    /// <summary>
    /// The result as a response. <paramref name="reload"/> fills the page again before it is shown with the
    /// reason; it answers false when the thing has gone, and the page is then a 404.
    /// </summary>
    protected async Task<IActionResult> OutcomeAsync(
        CommandResult result, Func<IActionResult> saved, Func<Task<bool>> reload, string conflictMessage = ConflictMessage)
    {
        ArgumentNullException.ThrowIfNull(reload);
        return Settled(result, saved, conflictMessage) ?? (await reload() ? Page() : NotFound());
    }

    /// <summary>The result as a response, for a page with nothing to reload before it is shown again.</summary>
    protected IActionResult OutcomeOf(CommandResult result, Func<IActionResult> saved) => Settled(result, saved, ConflictMessage) ?? Page();

    /// <summary>A result that carries a value: where to go when saved depends on it (a new id, a reference).</summary>
    protected IActionResult OutcomeOf<T>(CommandResult<T> result, Func<T, IActionResult> saved)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(saved);
        return OutcomeOf(result.Outcome, () => saved(result.Value!));
    }

    /// <summary>A result that carries a value, for a page that reloads before it is shown again.</summary>
    protected Task<IActionResult> OutcomeAsync<T>(CommandResult<T> result, Func<T, IActionResult> saved, Func<Task<bool>> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(saved);
        return OutcomeAsync(result.Outcome, () => saved(result.Value!), reload);
    }

    /// <summary>The response when the result ends the request; otherwise null, with the reason in ModelState.</summary>
    private IActionResult? Settled(CommandResult result, Func<IActionResult> saved, string conflictMessage)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(saved);
        switch (result)
        {
            case CommandResult.SavedResult:
                return saved();
            case CommandResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, conflictMessage);
                ChangesSinceOpened = conflict.Changes;
                return null;
            case CommandResult.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Message);
                return null;
            default:
                return NotFound();
        }
    }
}
