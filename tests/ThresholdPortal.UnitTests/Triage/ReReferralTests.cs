using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.Triage;

public sealed class ReReferralTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(-364, true)]
    [InlineData(-365, true)]
    [InlineData(-366, false)]
    [InlineData(0, false)]
    [InlineData(30, false)]
    public void An_earlier_referral_within_twelve_months_makes_this_one_a_re_referral(int daysApart, bool expected)
    {
        ReReferral.IsWithinWindow(Received.AddDays(daysApart), Received).ShouldBe(expected);
    }

    [Fact]
    public void The_window_can_be_configured()
    {
        ReReferral.IsWithinWindow(Received.AddMonths(-4), Received, windowMonths: 3).ShouldBeFalse();
        ReReferral.IsWithinWindow(Received.AddMonths(-2), Received, windowMonths: 3).ShouldBeTrue();
    }
}
