namespace ThresholdPortal.Domain.Triage;

/// <summary>
/// A re-referral is a referral about a child already referred in the previous 12 months (the Children in
/// Need census measure; about 22% nationally). Only earlier referrals count: a later one is re-referring
/// this one, not the other way round.
/// </summary>
public static class ReReferral
{
    public const int WindowMonths = 12;

    public static bool IsWithinWindow(DateTimeOffset earlierReceivedAt, DateTimeOffset receivedAt, int windowMonths = WindowMonths) =>
        earlierReceivedAt < receivedAt && earlierReceivedAt >= receivedAt.AddMonths(-windowMonths);
}
