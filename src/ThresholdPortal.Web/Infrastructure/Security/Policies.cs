using Microsoft.AspNetCore.Authorization;
using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.Web.Infrastructure.Security;

/// <summary>
/// The role policies for each area. Anything not covered here still needs a signed-in user: the fallback
/// policy denies anonymous requests unless a page deliberately allows them.
/// </summary>
public static class Policies
{
    public const string Referrer = "Referrer";
    public const string Mash = "Mash";
    public const string MashManager = "MashManager";
    public const string Agency = "Agency";
    public const string Administrator = "Administrator";

    /// <summary>The live measures and exports (/insights): those who watch the front door's performance.</summary>
    public const string Insights = "Insights";

    /// <summary>Case audits (/insights/audits): managers and the partnership's auditors.</summary>
    public const string CaseAudit = "CaseAudit";

    /// <summary>The early help hub's workspace (/early-help).</summary>
    public const string EarlyHelp = "EarlyHelp";

    /// <summary>Subject access (/subject-access): the data protection officer only, not administrators (docs/decisions/0123).</summary>
    public const string SubjectAccess = "SubjectAccess";

    public static AuthorizationOptions AddPortalPolicies(this AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Referrer, p => p.RequireRole(PortalRole.Referrer));
        options.AddPolicy(Mash, p => p.RequireRole(PortalRole.MashPractitioner, PortalRole.MashManager));
        options.AddPolicy(MashManager, p => p.RequireRole(PortalRole.MashManager));
        options.AddPolicy(Agency, p => p.RequireRole(PortalRole.AgencyResponder));
        options.AddPolicy(Administrator, p => p.RequireRole(PortalRole.Administrator));
        options.AddPolicy(Insights, p => p.RequireRole(PortalRole.MashManager, PortalRole.Administrator, PortalRole.Auditor));
        options.AddPolicy(CaseAudit, p => p.RequireRole(PortalRole.MashManager, PortalRole.Auditor));
        options.AddPolicy(EarlyHelp, p => p.RequireRole(PortalRole.EarlyHelpCoordinator));
        options.AddPolicy(SubjectAccess, p => p.RequireRole(PortalRole.DataProtectionOfficer));
        return options;
    }
}
