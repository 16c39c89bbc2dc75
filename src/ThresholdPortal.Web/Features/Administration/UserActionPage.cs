using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// What the confirmation pages for one action on one user share: GET shows who it is about, POST sends the
/// page's command and goes back to the user with a success message, or explains why it could not be done.
/// Each page keeps its own command and handler.
/// </summary>
public abstract class UserActionPage(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public UserHeading Heading { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadHeadingAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadHeadingAsync())
        {
            return NotFound();
        }

        var refusal = await mediator.Send(CreateCommand());
        if (refusal is null)
        {
            TempData.SetNotice(SuccessMessage);
            return RedirectToPage("/Admin/Users/Details", new { id = Id });
        }

        ModelState.AddModelError(string.Empty, refusal);
        return Page();
    }

    /// <summary>The command; it answers null when done, or why it was refused.</summary>
    protected abstract IRequest<string?> CreateCommand();

    /// <summary>Shown on the user's page afterwards; <see cref="Heading"/> says who it was.</summary>
    protected abstract string SuccessMessage { get; }

    private async Task<bool> LoadHeadingAsync()
    {
        Heading = (await mediator.Send(new UserHeading.Query(Id)))!;
        return Heading is not null;
    }
}
