using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Triage;

public sealed class QueueChildTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("Jayden", "Clarke", "2017-05-03", "J.C., 9")]
    [InlineData("jayden", " clarke", "2016-11-24", "J.C., 10")]
    [InlineData("Jayden", "Clarke", "2016-11-25", "J.C., 9")]
    [InlineData("Amy", "Li", "2026-02-10", "A.L., 9 months")]
    [InlineData("Amy", "Li", "2026-10-24", "A.L., 1 month")]
    [InlineData("Amy", "Li", "2026-11-20", "A.L., 0 months")]
    public void Children_are_shown_by_initials_and_age_only(string given, string family, string born, string expected)
    {
        QueueChild.Describe(given, family, DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), isUnborn: false, Today)
            .ShouldBe(expected);
    }

    [Fact]
    public void Unknown_names_and_dates_are_said_plainly()
    {
        QueueChild.Describe(null, null, null, isUnborn: false, Today).ShouldBe("Child, age not known");
        QueueChild.Describe("Baby", "Clarke", null, isUnborn: true, Today).ShouldBe("B.C., unborn");
        QueueChild.Describe(null, " ", null, isUnborn: true, Today).ShouldBe("Unborn baby");
    }

    [Fact]
    public void An_unborn_baby_is_shown_by_the_month_it_is_due()
    {
        QueueChild.Describe(null, null, null, isUnborn: true, Today, new DateOnly(2027, 3, 14)).ShouldBe("Unborn baby, due March 2027");
        QueueChild.Describe("Baby", "Clarke", null, isUnborn: true, Today, new DateOnly(2027, 3, 14))
            .ShouldBe("B.C., unborn, due March 2027");
    }
}
