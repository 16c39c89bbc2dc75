using ThresholdPortal.Domain.AccessOversight;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.AccessOversight;

public sealed class UnusualAccessTests
{
    private static readonly DateOnly BankHoliday = new(2026, 12, 25);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.UkOffice(UkTime.Zone, [BankHoliday]);
    private static readonly Guid Practitioner = Guid.NewGuid();

    // Tuesday 1 December 2026, 10:00 in London (GMT).
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_practitioners_view_in_office_hours_is_not_reported()
    {
        UnusualAccess.Find([View(1, TuesdayMorning)], Calendar, 30).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-12-01T07:59:00Z")]
    [InlineData("2026-12-01T18:00:00Z")]
    [InlineData("2026-12-05T11:00:00Z")]
    [InlineData("2026-12-25T11:00:00Z")]
    public void Views_before_or_after_the_working_day_at_weekends_and_on_bank_holidays_are_out_of_hours(string at)
    {
        var finding = UnusualAccess.Find([View(1, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture))],
            Calendar, 30).ShouldHaveSingleItem();

        finding.Reasons.ShouldBe([UnusualReason.OutOfHours]);
    }

    [Fact]
    public void More_than_the_limit_within_an_hour_reports_every_view_in_that_hour_and_no_other()
    {
        var views = Enumerable.Range(0, 4).Select(i => View(i + 1, TuesdayMorning.AddMinutes(i * 15))).ToList();
        views.Add(View(5, TuesdayMorning.AddHours(3)));

        var atThree = UnusualAccess.Find(views, Calendar, 3);
        var atFour = UnusualAccess.Find(views, Calendar, 4);

        atThree.Select(f => f.Access.Id).Order().ShouldBe([1L, 2, 3, 4]);
        atThree.ShouldAllBe(f => f.Reasons.Contains(UnusualReason.BulkViewing));
        atFour.ShouldBeEmpty("four views in 45 minutes is not more than four");
    }

    [Fact]
    public void Views_exactly_an_hour_apart_are_not_in_the_same_hour()
    {
        var views = new[] { View(1, TuesdayMorning), View(2, TuesdayMorning.AddHours(1)) };

        UnusualAccess.Find(views, Calendar, 1).ShouldBeEmpty();
    }

    [Fact]
    public void Bulk_viewing_is_counted_per_person()
    {
        var views = new[] { View(1, TuesdayMorning), View(2, TuesdayMorning.AddMinutes(1)) with { UserId = Guid.NewGuid() } };

        UnusualAccess.Find(views, Calendar, 1).ShouldBeEmpty();
    }

    [Fact]
    public void A_case_view_by_someone_without_a_mash_role_an_agency_view_after_answering_and_every_export_are_reported()
    {
        var findings = UnusualAccess.Find(
        [
            View(1, TuesdayMorning) with { ViewerHasMashRole = false },
            new AccessEvent(2, TuesdayMorning, Guid.NewGuid(), AccessKind.AgencyView, false, AgencyAlreadyAnswered: true),
            new AccessEvent(3, TuesdayMorning, Guid.NewGuid(), AccessKind.AgencyView, false, AgencyAlreadyAnswered: false),
            new AccessEvent(4, TuesdayMorning.AddDays(4), Practitioner, AccessKind.Export, true),
        ], Calendar, 30);

        findings.Select(f => (f.Access.Id, f.Reasons.Single())).ShouldBe(
            [(4L, UnusualReason.Export), (2L, UnusualReason.AgencyAfterAnswer), (1L, UnusualReason.NoMashRole)],
            "newest first; an export is listed whatever the hour, an agency's view before answering is not");
    }

    [Fact]
    public void Each_reason_has_words()
    {
        Enum.GetValues<UnusualReason>().ShouldAllBe(reason => reason.Describe(30) != reason.ToString());
        UnusualReason.BulkViewing.Describe(30).ShouldBe("More than 30 cases viewed within an hour");
    }

    private static AccessEvent View(long id, DateTimeOffset at) => new(id, at, Practitioner, AccessKind.CaseView, true);
}
