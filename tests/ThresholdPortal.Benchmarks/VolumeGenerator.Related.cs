using Npgsql;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// What grows around a case as it is worked: the children's person records and links, the agencies' requests and answers,
/// and the referrer's feedback with the occasional escalation. Made from the case's own state, so an open case has open
/// requests and only a decided case has feedback.
/// </summary>
public sealed partial class VolumeGenerator
{
    /// <summary>A little over one in five referrals in England is a re-referral within a year (CIN census).</summary>
    private const float ReReferralShare = 0.21f;

    /// <summary>Families already matched to person records, most recent last; a re-referral picks one of them.</summary>
    private readonly GeneratedChild[]?[] knownFamilies = new GeneratedChild[250_000][];
    private long familiesKnown;

    private readonly RequestDueTimes requestDueTimes = new(
        WorkingCalendar.UkOffice(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), BankHolidays.EnglandAndWales2026To2027),
        RequestTimescales.Default);

    /// <summary>A child on a referral: a new ReferralChildren row each time, the same person when the family is referred again.</summary>
    private sealed record GeneratedChild(Guid Id, Guid PersonId, Guid HouseholdId, string Given, string Family, DateOnly Born, bool Known);

    /// <summary>An agency the MASH can ask, with the organisation that answers and the people there who do.</summary>
    private sealed record Agency(string Key, string Name, Guid OrganisationId, string[] Questions, (Guid Id, string Name)[] Responders);

    private sealed record GeneratedRequest(Guid Id, Agency Agency, Guid SentBy, DateTimeOffset SentAt, DateTimeOffset DueAt,
        RequestState State, DateTimeOffset? ViewedAt, DateTimeOffset? RespondedAt, AgencyConcernLevel Concern,
        (Guid Id, string Name) Responder);

    private sealed record GeneratedFeedback(Guid Id, Guid DecisionId, FeedbackState State, Guid SentBy, DateTimeOffset DraftedAt,
        DateTimeOffset? SentAt, DateTimeOffset? RespondedAt, GeneratedEscalation? Escalation);

    private sealed record GeneratedEscalation(Guid Id, DateTimeOffset RaisedAt, DateTimeOffset DueAt, Guid? AnsweredBy,
        DateTimeOffset? AnsweredAt);

    /// <summary>The agencies with a recipient organisation that has responders: the only ones that can answer in the portal.</summary>
    private static async Task<Agency[]> AgenciesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a."Key", a."Name", o."Id", a."StandardQuestions", array_agg(u."Id"), array_agg(u."FullName")
            FROM "PartnerAgencies" a
            JOIN "Organisations" o ON o."Kind" = ANY (a."RecipientKinds") AND o."IsActive"
            JOIN "AspNetUsers" u ON u."OrganisationId" = o."Id"
            JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" AND r."Name" = 'AgencyResponder'
            WHERE a."IsActive"
            GROUP BY a."Key", a."Name", o."Id", a."StandardQuestions", a."Order"
            ORDER BY a."Order"
            """);
        var agencies = new List<Agency>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var ids = reader.GetFieldValue<Guid[]>(4);
            var names = reader.GetFieldValue<string[]>(5);
            agencies.Add(new Agency(reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetFieldValue<string[]>(3),
                [.. ids.Zip(names)]));
        }

        return [.. agencies];
    }

    /// <summary>The referral's children: a family already known, about one time in five, or a new one of one to three.</summary>
    private GeneratedChild[] Family(DateTimeOffset receivedAt)
    {
        var known = Math.Min(familiesKnown, knownFamilies.Length);
        if (known > 0 && faker.Random.Bool(ReReferralShare))
        {
            var family = knownFamilies[faker.Random.Long(0, known - 1)]!;
            return [.. family.Select(c => c with { Id = Guid.CreateVersion7(), Known = true })];
        }

        var familyName = faker.Name.LastName();
        var householdId = Guid.CreateVersion7();
        return [.. Enumerable.Range(0, faker.Random.WeightedRandom([1, 2, 3], [0.55f, 0.32f, 0.13f])).Select(_ => new GeneratedChild(
            Guid.CreateVersion7(), Guid.CreateVersion7(), householdId, faker.Name.FirstName(), familyName,
            DateOnly.FromDateTime(faker.Date.Between(receivedAt.AddYears(-17).UtcDateTime, receivedAt.AddMonths(-2).UtcDateTime)),
            Known: false))];
    }

    /// <summary>Links, requests and feedback, as far as the case has gone.</summary>
    private void AddRelated(Generated row, Context context, DateTimeOffset now)
    {
        var mashCase = row.Case;
        if (mashCase.AssignedToUserId is not { } holder || mashCase.AssignedAt is not { } claimedAt)
        {
            return;
        }

        // Matching is the first thing a practitioner does with a claimed case.
        row.Linked = true;
        if (!row.Children[0].Known)
        {
            knownFamilies[familiesKnown++ % knownFamilies.Length] = row.Children;
        }

        var checkedWithAgencies = row.Decision is not null || mashCase.Status is MashCaseStatus.AwaitingInformation
            or MashCaseStatus.AwaitingDecision or MashCaseStatus.AwaitingSignOff;
        if (checkedWithAgencies && context.Agencies.Length > 0)
        {
            var waiting = mashCase.Status == MashCaseStatus.AwaitingInformation;
            var sentAt = Min(claimedAt.AddMinutes(faker.Random.Int(30, 120)), now);
            var asked = context.Agencies.Where(_ => faker.Random.Bool(0.7f)).DefaultIfEmpty(context.Agencies[0]);
            row.Requests.AddRange(asked.Select(agency => Request(agency, holder, sentAt, mashCase.Rating, waiting, now)));
        }

        if (row.Decision is { ReviewedAt: { } decidedAt, ReviewedByUserId: { } manager })
        {
            row.Feedback = Feedback(row, manager, decidedAt, now);
        }
    }

    private GeneratedRequest Request(
        Agency agency, Guid holder, DateTimeOffset sentAt, BragRating? rating, bool waiting, DateTimeOffset now)
    {
        var dueAt = requestDueTimes.DueAt(sentAt, rating).ToUniversalTime();
        // Most answers come inside the timescale; about one in six is late.
        var respondedAt = sentAt + ((dueAt - sentAt) * faker.Random.Double(0.1, 1.2));
        var state = waiting
            ? faker.Random.WeightedRandom([RequestState.Sent, RequestState.Viewed, RequestState.Answered], [0.3f, 0.3f, 0.4f])
            : faker.Random.WeightedRandom([RequestState.Answered, RequestState.Declined], [0.93f, 0.07f]);
        if (respondedAt > now && state is RequestState.Answered or RequestState.Declined)
        {
            state = RequestState.Viewed;
        }

        var viewedAt = state == RequestState.Sent ? (DateTimeOffset?)null : Min(sentAt + ((respondedAt - sentAt) / 3), now);
        var responded = state is RequestState.Answered or RequestState.Declined ? respondedAt : (DateTimeOffset?)null;
        return new GeneratedRequest(Guid.CreateVersion7(), agency, holder, sentAt, dueAt, state, viewedAt, responded,
            faker.Random.WeightedRandom([AgencyConcernLevel.NoConcerns, AgencyConcernLevel.Low, AgencyConcernLevel.Medium,
                AgencyConcernLevel.High], [0.35f, 0.3f, 0.25f, 0.1f]),
            faker.PickRandom(agency.Responders));
    }

    /// <summary>
    /// Feedback sent soon after sign-off for nine decisions in ten; about a third acknowledged by the referrer and one in
    /// twenty-five disagreed with, which raises an escalation the MASH manager answers within a few days.
    /// </summary>
    private GeneratedFeedback Feedback(Generated row, Guid manager, DateTimeOffset decidedAt, DateTimeOffset now)
    {
        var draftedAt = decidedAt.AddMinutes(5);
        var sentAt = Min(decidedAt.AddMinutes(faker.Random.Int(10, 48 * 60)), now);
        if (faker.Random.Bool(0.08f))
        {
            return new GeneratedFeedback(Guid.CreateVersion7(), row.Decision!.Id, FeedbackState.Draft, manager, draftedAt,
                null, null, null);
        }

        var state = faker.Random.WeightedRandom([FeedbackState.Sent, FeedbackState.Acknowledged, FeedbackState.Disagreed],
            [0.6f, 0.36f, 0.04f]);
        var respondedAt = sentAt.AddHours(faker.Random.Int(1, 72));
        if (respondedAt > now)
        {
            return new GeneratedFeedback(Guid.CreateVersion7(), row.Decision!.Id, FeedbackState.Sent, manager, draftedAt,
                sentAt, null, null);
        }

        GeneratedEscalation? escalation = null;
        if (state == FeedbackState.Disagreed)
        {
            var answeredAt = respondedAt.AddDays(faker.Random.Int(1, 5));
            escalation = new GeneratedEscalation(Guid.CreateVersion7(), respondedAt, respondedAt.AddDays(7),
                answeredAt <= now ? manager : null, answeredAt <= now ? answeredAt : null);
        }

        return new GeneratedFeedback(Guid.CreateVersion7(), row.Decision!.Id, state, manager, draftedAt, sentAt,
            state == FeedbackState.Sent ? null : respondedAt, escalation);
    }
}
