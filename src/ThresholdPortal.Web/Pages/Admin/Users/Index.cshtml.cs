using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Users;

/// <summary>People with accounts: searched by name or e-mail, filtered, paged by e-mail address (keyset).</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The last (normalised) e-mail address of the previous page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public Result Users { get; private set; } = null!;

    public IEnumerable<SelectListItem> OrganisationOptions =>
        [new SelectListItem("All organisations", string.Empty),
            .. Users.Organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];

    public static IEnumerable<SelectListItem> RoleOptions =>
        [new SelectListItem("All roles", string.Empty), .. PortalRole.All.Select(r => new SelectListItem(PortalRole.DisplayName(r), r))];

    public static IEnumerable<SelectListItem> StatusOptions =>
        [new SelectListItem("Any status", string.Empty), .. UserStatuses.All.Select(s => new SelectListItem(s.DisplayName(), s.Slug()))];

    public bool IsFiltered =>
        !string.IsNullOrWhiteSpace(Search) || OrganisationId is not null || !string.IsNullOrEmpty(Role) || !string.IsNullOrEmpty(Status);

    public async Task OnGetAsync() =>
        Users = await mediator.Send(new Query(Search, OrganisationId, Role, UserStatuses.FromSlug(Status), After));

    public string NextPageUrl() =>
        Url.Page("/Admin/Users/Index", new { Search, OrganisationId, Role, Status, After = Users.NextAfter })!;

    public const int PageSize = 25;

    public sealed record Query(string? Search, Guid? OrganisationId, string? Role, UserStatus? Status, string? After) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Row> Rows, string? NextAfter, IReadOnlyList<OrganisationOption> Organisations);

    public sealed record Row(Guid Id, string FullName, string Email, string Organisation, IReadOnlyList<string> Roles, UserStatus Status);

    public sealed record OrganisationOption(Guid Id, string Name);

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            // A partner system's service account is listed with its API client, not among people.
            var users = db.Users.AsNoTracking().Where(u => !db.ApiClients.Any(c => c.ServiceUserId == u.Id));
            if (!string.IsNullOrWhiteSpace(request.Search))
            {
                var pattern = "%" + EscapeLike(request.Search.Trim()) + "%";
                users = users.Where(u => EF.Functions.ILike(u.Email!, pattern)
                                         || EF.Functions.ILike(u.FullName, pattern));
            }

            if (request.OrganisationId is { } organisationId)
            {
                users = users.Where(u => u.OrganisationId == organisationId);
            }

            if (!string.IsNullOrEmpty(request.Role))
            {
                users = users.Where(u =>
                    db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == request.Role)));
            }

            if (request.Status is { } status)
            {
                users = users.WithStatus(status);
            }

            if (!string.IsNullOrEmpty(request.After))
            {
                users = users.Where(u => string.Compare(u.NormalizedEmail, request.After) > 0);
            }

            var page = await users
                .OrderBy(u => u.NormalizedEmail)
                .Take(PageSize + 1)
                .Select(u => new
                {
                    Row = new Row(
                        u.Id,
                        u.FullName,
                        u.Email!,
                        u.Organisation.Name,
                        db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                        UserStatuses.From(u.IsActive, u.PasswordHash != null, u.AwaitingApproval, u.EmailConfirmed,
                            u.ErasedAt != null)),
                    u.NormalizedEmail,
                })
                .ToListAsync(cancellationToken);
            var organisations = await db.Organisations.AsNoTracking()
                .OrderBy(o => o.Name)
                .Select(o => new OrganisationOption(o.Id, o.Name))
                .ToListAsync(cancellationToken);
            var next = page.Count > PageSize ? page[PageSize - 1].NormalizedEmail : null;
            return new Result([.. page.Take(PageSize).Select(p => p.Row)], next, organisations);
        }

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal);
    }
}
