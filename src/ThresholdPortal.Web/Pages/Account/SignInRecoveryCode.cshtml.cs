using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>The second step of signing in for someone without their authenticator app: a one-off recovery code.</summary>
public sealed class SignInRecoveryCodeModel(IMediator mediator) : SecondFactorPageModel<SignInRecoveryCodeModel.Command>(mediator)
{
    public sealed class Command : ICommand<CommandResult>
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Enter one of your recovery codes")
                .MaximumLength(50).WithMessage("A recovery code is 11 characters, like ABCDE-12345");
        }
    }

    public sealed class Handler(SignInManager<PortalUser> signInManager, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return CommandResult.NotFound;
            }

            // Identity stores the codes without spaces; people may copy them with some.
            var code = new string(request.Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
            var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
            if (!result.Succeeded)
            {
                return new CommandResult.Refused(result.IsLockedOut ? SignInRefusals.LockedOut
                    : "The recovery code is not correct, or it has been used already");
            }

            await audit.RecordNowAsync(AccountEvents.RecoveryCodeUsed, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}
