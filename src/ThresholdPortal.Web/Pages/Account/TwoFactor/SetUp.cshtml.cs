using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QRCoder;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account.TwoFactor;

/// <summary>
/// Enrolment in two-factor sign-in: the user adds the portal to an authenticator app (QR code or setup
/// key) and proves it works with a first code. Users whose role requires it are sent here until done. Showing the
/// page stores nothing: the key offered waits in an encrypted cookie until a code proves it (docs/decisions/0103).
/// </summary>
public sealed class SetUpModel(IMediator mediator, AuthenticatorKeyOffer offer) : CommandPageModel, IReloadOnInvalid
{
    public const string RecoveryCodesKey = "RecoveryCodes";

    [BindProperty]
    public Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Authenticator Setup { get; private set; } = null!;

    public async Task OnGetAsync() => await ReloadAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Data.OfferedKey = offer.Offered(HttpContext);
        var result = await mediator.Send(Data);
        if (result.Outcome is CommandResult.Refused refused)
        {
            // Said beside the code, where the user acts on it.
            ModelState.AddModelError("Data.Code", refused.Message);
            await ReloadAsync(HttpContext.RequestAborted);
            return Page();
        }

        return OutcomeOf(result, codes =>
        {
            AuthenticatorKeyOffer.Forget(HttpContext);
            TempData[RecoveryCodesKey] = string.Join(' ', codes);
            return RedirectToPage("/Account/TwoFactor/RecoveryCodes", new { ReturnUrl });
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        Setup = await mediator.Send(new Query(offer.KeyFor(HttpContext)), cancellationToken);
        return true;
    }

    public sealed record Authenticator(bool AlreadyEnabled, bool RequiredByRole, string? FormattedKey, string? QrCodeDataUri);

    /// <summary>What the page shows for the key offered. Reads only: nothing is stored until a code proves the key.</summary>
    public sealed record Query(string OfferedKey) : IQuery<Authenticator>;

    public sealed class QueryHandler(UserManager<PortalUser> users, ICurrentUser current, AccountsOptions accounts)
        : IRequestHandler<Query, Authenticator>
    {
        private const string Issuer = "Refer a child (Northshire MASH)";

        public async Task<Authenticator> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            var required = accounts.RequiresTwoFactor(await users.GetRolesAsync(user));
            if (user.TwoFactorEnabled)
            {
                return new Authenticator(AlreadyEnabled: true, required, null, null);
            }

            var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}" +
                      $"?secret={request.OfferedKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
            return new Authenticator(AlreadyEnabled: false, required, Format(request.OfferedKey), QrCode(uri));
        }

        /// <summary>"abcd efgh ijkl ..." is easier to type into an app than one long run of letters.</summary>
        private static string Format(string key) =>
            string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));

        private static string QrCode(string uri)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            var png = new PngByteQRCode(data).GetGraphic(5);
            return "data:image/png;base64," + Convert.ToBase64String(png);
        }
    }

    public sealed class Command : ICommand<CommandResult<IReadOnlyList<string>>>
    {
        public string? Code { get; set; }

        /// <summary>From the offer's cookie, never from the form.</summary>
        [BindNever]
        public string? OfferedKey { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the 6 digit code from your authenticator app")
                .Must(code => AuthenticatorCode.Normalise(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
                .WithMessage("The code must be 6 digits");
        }
    }

    public sealed class Handler(
        UserManager<PortalUser> users, IUserStore<PortalUser> store, SignInManager<PortalUser> signIn, PortalDbContext db,
        ICurrentUser current, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult<IReadOnlyList<string>>>
    {
        public async Task<CommandResult<IReadOnlyList<string>>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            if (user.TwoFactorEnabled)
            {
                return new CommandResult.Refused("Two-factor sign-in is already set up for your account");
            }

            if (request.OfferedKey is null)
            {
                return new CommandResult.Refused("The setup key has expired. Add the key shown now to your app, then enter its code");
            }

            // Set on the tracked user only: Identity's check reads the key from EF's change tracker before anything is saved.
            await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, request.OfferedKey, cancellationToken);
            if (!await users.VerifyTwoFactorTokenAsync(
                    user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalise(request.Code)))
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Refused(
                    "The code is not correct. Check the app shows Refer a child, then enter the code it shows now");
            }

            (await users.SetTwoFactorEnabledAsync(user, true)).EnsureSucceeded();
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
            await audit.RecordNowAsync(AccountEvents.TwoFactorEnabled, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            // The cookie is re-issued without the "must enrol" mark and with the new security stamp.
            await signIn.RefreshSignInAsync(user);
            return CommandResult.SavedWith<IReadOnlyList<string>>([.. codes]);
        }
    }
}
