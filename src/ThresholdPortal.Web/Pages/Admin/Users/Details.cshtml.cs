using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>One user: their account, what an administrator can do to it, and its recent audit history.</summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public Result Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await mediator.Send(new Query(id));
        if (user is null)
        {
            return NotFound();
        }

        Account = user;
        return Page();
    }

    public sealed record Query(Guid Id) : IQuery<Result?>;

    public sealed record Result(
        UserHeading Heading,
        IReadOnlyList<string> Roles,
        bool TwoFactorRequired,
        bool LockedOut,
        bool HasAuthenticatorKey,
        IReadOnlyList<HistoryLine> History);

    public sealed record HistoryLine(DateTimeOffset OccurredAt, string Action, string? By, string? Detail);

    public sealed class Handler(IMediator mediator, PortalDbContext db, TimeProvider clock, AccountsOptions accounts)
        : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var heading = await mediator.Send(new UserHeading.Query(request.Id), cancellationToken);
            if (heading is null)
            {
                return null;
            }

            var roles = await db.UserRoles.AsNoTracking()
                .Where(ur => ur.UserId == request.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(name => name)
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var lockedOut = await db.Users.AsNoTracking().AnyAsync(u => u.Id == request.Id && u.LockoutEnd > now, cancellationToken);
            var hasKey = await db.UserTokens.AsNoTracking()
                .AnyAsync(t => t.UserId == request.Id && t.LoginProvider == "[AspNetUserStore]" && t.Name == "AuthenticatorKey",
                cancellationToken);
            var subjectId = request.Id.ToString();
            var history = await db.AuditEvents.AsNoTracking()
                .Where(e => e.SubjectType == nameof(PortalUser) && e.SubjectId == subjectId)
                .OrderByDescending(e => e.OccurredAt)
                .Take(20)
                .Select(e => new HistoryLine(
                    e.OccurredAt,
                    e.Action,
                    db.Users.Where(u => u.Id == e.UserId).Select(u => u.FullName).FirstOrDefault(),
                    e.Detail))
                .ToListAsync(cancellationToken);
            return new Result(heading, roles, accounts.RequiresTwoFactor(roles), lockedOut, hasKey, history);
        }
    }
}
