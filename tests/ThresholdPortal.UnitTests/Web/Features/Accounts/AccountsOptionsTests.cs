using Microsoft.Extensions.Configuration;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Accounts;

namespace ThresholdPortal.UnitTests.Web.Features.Accounts;

/// <summary>Replaces the fixed domain table of roles needing two-factor: the roles are a setting now (docs/decisions/0103).</summary>
public sealed class AccountsOptionsTests
{
    [Theory]
    [InlineData(PortalRole.MashPractitioner, true)]
    [InlineData(PortalRole.MashManager, true)]
    [InlineData(PortalRole.Administrator, true)]
    [InlineData(PortalRole.Auditor, true)]
    [InlineData(PortalRole.AgencyResponder, true)]
    [InlineData(PortalRole.EarlyHelpCoordinator, true)]
    [InlineData(PortalRole.DataProtectionOfficer, true)]
    [InlineData(PortalRole.Referrer, false)]
    public void By_default_every_role_that_sees_childrens_details_across_referrals_needs_two_factor(string role, bool required)
    {
        var options = new AccountsOptions();

        options.RequiresTwoFactor([role]).ShouldBe(required);
        options.RequiresTwoFactor([PortalRole.Referrer, role]).ShouldBe(required);
    }

    [Fact]
    public void Configured_roles_replace_the_default_rather_than_add_to_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Accounts:TwoFactorRoles:0"] = PortalRole.Administrator,
        }).Build();

        var options = configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>()!;

        options.RequiresTwoFactor([PortalRole.Administrator]).ShouldBeTrue();
        options.RequiresTwoFactor([PortalRole.AgencyResponder]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("someone@gmail.com", true)]
    [InlineData(" Someone@Hotmail.co.uk ", true)]
    [InlineData("someone@icloud.com", true)]
    [InlineData("officer@northshire.police.uk", false)]
    [InlineData("gmail.com@northshire.police.uk", false)]
    [InlineData("not an address", false)]
    public void Personal_webmail_addresses_are_recognised_by_their_domain(string email, bool webmail) =>
        new AccountsOptions().IsWebmail(email).ShouldBe(webmail);
}
