using Npgsql;
using NpgsqlTypes;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Matching;

namespace ThresholdPortal.Benchmarks;

/// <summary>The binary COPY of the records around the cases (VolumeGenerator.Related.cs), one statement per table.</summary>
public sealed partial class VolumeGenerator
{
    private static async Task CopyPeopleAsync(NpgsqlConnection connection, List<Generated> rows, CancellationToken cancellationToken)
    {
        var linked = rows.Where(r => r.Linked).ToList();
        var added = linked.Where(r => !r.Children[0].Known).ToList();
        await CopyAsync(connection, """COPY "Households" ("Id", "CreatedAt") FROM STDIN (FORMAT BINARY)""", added,
            r => [r.Children[0].HouseholdId, r.Case.AssignedAt], cancellationToken);
        await CopyAsync(connection, """
            COPY "Persons" ("Id", "Role", "GivenName", "FamilyName", "SearchName", "DateOfBirth", "AddressLine1", "Town", "Postcode",
                "HouseholdId", "Involvement", "CreatedAt", "CreatedByUserId", "NhsNumber", "Upn")
            FROM STDIN (FORMAT BINARY)
            """, added.SelectMany(r => r.Children.Select(c => (Row: r, Child: c, Identity: IdentityOf(c, r.ReceivedAt)))),
            p => [p.Child.PersonId, "Child", p.Child.Given, p.Child.Family, PersonName.SearchKey(p.Child.Given, p.Child.Family),
                p.Child.Born, p.Identity.Address, "Northtown", p.Identity.Postcode, p.Child.HouseholdId, "None", p.Row.Case.AssignedAt,
                p.Row.Case.AssignedToUserId, p.Identity.NhsNumber, p.Identity.Upn],
            cancellationToken);
        await CopyAsync(connection, """
            COPY "PersonLinks" ("CaseId", "ReferralId", "Role", "SubjectId", "PersonId", "MatchScore", "LinkedByUserId", "LinkedAt")
            FROM STDIN (FORMAT BINARY)
            """, linked.SelectMany(r => r.Children.Select(c => (Row: r, Child: c))),
            l => [l.Row.Case.Id, l.Row.ReferralId, "Child", l.Child.Id, l.Child.PersonId, l.Child.Known ? 100 : null,
                l.Row.Case.AssignedToUserId, l.Row.Case.AssignedAt!.Value.AddMinutes(10)],
            cancellationToken);
    }

    private static async Task CopyRequestsAsync(NpgsqlConnection connection, List<Generated> rows, CancellationToken cancellationToken)
    {
        var requests = rows.SelectMany(r => r.Requests.Select(q => (Row: r, Request: q))).ToList();
        await CopyAsync(connection, """
            COPY "InformationRequests" ("Id", "CaseId", "ReferralId", "CaseReference", "AgencyKey", "AgencyName", "OrganisationId",
                "Questions", "LawfulBasis", "ConsentObtained", "Rating", "SentByUserId", "SentAt", "DueAt", "State", "FirstViewedAt",
                "RespondedAt")
            FROM STDIN (FORMAT BINARY)
            """, requests, x => [x.Request.Id, x.Row.Case.Id, x.Row.ReferralId, x.Row.Reference, x.Request.Agency.Key,
                x.Request.Agency.Name, x.Request.Agency.OrganisationId, x.Request.Agency.Questions,
                (x.Row.Consent == "Obtained" ? RequestLawfulBasis.Consent : RequestLawfulBasis.SafeguardingPublicTask).ToString(),
                x.Row.Consent == "Obtained", x.Row.Case.Rating?.ToString(), x.Request.SentBy, x.Request.SentAt, x.Request.DueAt,
                x.Request.State.ToString(), x.Request.ViewedAt, x.Request.RespondedAt],
            cancellationToken);
        await CopyAsync(connection, """
            COPY "InformationRequestSubjects" ("RequestId", "Kind", "ReferralPersonId", "Order", "Name", "DateOfBirth", "Address")
            FROM STDIN (FORMAT BINARY)
            """, requests.SelectMany(x => x.Row.Children.Select((c, i) => (x.Request, Child: c, Order: i, x.Row.ReceivedAt))),
            s => [s.Request.Id, nameof(SubjectKind.Child), s.Child.Id, s.Order, $"{s.Child.Given} {s.Child.Family}", s.Child.Born,
                $"{IdentityOf(s.Child, s.ReceivedAt).Address}, Northtown, {IdentityOf(s.Child, s.ReceivedAt).Postcode}"],
            cancellationToken);
        await CopyAsync(connection, """
            COPY "InformationResponses" ("Id", "RequestId", "Kind", "KnownToAgency", "InvolvementSummary", "CurrentRisks",
                "ConcernLevel", "DeclineReason", "RespondedByUserId", "RespondedByName", "SubmittedAt")
            FROM STDIN (FORMAT BINARY)
            """, requests.Select(x => x.Request).Where(q => q.RespondedAt is not null),
            q => q.State == RequestState.Answered
                ? [Guid.CreateVersion7(), q.Id, nameof(ResponseKind.Answer), q.Concern != AgencyConcernLevel.NoConcerns,
                    "Known to us; our records summarised for the MASH.", "As recorded by the agency.", q.Concern.ToString(), null,
                    q.Responder.Id, q.Responder.Name, q.RespondedAt]
                : [Guid.CreateVersion7(), q.Id, nameof(ResponseKind.Decline), null, null, null, null,
                    "The family is not known at this service; please ask the service named in the referral.", q.Responder.Id,
                    q.Responder.Name, q.RespondedAt],
            cancellationToken);
    }

    private static async Task CopyFeedbackAsync(NpgsqlConnection connection, List<Generated> rows, CancellationToken cancellationToken)
    {
        var feedback = rows.Where(r => r.Feedback is not null).Select(r => (Row: r, Feedback: r.Feedback!)).ToList();
        await CopyAsync(connection, """
            COPY "ReferrerFeedback" ("Id", "CaseId", "ReferralId", "DecisionId", "OutcomeSummary", "Reasons", "LevelExplanation",
                "ContactName", "ContactDetails", "Method", "State", "DraftedAt", "SentByUserId", "SentAt", "RespondedAt")
            FROM STDIN (FORMAT BINARY)
            """, feedback, x => [x.Feedback.Id, x.Row.Case.Id, x.Row.ReferralId, x.Feedback.DecisionId,
                $"The MASH decided: {x.Row.Case.Outcome}.", "Generated reasons for the referrer.",
                $"You indicated level {x.Row.Level}; the MASH decided level {(int?)x.Row.Case.DecidedLevel}.", "MASH duty team",
                "01632 960 111", nameof(FeedbackMethod.Portal), x.Feedback.State.ToString(), x.Feedback.DraftedAt,
                x.Feedback.SentAt is null ? null : x.Feedback.SentBy, x.Feedback.SentAt, x.Feedback.RespondedAt],
            cancellationToken);
        await CopyAsync(connection, """
            COPY "Escalations" ("Id", "CaseId", "FeedbackId", "RaisedByUserId", "RaisedAt", "Reasons", "DueAt", "Result", "Response",
                "AnsweredByUserId", "AnsweredAt")
            FROM STDIN (FORMAT BINARY)
            """, feedback.Where(x => x.Feedback.Escalation is not null),
            x => [x.Feedback.Escalation!.Id, x.Row.Case.Id, x.Feedback.Id, x.Row.ReferrerId, x.Feedback.Escalation.RaisedAt,
                "I do not think advice alone will keep the child safe.", x.Feedback.Escalation.DueAt,
                x.Feedback.Escalation.AnsweredAt is null ? null : nameof(EscalationResult.Upheld),
                x.Feedback.Escalation.AnsweredAt is null ? null : "We looked again with a manager and the decision stands.",
                x.Feedback.Escalation.AnsweredBy, x.Feedback.Escalation.AnsweredAt],
            cancellationToken);
    }

    /// <summary>One row's values in the COPY's column order; the Npgsql type follows each value's own type.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows, Func<T, object?[]> values,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var value in values(row))
            {
                await (value switch
                {
                    null => writer.WriteNullAsync(cancellationToken),
                    Guid id => writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken),
                    string text => writer.WriteAsync(text, NpgsqlDbType.Varchar, cancellationToken),
                    string[] texts => writer.WriteAsync(texts, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken),
                    DateTimeOffset at => writer.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
                    DateOnly day => writer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken),
                    int number => writer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
                    bool flag => writer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                    _ => throw new ArgumentException($"No COPY type for {value.GetType().Name}.", nameof(values)),
                });
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
