using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>
/// Writes the case-management feed's events, one per child, in the caller's transaction, with a webhook delivery for each
/// client that has a webhook and may read cases. What each event carries is documented field by field in docs/api.md:
/// who the child is (to match the council's record), the referral, and the decision; never the referral's own words.
/// </summary>
public static class ApiEventWriter
{
    public const string DecisionClosed = "decision.closed";
    public const string DecisionSteppedDown = "decision.stepped-down";
    public const string DecisionHandedOver = "decision.handed-over";
    public const string EscalationAnswered = "escalation.answered";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string TypeOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.StepDownToEarlyHelp => DecisionSteppedDown,
        _ when outcome.IsStatutory() => DecisionHandedOver,
        _ => DecisionClosed,
    };

    /// <summary>After a manager approved <paramref name="decision"/>: an event per child, of the type its own outcome gives.
    /// Saved with the caller's next SaveChanges.</summary>
    public static async Task DecisionApprovedAsync(PortalDbContext db, MashCase mashCase, CaseDecision decision, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(decision);
        var outcomes = decision.ChildOutcomes.ToDictionary(c => c.ReferralChildId, c => c.Outcome);
        await WriteAsync(db, mashCase, now, cancellationToken, child =>
        {
            var outcome = outcomes.TryGetValue(child, out var own) ? own : decision.Outcome;
            return (TypeOf(outcome), new
            {
                revision = decision.Revision,
                outcome = ApiNames.Of(outcome),
                level = (int)decision.Level,
                primaryNeed = decision.PrimaryNeed.Code(),
                factors = decision.Factors,
                handoverTo = outcome.IsStatutory() ? decision.HandoverTo : null,
                rationale = decision.Rationale,
                proposedAt = decision.ProposedAt,
                approvedAt = decision.ReviewedAt,
            });
        });
    }

    /// <summary>After a manager answered a referrer's escalation: whether the decision stands or will be revised.</summary>
    public static Task EscalationAnsweredAsync(PortalDbContext db, MashCase mashCase, Escalation escalation, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return WriteAsync(db, mashCase, now, cancellationToken, _ => (EscalationAnswered, new
        {
            result = ApiNames.Of(escalation.Result!.Value),
            raisedAt = escalation.RaisedAt,
            answeredAt = escalation.AnsweredAt,
            revisionFollows = escalation.Result == EscalationResult.Changed,
        }));
    }

    private static async Task WriteAsync<T>(PortalDbContext db, MashCase mashCase, DateTimeOffset now, CancellationToken cancellationToken,
        Func<Guid, (string Type, T Detail)> describe)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == mashCase.ReferralId)
            .Select(r => new { r.ReferralSourceCode, r.Children })
            .SingleAsync(cancellationToken);
        var people = await db.PersonLinks.AsNoTracking().Where(l => l.CaseId == mashCase.Id && l.Role == PersonRole.Child)
            .ToDictionaryAsync(l => l.SubjectId, l => l.PersonId, cancellationToken);
        var events = new List<ApiEvent>();
        foreach (var child in referral.Children.OrderBy(c => c.Order))
        {
            var (type, detail) = describe(child.Id);
            var id = Guid.CreateVersion7();
            var payload = new
            {
                id,
                type,
                occurredAt = now,
                caseId = mashCase.Id,
                referral = new { reference = mashCase.Reference, receivedAt = mashCase.ReceivedAt, source = referral.ReferralSourceCode },
                child = new
                {
                    id = child.Id,
                    personId = people.TryGetValue(child.Id, out var person) ? person : (Guid?)null,
                    givenName = child.GivenName,
                    familyName = child.FamilyName,
                    dateOfBirth = child.DateOfBirth,
                    expectedDate = child.ExpectedDate,
                    nhsNumber = child.NhsNumber,
                    upn = child.Upn,
                    sex = child.Sex,
                    postcode = child.Postcode,
                },
                detail,
            };
            events.Add(new ApiEvent
            {
                Id = id, Type = type, OccurredAt = now, CaseId = mashCase.Id, ReferralChildId = child.Id,
                Payload = JsonSerializer.Serialize(payload, Json),
            });
        }

        db.ApiEvents.AddRange(events);
        var subscribers = await db.ApiClients.AsNoTracking()
            .Where(c => c.DisabledAt == null && c.WebhookUrl != null && c.Scopes.Contains(ApiScopes.CasesRead))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        db.WebhookDeliveries.AddRange(subscribers.SelectMany(client => events.Select(e => new WebhookDelivery
        {
            ApiClientId = client, Event = e, CreatedAt = now, NextAttemptAt = now,
        })));
    }
}
