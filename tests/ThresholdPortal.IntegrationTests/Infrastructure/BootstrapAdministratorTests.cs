using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Seeding;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

public sealed class BootstrapAdministratorTests(PortalApp app) : IntegrationTest(app)
{
    private const string Email = "first.admin@council.test";

    private async Task<BootstrapOutcome> BootstrapAsync(string? email = Email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var bootstrap = ActivatorUtilities.CreateInstance<BootstrapAdministrator>(
            scope.ServiceProvider,
                Options.Create(new BootstrapOptions { AdministratorEmail = email, OrganisationName = "Northshire MASH" }));
        return await bootstrap.EnsureAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Every_role_is_reference_data_without_demo_data()
    {
        var roles = await App.ExecuteDbContextAsync(db => db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync());

        roles.ShouldBe(PortalRole.All, ignoreOrder: true);
    }

    [Fact]
    public async Task A_fresh_install_invites_the_configured_administrator_once_and_stops_when_an_administrator_exists()
    {
        (await BootstrapAsync()).ShouldBe(BootstrapOutcome.Invited);
        (await BootstrapAsync()).ShouldBe(BootstrapOutcome.InvitationStillValid);

        var user = await App.ExecuteDbContextAsync(db =>
            db.Users.AsNoTracking().Include(u => u.Organisation).SingleAsync(u => u.Email == Email));
        user.PasswordHash.ShouldBeNull();
        user.Organisation.Name.ShouldBe("Northshire MASH");
        user.Organisation.Kind.ShouldBe(OrganisationKind.LocalAuthorityChildrensSocialCare);
        (await App.LinkEmailedToAsync(Email, EmailTemplate.Invitation)).ShouldStartWith("/account/accept-invitation?token=");
        (await App.AuditAsync()).Select(e => e.Action).ShouldBe([ConfigurationEvents.OrganisationCreated, AccountEvents.Invited]);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var stored = (await users.FindByEmailAsync(Email))!;
            (await users.IsInRoleAsync(stored, PortalRole.Administrator)).ShouldBeTrue();
            (await users.AddPasswordAsync(stored, PortalApp.Password)).Succeeded.ShouldBeTrue();
        }

        (await BootstrapAsync()).ShouldBe(BootstrapOutcome.AdministratorExists);
        (await BootstrapAsync("someone.else@council.test")).ShouldBe(BootstrapOutcome.AdministratorExists);
        (await App.OutboxAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_existing_mash_organisation_is_used_and_an_expired_invitation_is_sent_again()
    {
        var mash = await App.CreateOrganisationAsync("Existing MASH", OrganisationKind.LocalAuthorityChildrensSocialCare);
        (await BootstrapAsync()).ShouldBe(BootstrapOutcome.Invited);
        await App.ExecuteDbContextAsync(db =>
            db.AccountTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, TestClock.UtcNow.AddMinutes(-1))));

        (await BootstrapAsync()).ShouldBe(BootstrapOutcome.InvitedAgain);

        (await App.ExecuteDbContextAsync(db => db.Users.SingleAsync(u => u.Email == Email))).OrganisationId.ShouldBe(mash.Id);
        (await App.ExecuteDbContextAsync(db => db.Organisations.CountAsync())).ShouldBe(1);
        (await App.OutboxAsync()).Count(m => m.Recipient == Email).ShouldBe(2);
    }

    [Fact]
    public async Task An_existing_account_with_a_password_is_never_made_an_administrator()
    {
        var school = await App.CreateOrganisationAsync("Riverside School", OrganisationKind.School);
        await App.CreateUserAsync(Email, school, PortalRole.Referrer);

        (await BootstrapAsync()).ShouldBe(BootstrapOutcome.EmailTakenByAnotherAccount);
        (await BootstrapAsync(null)).ShouldBe(BootstrapOutcome.NotConfigured);

        (await App.OutboxAsync()).ShouldBeEmpty();
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        (await users.IsInRoleAsync((await users.FindByEmailAsync(Email))!, PortalRole.Administrator)).ShouldBeFalse();
    }
}
