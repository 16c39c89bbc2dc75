using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>"Your account": who you are in the portal, your password and your two-factor sign-in.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Summary Account { get; private set; } = null!;

    public async Task OnGetAsync() => Account = await mediator.Send(new Query());

    public sealed record Summary(
        string FullName,
        string Email,
        string? JobTitle,
        string Organisation,
        IReadOnlyList<string> Roles,
        bool TwoFactorEnabled,
        bool TwoFactorRequired,
        int RecoveryCodesLeft,
        string? TextMessagesTo = null);

    public sealed record Query : IQuery<Summary>;

    public sealed class Handler(PortalDbContext db, UserManager<PortalUser> users, ICurrentUser current, AccountsOptions accounts)
        : IRequestHandler<Query, Summary>
    {
        public async Task<Summary> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking()
                .Where(u => u.Id == current.Id)
                .Select(u => new
                {
                    u.FullName, u.Email, u.JobTitle, Organisation = u.Organisation.Name, u.TwoFactorEnabled, u.TextMessagesTo,
                })
                .SingleAsync(cancellationToken);
            var roles = await db.UserRoles.AsNoTracking()
                .Where(ur => ur.UserId == current.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .ToListAsync(cancellationToken);
            var codesLeft = user.TwoFactorEnabled
                ? await users.CountRecoveryCodesAsync((await users.FindByIdAsync(current.Id.ToString()))!)
                : 0;
            return new Summary(
                user.FullName, user.Email!, user.JobTitle, user.Organisation,
                [.. roles.Order(StringComparer.Ordinal).Select(PortalRole.DisplayName)],
                user.TwoFactorEnabled, accounts.RequiresTwoFactor(roles), codesLeft, user.TextMessagesTo);
        }
    }
}
