using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account.TwoFactor;

/// <summary>
/// Shows freshly made recovery codes once (they are stored hashed by Identity and cannot be shown again),
/// and makes a new set on request, which cancels the old one.
/// </summary>
public sealed class RecoveryCodesModel(IMediator mediator) : CommandPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string ContinueTo => Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : PortalHome.For(User);

    public IActionResult OnGet()
    {
        if (TempData[SetUpModel.RecoveryCodesKey] is not string codes)
        {
            return RedirectToPage("/Account/Index");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(new Command());

        // Two-factor is off: set it up first, which gives codes.
        return result.Outcome is CommandResult.Refused
            ? RedirectToPage("/Account/TwoFactor/SetUp")
            : OutcomeOf(result, codes =>
            {
                TempData[SetUpModel.RecoveryCodesKey] = string.Join(' ', codes);
                return RedirectToPage();
            });
    }

    /// <summary>New recovery codes for a user with two-factor on; refused (and no change) for anyone else.</summary>
    public sealed record Command : ICommand<CommandResult<IReadOnlyList<string>>>;

    public sealed class Handler(UserManager<PortalUser> users, ICurrentUser current, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult<IReadOnlyList<string>>>
    {
        public async Task<CommandResult<IReadOnlyList<string>>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            if (!user.TwoFactorEnabled)
            {
                return new CommandResult.Refused("Two-factor sign-in is not turned on");
            }

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
            await audit.RecordNowAsync(AccountEvents.RecoveryCodesReplaced, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.SavedWith<IReadOnlyList<string>>([.. codes]);
        }
    }
}
