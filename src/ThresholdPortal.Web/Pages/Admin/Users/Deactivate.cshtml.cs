using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>
/// Deactivating a user: they cannot sign in, and any session they have open is refused at its next
/// request (the security stamp changes). Their records stay.
/// </summary>
public sealed class DeactivateModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"{Heading.FullName} has been deactivated and signed out";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(UserManager<PortalUser> users, ICurrentUser current, IAuditTrail audit) : IRequestHandler<Command,
        CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.Id == current.Id)
            {
                return new CommandResult.Refused("You cannot deactivate your own account. Ask another administrator to do it");
            }

            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            if (!user.IsActive)
            {
                return new CommandResult.Refused("This user is already deactivated");
            }

            user.IsActive = false;
            (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded();
            await audit.RecordNowAsync(AccountEvents.Deactivated, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}
