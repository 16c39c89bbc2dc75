using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Email;

public sealed class OutboxRetryPolicyTests
{
    private readonly OutboxRetryPolicy policy = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), MaxAttempts: 20);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(19, 3600)]
    [InlineData(500, 3600)]
    public void The_wait_doubles_after_each_failure_up_to_the_maximum(int failures, int seconds)
    {
        policy.DelayAfter(failures).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void A_message_is_given_up_at_the_last_attempt()
    {
        policy.ShouldGiveUp(19).ShouldBeFalse();
        policy.ShouldGiveUp(20).ShouldBeTrue();
    }

    [Fact]
    public void A_failure_schedules_the_next_attempt_and_keeps_the_link()
    {
        var now = new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero);
        var message = new OutboxMessage { Recipient = "a@b.test", Template = "t", Link = "/x", CreatedAt = now, NextAttemptAt = now };

        message.RecordFailure(now, "SocketException: refused", policy);
        message.RecordFailure(now.AddSeconds(30), "SocketException: refused", policy);

        message.Attempts.ShouldBe(2);
        message.NextAttemptAt.ShouldBe(now.AddSeconds(90));
        message.Link.ShouldBe("/x");
        message.GaveUpAt.ShouldBeNull();
    }

    [Fact]
    public void Giving_up_or_sending_erases_the_link()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        var given = new OutboxMessage { Recipient = "a@b.test", Template = "t", Link = "/x?token=secret", CreatedAt = now,
            NextAttemptAt = now };
        var sent = new OutboxMessage { Recipient = "a@b.test", Template = "t", Link = "/x?token=secret", CreatedAt = now,
            NextAttemptAt = now };

        for (var attempt = 0; attempt < 20; attempt++)
        {
            given.RecordFailure(now, "refused", policy);
        }

        sent.MarkSent(now);

        (given.GaveUpAt, given.Link).ShouldBe((now, null));
        (sent.SentAt, sent.Link, sent.Attempts).ShouldBe((now, null, 1));
    }
}
