using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Pages.Mash.Escalations;

namespace ThresholdPortal.UnitTests.Decisions;

public sealed class ReferrerProgressTests
{
    [Theory]
    [InlineData(null, null, null, false, ReferrerProgress.Received)]
    [InlineData(MashCaseStatus.New, null, null, false, ReferrerProgress.Received)]
    [InlineData(MashCaseStatus.AwaitingInformation, ContactOutcome.ProgressToMashChecks, null, false, ReferrerProgress.BeingConsidered)]
    [InlineData(MashCaseStatus.Decided, ContactOutcome.ProgressToMashChecks, null, false, ReferrerProgress.BeingConsidered)]
    [InlineData(MashCaseStatus.Decided, ContactOutcome.ClosedAtContact, null, false, ReferrerProgress.ClosedAtContact)]
    [InlineData(MashCaseStatus.Decided, ContactOutcome.ProgressToMashChecks, FeedbackState.Sent, false, ReferrerProgress.FeedbackReady)]
    [InlineData(MashCaseStatus.Decided, ContactOutcome.ProgressToMashChecks, FeedbackState.Acknowledged, false,
        ReferrerProgress.FeedbackReady)]
    [InlineData(MashCaseStatus.Decided, ContactOutcome.ProgressToMashChecks, FeedbackState.Disagreed, false, ReferrerProgress.Disagreed)]
    [InlineData(MashCaseStatus.Decided, ContactOutcome.ProgressToMashChecks, FeedbackState.Disagreed, true,
        ReferrerProgress.EscalationAnswered)]
    public void The_referrer_is_told_a_decision_is_made_only_once_feedback_is_sent(
        MashCaseStatus? status, ContactOutcome? contactOutcome, FeedbackState? feedback, bool answered, string expected) =>
        ReferrerProgress.Of(status, contactOutcome, feedback, answered).ShouldBe(expected);

    [Fact]
    public void An_escalation_cursor_round_trips_and_a_tampered_one_reads_as_the_first_page()
    {
        var cursor = new EscalationCursor(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), Guid.NewGuid());
        EscalationCursor.Decode(cursor.Encode()).ShouldBe(cursor);
        EscalationCursor.Decode("not-a-cursor").ShouldBeNull();
        EscalationCursor.Decode(null).ShouldBeNull();
        EscalationCursor.Decode("99999999999999999999-" + Guid.NewGuid().ToString("N")).ShouldBeNull();
    }
}
