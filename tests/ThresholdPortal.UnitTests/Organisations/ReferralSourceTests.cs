using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.UnitTests.Organisations;

public sealed class ReferralSourceTests
{
    [Theory]
    [InlineData(OrganisationKind.School, "2A")]
    [InlineData(OrganisationKind.GpPractice, "3A")]
    [InlineData(OrganisationKind.HealthVisiting, "3B")]
    [InlineData(OrganisationKind.Police, "6")]
    [InlineData(OrganisationKind.Probation, "7")]
    [InlineData(OrganisationKind.VoluntaryOrganisation, "8")]
    [InlineData(OrganisationKind.Housing, "4")]
    [InlineData(OrganisationKind.EarlyHelp, "5D")]
    public void Organisation_kind_maps_to_its_children_in_need_source_code(OrganisationKind kind, string code)
    {
        kind.ReferralSource().Code.ShouldBe(code);
    }

    [Fact]
    public void Every_organisation_kind_has_a_source_code_and_a_name()
    {
        foreach (var kind in Enum.GetValues<OrganisationKind>())
        {
            ReferralSource.IsKnown(kind.ReferralSource().Code).ShouldBeTrue();
            kind.DisplayName().ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void The_census_lists_twenty_two_source_codes_each_once()
    {
        ReferralSource.All.Count.ShouldBe(22);
        ReferralSource.All.Select(s => s.Code).Distinct().Count().ShouldBe(22);
    }

    [Fact]
    public void Unknown_code_is_refused()
    {
        ReferralSource.IsKnown("11").ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => ReferralSource.FromCode("11"));
        ReferralSource.FromCode("2a").ShouldBe(ReferralSource.Schools);
    }
}
