using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>The second step of signing in: the code from the user's authenticator app.</summary>
public sealed class SignInCodeModel(IMediator mediator) : SecondFactorPageModel<SignInCodeModel.Command>(mediator)
{
    public sealed class Command : ICommand<CommandResult>
    {
        public string? Code { get; set; }
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

    public sealed class Handler(SignInManager<PortalUser> signInManager) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
            {
                return CommandResult.NotFound;
            }

            var result = await signInManager.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalise(request.Code),
                isPersistent: false, rememberClient: false);
            return result.Succeeded ? CommandResult.Saved
                : new CommandResult.Refused(result.IsLockedOut ? SignInRefusals.LockedOut
                    : "The code is not correct. Enter the 6 digit code your authenticator app shows now");
        }
    }
}
