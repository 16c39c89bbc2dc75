using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// What the confirmation pages for one action on one user share: GET shows who it is about, POST sends the
/// page's command and goes back to the user with a success message, or explains why it could not be done.
/// Each page keeps its own command and handler.
/// </summary>
public abstract class UserActionPage(IMediator mediator) : CommandPageModel
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

        var result = await mediator.Send(CreateCommand());
        if (result.IsSaved)
        {
            TempData.SetNotice(SuccessMessage);
        }

        return OutcomeOf(result, () => RedirectToPage("/Admin/Users/Details", new { id = Id }));
    }

    /// <summary>The command; it answers saved, or refused with why.</summary>
    protected abstract IRequest<CommandResult> CreateCommand();

    /// <summary>Shown on the user's page afterwards; <see cref="Heading"/> says who it was.</summary>
    protected abstract string SuccessMessage { get; }

    private async Task<bool> LoadHeadingAsync()
    {
        Heading = (await mediator.Send(new UserHeading.Query(Id)))!;
        return Heading is not null;
    }
}
