using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>
/// Erasing a deactivated account's personal data (issue 19): its name, e-mail address, job title, phone number,
/// password, authenticator key, recovery codes, pending links and the e-mails sent to it. The referrals, decisions,
/// answers and audit events it made stay, attributed to "Former user"; it can never sign in again.
/// </summary>
public sealed class EraseModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => "Their personal data has been erased. Their records now show \"Former user\"";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(
        UserManager<PortalUser> users, PortalDbContext db, ICurrentUser current, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.Id == current.Id)
            {
                return new CommandResult.Refused("You cannot erase your own account. Ask another administrator to do it");
            }

            var user = await users.FindByIdAsync(request.Id.ToString());
            if (user is null)
            {
                return CommandResult.NotFound;
            }

            if (user.ErasedAt is not null)
            {
                return new CommandResult.Refused("This user's personal data has already been erased");
            }

            if (user.IsActive)
            {
                return new CommandResult.Refused("Deactivate this user before you erase their personal data");
            }

            await AccountErasure.EraseAsync(users, db, user, clock.GetUtcNow(), cancellationToken);
            await audit.RecordNowAsync(AccountEvents.PersonalDataErased, nameof(PortalUser), user.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.Saved;
        }
    }
}
