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
    protected override IRequest<string?> CreateCommand() => new Command(Id);

    protected override string SuccessMessage => $"{Heading.FullName} can sign in again";

    public sealed record Command(Guid Id) : ICommand<string?>;

    public sealed class Handler(UserManager<PortalUser> users, IAuditTrail audit) : IRequestHandler<Command, string?>
    {
        public async Task<string?> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new InvalidOperationException("No such user.");
            if (user.IsActive)
            {
                return "This user is already active";
            }

            user.IsActive = true;
            (await users.UpdateAsync(user)).EnsureSucceeded();
            (await users.SetLockoutEndDateAsync(user, null)).EnsureSucceeded();
            await audit.RecordNowAsync("user.reactivated", nameof(PortalUser), user.Id.ToString(), cancellationToken: cancellationToken);
            return null;
        }
    }
}
