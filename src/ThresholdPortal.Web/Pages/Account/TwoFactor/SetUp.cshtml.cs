using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account.TwoFactor;

/// <summary>
/// Enrolment in two-factor sign-in: the user adds the portal to an authenticator app (QR code or setup
/// key) and proves it works with a first code. Users whose role requires it are sent here until done.
/// </summary>
public sealed class SetUpModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
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
        return OutcomeOf(await mediator.Send(Data), codes =>
        {
            TempData[RecoveryCodesKey] = string.Join(' ', codes);
            return RedirectToPage("/Account/TwoFactor/RecoveryCodes", new { ReturnUrl });
        });
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        Setup = (await mediator.Send(new Prepare(), cancellationToken)).Value!;
        return true;
    }

    public sealed record Authenticator(bool AlreadyEnabled, bool RequiredByRole, string? FormattedKey, string? QrCodeDataUri);

    /// <summary>Gives the user an authenticator key if they have none yet. Never changes an existing key.</summary>
    public sealed record Prepare : ICommand<CommandResult<Authenticator>>;

    public sealed class PrepareHandler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ICurrentUser current)
        : IRequestHandler<Prepare, CommandResult<Authenticator>>
    {
        private const string Issuer = "Refer a child (Northshire MASH)";

        public async Task<CommandResult<Authenticator>> Handle(Prepare request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            var required = PortalRole.AnyRequiresTwoFactor(await users.GetRolesAsync(user));
            if (user.TwoFactorEnabled)
            {
                return CommandResult.SavedWith(new Authenticator(AlreadyEnabled: true, required, null, null));
            }

            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                (await users.ResetAuthenticatorKeyAsync(user)).EnsureSucceeded();
                // A new key changes the security stamp; re-issue this session's cookie so it stays valid.
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}" +
                      $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
            return CommandResult.SavedWith(new Authenticator(AlreadyEnabled: false, required, Format(key!), QrCode(uri)));
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
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<PortalUser> users, ICurrentUser current)
        {
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the 6 digit code from your authenticator app")
                .Must(code => AuthenticatorCode.Normalise(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
                .WithMessage("The code must be 6 digits")
                .MustAsync(async (code, _) =>
                {
                    var user = await users.FindByIdAsync(current.Id.ToString());
                    return user is not null && await users.VerifyTwoFactorTokenAsync(
                        user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalise(code));
                })
                .WithMessage("The code is not correct. Check the app shows Refer a child, then enter the code it shows now");
        }
    }

    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, ICurrentUser current, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult<IReadOnlyList<string>>>
    {
        public async Task<CommandResult<IReadOnlyList<string>>> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString())
                ?? throw new InvalidOperationException("The signed-in user no longer exists.");
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
