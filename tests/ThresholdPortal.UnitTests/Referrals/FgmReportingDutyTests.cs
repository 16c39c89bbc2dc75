using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.UnitTests.Referrals;

public sealed class FgmReportingDutyTests
{
    [Theory]
    [InlineData(OrganisationKind.School, "a teacher")]
    [InlineData(OrganisationKind.GpPractice, "a health professional")]
    [InlineData(OrganisationKind.HealthVisiting, "a health professional")]
    [InlineData(OrganisationKind.EmergencyDepartment, "a health professional")]
    [InlineData(OrganisationKind.LocalAuthorityChildrensSocialCare, "a social worker")]
    public void Teachers_and_regulated_health_and_social_care_staff_are_told_the_duty_is_theirs(OrganisationKind kind, string role)
    {
        FgmReportingDuty.LikelyAppliesTo(kind).ShouldBeTrue();
        FgmReportingDuty.RoleOf(kind).ShouldBe(role);
    }

    [Theory]
    [InlineData(OrganisationKind.Housing)]
    [InlineData(OrganisationKind.Police)]
    [InlineData(OrganisationKind.VoluntaryOrganisation)]
    [InlineData(OrganisationKind.EarlyHelp)]
    [InlineData(OrganisationKind.Other)]
    public void Others_are_not_told_the_duty_is_theirs(OrganisationKind kind)
    {
        FgmReportingDuty.LikelyAppliesTo(kind).ShouldBeFalse();
        FgmReportingDuty.RoleOf(kind).ShouldBeNull();
    }

    [Theory]
    [InlineData(ReferrerProfession.Teacher, OrganisationKind.Police, "a teacher")]
    [InlineData(ReferrerProfession.HealthProfessional, OrganisationKind.VoluntaryOrganisation, "a health professional")]
    [InlineData(ReferrerProfession.SocialWorker, OrganisationKind.School, "a social worker")]
    [InlineData(ReferrerProfession.Other, OrganisationKind.School, null)]
    public void The_profession_the_referrer_gave_wins_over_their_organisation(
        ReferrerProfession profession, OrganisationKind organisation, string? role) =>
        FgmReportingDuty.RoleOf(profession, organisation).ShouldBe(role);

    [Fact]
    public void Without_a_profession_the_organisation_is_the_best_guess() =>
        FgmReportingDuty.RoleOf(null, OrganisationKind.GpPractice).ShouldBe("a health professional");
}
