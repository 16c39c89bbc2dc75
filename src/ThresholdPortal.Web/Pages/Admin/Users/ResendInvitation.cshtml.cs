using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>A new invitation link for someone who has not used theirs; the old link stops working.</summary>
public sealed class ResendInvitationModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"A new invitation has been sent to {Heading.Email}";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, AccountTokens tokens, IEmailOutbox outbox,
        IAuditTrail audit)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            if (user is not { IsActive: true, PasswordHash: null })
            {
                return new CommandResult.Refused("This user has already set their password, or is deactivated");
            }

            var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.Invitation, cancellationToken);
            outbox.Enqueue(user.Email!, EmailTemplate.Invitation, "/account/accept-invitation?token=" + Uri.EscapeDataString(token));
            audit.Record(AccountEvents.InvitationResent, nameof(PortalUser), user.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
