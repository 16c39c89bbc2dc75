using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.IntegrationTests.Pages.Feedback;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Infrastructure.Identity;
using LeadPage = ThresholdPortal.Web.Pages.Admin.Configuration.LeadProfessionals.EditModel;

namespace ThresholdPortal.IntegrationTests.Pages.EarlyHelp;

/// <summary>The MASH and school of <see cref="FeedbackWorld"/>, an early help coordinator, and two lead professionals.</summary>
public sealed record EarlyHelpWorld(FeedbackWorld Mash, PortalUser Coordinator, Guid FamilyHub, Guid School)
{
    public static async Task<EarlyHelpWorld> CreateAsync(PortalApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mash = await FeedbackWorld.CreateAsync(app);
        var council = await app.ExecuteDbContextAsync(db => db.Organisations.SingleAsync(o => o.Name == "Test County Council"));
        var coordinator = await app.CreateUserAsync("grace@council.test", council, PortalRole.EarlyHelpCoordinator);
        var admin = await app.CreateUserAsync("alex@council.test", council, PortalRole.Administrator);
        var actor = new PortalActor(app.Services);
        foreach (var (name, kind) in new[] { ("Northtown family hub", LeadProfessionalKind.FamilyHub),
            ("Northtown Primary School", LeadProfessionalKind.School) })
        {
            CommandOutcomes.EnsureSaved(await actor.SendAsync(admin,
                new LeadPage.Command { Name = name, Kind = kind, Contact = "hub@example.org", IsActive = true }), "A lead professional");
        }

        var leads = await app.ExecuteDbContextAsync(db => db.LeadProfessionals.ToDictionaryAsync(p => p.Name, p => p.Id));
        return new EarlyHelpWorld(mash, coordinator, leads["Northtown family hub"], leads["Northtown Primary School"]);
    }

    /// <summary>A case the MASH stepped down, through the decision and sign-off commands: the hub's work with it.</summary>
    public async Task<(Guid Id, Guid MashCaseId, string Reference)> SteppedDownAsync(PortalApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (caseId, reference) = await Mash.DecidedCaseAsync(app);
        var id = await app.ExecuteDbContextAsync(db => db.EarlyHelpCases.Where(c => c.SteppedDownFromCaseId == caseId)
            .Select(c => c.Id).SingleAsync());
        return (id, caseId, reference);
    }

    /// <summary>An early help request sent by the signed-in referrer through the referral pages; returns its reference.</summary>
    public static async Task<string> EarlyHelpRequestAsync(HttpClient referrer)
    {
        var journey = new ReferralJourney(referrer);
        await journey.CompleteAsync();
        await journey.ChooseLevelAsync("EarlyHelp");
        await journey.ShouldRedirectAsync("early-help", new() { ["Data.Choice"] = nameof(EarlyHelpChoice.SendEarlyHelpRequest) });
        await journey.ConsentAsync(decision: "Obtained", basis: "Consent");
        return await journey.SubmitForReferenceAsync();
    }

    public static Dictionary<string, string> Stamped(string formHtml, params (string Name, string Value)[] fields)
    {
        var posted = new Dictionary<string, string>
        {
            ["Data.Version"] = FeedbackWorld.HiddenVersion(formHtml).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Data.OpenedAt"] = FeedbackWorld.OpenedAt(formHtml),
        };
        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }

        return posted;
    }
}
