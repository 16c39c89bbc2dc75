using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>Lifting a lockout after too many wrong passwords or codes, for someone who cannot wait 15 minutes.</summary>
public sealed class UnlockModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"{Heading.FullName} can try to sign in again now";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(UserManager<PortalUser> users, IAuditTrail audit, SignInLockout lockout)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            if (!await users.IsLockedOutAsync(user))
            {
                return new CommandResult.Refused("This user is not locked out");
            }

            (await users.SetLockoutEndDateAsync(user, null)).EnsureSucceeded();
            (await users.ResetAccessFailedCountAsync(user)).EnsureSucceeded();
            // This instance's per-address locks go too; another instance's lapse on their own (docs/decisions/0104).
            lockout.Forget(user.Email!);
            await audit.RecordNowAsync(AccountEvents.Unlocked, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}
