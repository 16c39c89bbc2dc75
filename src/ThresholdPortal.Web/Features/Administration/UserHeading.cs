using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>Who a user-action page is about: shared by the confirmation pages (deactivate, approve...).</summary>
public sealed record UserHeading(
    Guid Id,
    string FullName,
    string Email,
    string? JobTitle,
    string Organisation,
    UserStatus Status,
    bool TwoFactorEnabled)
{
    public sealed record Query(Guid Id) : IQuery<UserHeading?>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, UserHeading?>
    {
        public async Task<UserHeading?> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking()
                .Where(u => u.Id == request.Id)
                .Select(u => new UserHeading(
                    u.Id,
                    u.FullName,
                    u.Email!,
                    u.JobTitle,
                    u.Organisation.Name,
                    UserStatuses.From(u.IsActive, u.PasswordHash != null, u.AwaitingApproval, u.EmailConfirmed, u.ErasedAt != null),
                    u.TwoFactorEnabled))
                .SingleOrDefaultAsync(cancellationToken);
    }
}
