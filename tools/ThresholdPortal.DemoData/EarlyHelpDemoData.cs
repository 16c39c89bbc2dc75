using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;
using AllocatePage = ThresholdPortal.Web.Pages.EarlyHelp.Cases.AllocateModel;
using AssessmentPage = ThresholdPortal.Web.Pages.EarlyHelp.Cases.AssessmentModel;
using ClosePage = ThresholdPortal.Web.Pages.EarlyHelp.Cases.CloseModel;
using ConsentPage = ThresholdPortal.Web.Pages.EarlyHelp.Cases.ConsentModel;
using LeadPage = ThresholdPortal.Web.Pages.Admin.Configuration.LeadProfessionals.EditModel;
using StepUpPage = ThresholdPortal.Web.Pages.EarlyHelp.Cases.StepUpModel;

namespace ThresholdPortal.DemoData;

/// <summary>
/// The early help hub's demo: the coordinator coordinator@example.org (Grace Mensah, enrolled with the demo
/// authenticator key), the directory of lead professionals added by the demo administrator, and the hub's work at
/// every stage (new, allocated, accepted with an assessment, declined, closed, stepped up), reached through the hub
/// pages' commands. Runs last: the requests and step-downs it works on come from the shares before it.
/// </summary>
public sealed class EarlyHelpDemoData(PortalDbContext db, UserManager<PortalUser> users, IUserStore<PortalUser> userStore,
    PortalActor actor, TimeProvider time) : IDemoDataContributor
{
    public const string CoordinatorEmail = "coordinator@example.org";

    private static readonly (string Name, LeadProfessionalKind Kind, string Contact)[] Directory =
    [
        ("Northtown Primary School: designated safeguarding lead", LeadProfessionalKind.School, "dsl@northtown-primary.example.org"),
        ("Northtown health visiting team", LeadProfessionalKind.HealthVisiting, "health.visiting@example.org"),
        ("Northtown family hub", LeadProfessionalKind.FamilyHub, "family.hub@example.org"),
        ("Southside early help team", LeadProfessionalKind.EarlyHelpTeam, "early.help.south@example.org"),
        ("Northshire youth service", LeadProfessionalKind.YouthService, "youth.service@example.org"),
    ];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var coordinator = new PortalUser
        {
            UserName = CoordinatorEmail, Email = CoordinatorEmail, EmailConfirmed = true, GivenName = "Grace", FamilyName = "Mensah",
            JobTitle = "Early help hub coordinator", OrganisationId = context.Organisations.LocalAuthority.Id,
        };
        var created = await users.CreateAsync(coordinator, DemoDataSeeder.DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the demo coordinator: "
                + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(coordinator, PortalRole.EarlyHelpCoordinator);
        await TwoFactorEnrolment.EnrolWithKeyAsync(users, userStore, coordinator, DemoDataSeeder.DemoAuthenticatorKey);

        foreach (var (name, kind, contact) in Directory)
        {
            CommandOutcomes.EnsureSaved(await actor.SendAsync(context.Users.Administrator,
                new LeadPage.Command { Name = name, Kind = kind, Contact = contact, IsActive = true }), "A lead professional");
        }

        var leads = await db.LeadProfessionals.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(cancellationToken);
        var work = await db.EarlyHelpCases.AsNoTracking().OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ReceivedAt }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();

        // The newest stay new for the coordinator to allocate; the older ones are spread over every stage.
        var stages = Enum.GetValues<EarlyHelpCaseStatus>().Where(s => s != EarlyHelpCaseStatus.New).ToList();
        var older = work.Take(Math.Max(0, work.Count - 3)).ToList();
        for (var i = 0; i < older.Count; i++)
        {
            var (id, receivedAt) = (older[i].Id, older[i].ReceivedAt);
            var at = receivedAt.AddDays(1) < now ? receivedAt.AddDays(1) : now;
            await TakeToAsync(coordinator, id, stages[i % stages.Count], leads[i % leads.Count], at, now);
        }
    }

    private async Task TakeToAsync(PortalUser coordinator, Guid id, EarlyHelpCaseStatus stage, Guid lead, DateTimeOffset at,
        DateTimeOffset now)
    {
        if (stage == EarlyHelpCaseStatus.SteppedUp)
        {
            await SendAsync(coordinator, id, at, new StepUpPage.StepUp
            {
                Reason = "The family stopped engaging and school reports the children arriving hungry and unkempt most days.",
                ChildInImmediateDanger = false,
            });
            return;
        }

        var allocate = new AllocatePage.Allocate { LeadProfessionalId = lead };
        var siblings = (await actor.SendAsync(coordinator, new AllocatePage.Query(id), at))!.SiblingsOpenElsewhere;
        if (siblings.Count > 0)
        {
            allocate.SiblingReason =
                "The MASH's work is about a half-brother living elsewhere part of the week; this family needs support now.";
        }

        await SendAsync(coordinator, id, at, allocate);
        if (stage == EarlyHelpCaseStatus.Allocated)
        {
            return;
        }

        var declines = stage == EarlyHelpCaseStatus.DeclinedByFamily;
        await SendAsync(coordinator, id, at.AddHours(2), new ConsentPage.Answer
        {
            Agreed = !declines,
            Reason = declines ? "The parents feel they are coping and do not want services involved." : null,
        });
        if (declines)
        {
            return;
        }

        var started = UkTime.DateOf(at.AddDays(3) < now ? at.AddDays(3) : now);
        await SendAsync(coordinator, id, at.AddDays(3) < now ? at.AddDays(3) : now, new AssessmentPage.Dates
        {
            Started = DateParts.From(started),
            Completed = stage == EarlyHelpCaseStatus.Closed ? DateParts.From(started) : new DateParts(),
        });
        if (stage == EarlyHelpCaseStatus.Closed)
        {
            await SendAsync(coordinator, id, at.AddDays(4) < now ? at.AddDays(4) : now,
                new ClosePage.Close { Outcome = EarlyHelpOutcome.NeedsMet, Note = "The plan's goals were met at the review meeting." });
        }
    }

    /// <summary>Opens the form as the coordinator would, then sends the change stamped with the version it read.</summary>
    private async Task SendAsync<T>(PortalUser coordinator, Guid id, DateTimeOffset at, T change)
        where T : IEarlyHelpChange, Web.Infrastructure.Mediation.ICommand<Web.Infrastructure.Mediation.CommandResult>
    {
        var view = CommandOutcomes.Found(await actor.SendAsync(coordinator, new EarlyHelpCaseView.Query(id), at), "The hub's work");
        (change.CaseId, change.Version, change.OpenedAt) = (id, view.Version, at.UtcTicks);
        CommandOutcomes.EnsureSaved(await actor.SendAsync(coordinator, change, at), $"{typeof(T).Name} on early help {view.Reference}");
    }
}
