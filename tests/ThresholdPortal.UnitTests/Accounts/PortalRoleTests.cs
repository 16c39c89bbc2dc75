using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.UnitTests.Accounts;

public sealed class PortalRoleTests
{
    [Theory]
    [InlineData(PortalRole.MashPractitioner, true)]
    [InlineData(PortalRole.MashManager, true)]
    [InlineData(PortalRole.Administrator, true)]
    [InlineData(PortalRole.Referrer, false)]
    [InlineData(PortalRole.AgencyResponder, false)]
    public void Two_factor_is_required_for_the_mash_and_administrators(string role, bool required)
    {
        PortalRole.AnyRequiresTwoFactor([role]).ShouldBe(required);
        PortalRole.AnyRequiresTwoFactor([PortalRole.Referrer, role]).ShouldBe(required);
    }
}
