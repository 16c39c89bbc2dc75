using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>Rules the invite and change pages share.</summary>
public static class UserRules
{
    public static IRuleBuilderOptions<T, Guid?> OrganisationToJoin<T>(this IRuleBuilderInitial<T, Guid?> rule, PortalDbContext db) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose their organisation")
            .MustAsync(async (id, cancellationToken) => await db.Organisations.AnyAsync(o => o.Id == id && o.IsActive, cancellationToken))
            .WithMessage("Choose an active organisation from the list");

    public static IRuleBuilderOptions<T, List<string>> PortalRoles<T>(this IRuleBuilderInitial<T, List<string>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Select at least one role")
            .Must(roles => roles.All(PortalRole.All.Contains)).WithMessage("Select roles from the list");
}

public static class RoleChoices
{
    public static string Describe(string role) => role switch
    {
        PortalRole.Referrer => "Makes referrals and sees their outcome",
        PortalRole.MashPractitioner => "Screens referrals, asks agencies for information and proposes decisions",
        PortalRole.MashManager => "Signs off decisions and handles escalations",
        PortalRole.AgencyResponder => "Answers information requests sent to their organisation",
        PortalRole.Administrator => "Manages organisations and users",
        PortalRole.EarlyHelpCoordinator => "Allocates early help requests and step-downs, records families' answers and steps up",
        PortalRole.DataProtectionOfficer => "Answers subject access requests: finds and exports everything held about a person",
        _ => string.Empty,
    };
}
