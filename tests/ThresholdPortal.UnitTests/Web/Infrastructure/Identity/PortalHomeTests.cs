using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Identity;

public sealed class PortalHomeTests
{
    [Theory]
    [InlineData(PortalRole.MashPractitioner, "/mash")]
    [InlineData(PortalRole.MashManager, "/mash")]
    [InlineData(PortalRole.AgencyResponder, "/agency/requests")]
    [InlineData(PortalRole.Administrator, "/admin")]
    [InlineData(PortalRole.Referrer, "/referrals")]
    [InlineData(PortalRole.Auditor, "/insights/audits")]
    [InlineData(PortalRole.EarlyHelpCoordinator, "/early-help")]
    [InlineData(PortalRole.DataProtectionOfficer, "/subject-access")]
    public void Each_role_starts_in_its_own_area(string role, string home) => PortalHome.For([role]).ShouldBe(home);

    [Fact]
    public void A_user_with_no_role_yet_starts_at_their_account() => PortalHome.For(Array.Empty<string>()).ShouldBe("/account");
}
