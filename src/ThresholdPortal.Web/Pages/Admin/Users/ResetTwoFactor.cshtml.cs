using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>
/// For a user who lost their phone: their authenticator key and recovery codes stop working, their sessions
/// end, and (if their role requires it) they set up a new app at their next sign-in.
/// </summary>
public sealed class ResetTwoFactorModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"Two-factor sign-in reset for {Heading.FullName}";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(UserManager<PortalUser> users, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            (await users.SetTwoFactorEnabledAsync(user, false)).EnsureSucceeded();
            (await users.ResetAuthenticatorKeyAsync(user)).EnsureSucceeded();
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            // Someone locked out by wrong codes from an old phone can try again at once.
            (await users.SetLockoutEndDateAsync(user, null)).EnsureSucceeded();
            (await users.ResetAccessFailedCountAsync(user)).EnsureSucceeded();
            await audit.RecordNowAsync(AccountEvents.TwoFactorReset, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}
