using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account.TwoFactor;

/// <summary>
/// Shows freshly made recovery codes once (they are stored hashed by Identity and cannot be shown again),
/// and makes a new set on request, which cancels the old one.
/// </summary>
public sealed class RecoveryCodesModel(IMediator mediator) : PageModel
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
        var codes = await mediator.Send(new Command());
        if (codes.Count == 0)
        {
            return RedirectToPage("/Account/TwoFactor/SetUp");
        }

        TempData[SetUpModel.RecoveryCodesKey] = string.Join(' ', codes);
        return RedirectToPage();
    }

    /// <summary>New recovery codes for a user with two-factor on; none (and no change) for anyone else.</summary>
    public sealed record Command : ICommand<IReadOnlyList<string>>;

    public sealed class Handler(UserManager<PortalUser> users, ICurrentUser current, IAuditTrail audit)
        : IRequestHandler<Command, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            if (!user.TwoFactorEnabled)
            {
                return [];
            }

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
            await audit.RecordNowAsync("user.recovery_codes_replaced", nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return [.. codes];
        }
    }
}
