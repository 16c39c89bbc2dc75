using ThresholdPortal.Web.Features.ApiClients;
using CreatePage = ThresholdPortal.Web.Pages.Admin.ApiClients.CreateModel;
using SecretPage = ThresholdPortal.Web.Pages.Admin.ApiClients.SecretModel;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The API's demo (issue 21): the police force's case system, which sends referrals, and the council's case management,
/// which reads decisions, registered by the demo administrator through the pages' commands. Each has a secret whose value
/// is discarded: to try the API, an administrator adds a new one on the client's page, which shows it once.
/// </summary>
public sealed class ApiClientDemoData(PortalActor actor) : IDemoDataContributor
{
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, organisation, scope) in new[]
        {
            ("Northshire Police case system", context.Organisations.Police, ApiScopes.ReferralsWrite),
            ("Northshire case management (decisions feed)", context.Organisations.LocalAuthority, ApiScopes.CasesRead),
        })
        {
            var id = CommandOutcomes.EnsureSaved(await actor.SendAsync(context.Users.Administrator, new CreatePage.Command
            {
                IdempotencyKey = Guid.CreateVersion7(), Name = name, OrganisationId = organisation.Id, Scopes = [scope],
            }, cancellationToken: cancellationToken), "An API client");
            CommandOutcomes.EnsureSaved(await actor.SendAsync(context.Users.Administrator, new SecretPage.Command { ClientId = id },
                cancellationToken: cancellationToken), "An API client's secret");
        }
    }
}
