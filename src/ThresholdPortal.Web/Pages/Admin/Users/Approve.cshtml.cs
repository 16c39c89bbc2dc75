using MediatR;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>Approving a self-registered professional (who has confirmed their e-mail address) as a referrer.</summary>
public sealed class ApproveModel(IMediator mediator) : UserActionPage(mediator)
{
    protected override IRequest<CommandResult> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"{Heading.FullName} can now sign in and make referrals";

    public sealed record Command(Guid Id) : ICommand<CommandResult>;

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, IEmailOutbox outbox, IAuditTrail audit)
        : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            if (user is not { IsActive: true, AwaitingApproval: true, EmailConfirmed: true })
            {
                return new CommandResult.Refused("Only a registration whose email address has been confirmed can be approved");
            }

            user.AwaitingApproval = false;
            (await users.UpdateAsync(user)).EnsureSucceeded();
            if (!await users.IsInRoleAsync(user, PortalRole.Referrer))
            {
                (await users.AddToRoleAsync(user, PortalRole.Referrer)).EnsureSucceeded();
            }

            outbox.Enqueue(user.Email!, EmailTemplate.RegistrationApproved, "/account/sign-in");
            audit.Record(AccountEvents.RegistrationApproved, nameof(PortalUser), user.Id.ToString(), "Approved as a referrer");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
