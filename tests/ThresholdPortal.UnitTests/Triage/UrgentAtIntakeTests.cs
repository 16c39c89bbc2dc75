using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.UnitTests.Referrals;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Triage;

/// <summary>A referral that may be about a child at risk of significant harm is urgent from the first minute (issue 13).</summary>
public sealed class UrgentAtIntakeTests
{
    private static readonly DecisionClock Clock = new(WorkingCalendar.UkOffice(UkTime.Zone, []), DecisionTimescales.Default);
    private static readonly Guid Priya = Guid.NewGuid();

    // Tuesday 24 November 2026, 10:00 GMT.
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static Referral Sent(Action<Referral> change)
    {
        var referral = CompleteReferral.Build();
        referral.Categories = [ConcernCategory.Neglect.Key];
        change(referral);
        referral.Submit("NS-2026-000123", Received, []);
        return referral;
    }

    [Theory]
    [InlineData("level 4")]
    [InlineData("immediate danger")]
    [InlineData("Disclosure")]
    [InlineData("SexualAbuseByAdult")]
    [InlineData("ForcedMarriage")]
    [InlineData("FGM")]
    public void A_referral_urgent_at_intake_is_due_on_the_red_timescale_until_it_is_rated(string why)
    {
        var referral = Sent(r =>
        {
            switch (why)
            {
                case "level 4":
                    r.ChosenLevel = ThresholdLevel.Specialist;
                    break;
                case "immediate danger":
                    r.ChildInImmediateDanger = true;
                    break;
                case "FGM":
                    r.Fgm = FgmConcern.Known;
                    break;
                default:
                    r.Categories = [why];
                    break;
            }
        });

        var mashCase = MashCase.Open(referral, ContactChannel.Portal, Clock);

        (mashCase.Flags & CaseFlags.UrgentAtIntake).ShouldBe(CaseFlags.UrgentAtIntake);
        mashCase.AwaitsUrgentRating.ShouldBeTrue();
        mashCase.DecisionDueAt.ShouldBe(Clock.DeadlineFor(Received, BragRating.Red));

        mashCase.Claim(Priya, Received.AddMinutes(5));
        mashCase.Rate(BragRating.Green, "Checked: the injury was accidental.", Priya, Received.AddHours(1), Clock);

        mashCase.AwaitsUrgentRating.ShouldBeFalse();
        mashCase.DecisionDueAt.ShouldBe(Clock.DeadlineFor(Received, BragRating.Green));
        mashCase.RecountDeadline(Clock).ShouldBeNull();
    }

    [Fact]
    public void A_level_3_referral_about_neglect_is_not_urgent_at_intake()
    {
        var mashCase = MashCase.Open(Sent(r => r.Categories = [ConcernCategory.Neglect.Key]), ContactChannel.Portal, Clock);

        (mashCase.Flags & CaseFlags.UrgentAtIntake).ShouldBe(CaseFlags.None);
        mashCase.AwaitsUrgentRating.ShouldBeFalse();
        mashCase.DecisionDueAt.ShouldBe(Clock.DeadlineFor(Received, null));
    }
}
