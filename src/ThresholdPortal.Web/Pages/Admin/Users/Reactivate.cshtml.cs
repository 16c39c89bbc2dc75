using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>Letting a deactivated user sign in again, with their password and two-factor set-up as before.</summary>
public sealed class ReactivateModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"{Heading.FullName} can sign in again";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(UserManager<PortalUser> users, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            if (user.ErasedAt is not null)
            {
                return new CommandResult.Refused("This user's personal data has been erased, so the account cannot be used again. " +
                    "Invite them as a new user");
            }

            if (user.IsActive)
            {
                return new CommandResult.Refused("This user is already active");
            }

            user.IsActive = true;
            (await users.UpdateAsync(user)).EnsureSucceeded();
            (await users.SetLockoutEndDateAsync(user, null)).EnsureSucceeded();
            await audit.RecordNowAsync(AccountEvents.Reactivated, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}
