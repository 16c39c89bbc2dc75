using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.SubjectAccess;

/// <summary>A record of the portal's, chosen by the officer as being the person asked about.</summary>
public sealed record SubjectChoice(SubjectRecordKind Kind, Guid Id)
{
    /// <summary>"ReferralChild:…", as <see cref="SubjectCandidate.Key"/>: how a choice travels in a form.</summary>
    public string Key => $"{Kind}:{Id:N}";

    /// <summary>
    /// The choices a form sent: null unless there are between 1 and <see cref="SubjectRecord.MaxChoices"/> and every one reads.
    /// </summary>
    public static IReadOnlyList<SubjectChoice>? ParseAll(IEnumerable<string?>? keys)
    {
        var distinct = (keys ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count is 0 or > SubjectRecord.MaxChoices)
        {
            return null;
        }

        var choices = new List<SubjectChoice>();
        foreach (var key in distinct)
        {
            if (!SubjectCandidate.TryParse(key, out var kind, out var id))
            {
                return null;
            }

            choices.Add(new SubjectChoice(kind, id));
        }

        return choices;
    }
}

/// <summary>What the record page shows: the record and the names of the portal staff in its access log.</summary>
public sealed record SubjectRecordView(SubjectRecord Record, IReadOnlyDictionary<Guid, string> StaffNames);

/// <summary>
/// Everything the portal holds that concerns one person (docs/decisions/0123): the records chosen as them (a known person
/// brings the referral children and adults linked to it), the referrals naming them with their text, the cases those
/// referrals opened, the information requests about them with every response, the attachments of those referrals and
/// responses (without their bytes) and the access log of all of these. <see cref="SubjectIds"/> are the referral children and
/// adults who are the person: everyone else named is a third party.
/// </summary>
public sealed record SubjectRecord(
    IReadOnlyList<SubjectChoice> Chosen,
    IReadOnlySet<Guid> SubjectIds,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<MashCase> Cases,
    IReadOnlyList<InformationRequest> Requests,
    IReadOnlyList<AuditEvent> AccessLog)
{
    public const int MaxChoices = 50;
    public const int MaxAccessLogEntries = 5000;

    public int AttachmentCount => Referrals.Sum(r => r.Attachments.Count) + Requests.Sum(r => r.Responses.Sum(x => x.Attachments.Count));

    public long AttachmentBytes =>
        Referrals.Sum(r => r.Attachments.Sum(a => a.SizeBytes))
        + Requests.Sum(r => r.Responses.Sum(x => x.Attachments.Sum(a => a.SizeBytes)));

    /// <summary>The counts an audit event of subject access gives: never a name.</summary>
    public string Counts => string.Create(CultureInfo.InvariantCulture, $"{Chosen.Count} records chosen; {Referrals.Count} referrals, " +
        $"{Cases.Count} cases, {Requests.Count} requests, {AttachmentCount} attachments, {AccessLog.Count} access-log entries");

    /// <summary>The record, for the officer to read: the view is audited by the first chosen record's id and counts.</summary>
    public sealed record Query(IReadOnlyList<SubjectChoice> Chosen) : IQuery<SubjectRecordView>;

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Query, SubjectRecordView>
    {
        public async Task<SubjectRecordView> Handle(Query request, CancellationToken cancellationToken)
        {
            var record = await LoadAsync(db, request.Chosen, cancellationToken);
            var staff = await StaffNamesAsync(db, record, cancellationToken);
            await audit.RecordNowAsync(SubjectAccessEvents.Viewed, SubjectAccessEvents.SubjectType, request.Chosen[0].Key, record.Counts,
                cancellationToken);
            return new SubjectRecordView(record, staff);
        }
    }

    /// <summary>The names of the portal staff whose actions are in the access log, by account id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> StaffNamesAsync(PortalDbContext db, SubjectRecord record,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var staffIds = record.AccessLog.Select(e => e.UserId).OfType<Guid>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.GivenName} {u.FamilyName}", ct);
    }

    public static async Task<SubjectRecord> LoadAsync(PortalDbContext db, IReadOnlyList<SubjectChoice> chosen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Count is 0 or > MaxChoices)
        {
            throw new ArgumentOutOfRangeException(nameof(chosen), $"Choose between 1 and {MaxChoices} records.");
        }

        var personIds = chosen.Where(c => c.Kind == SubjectRecordKind.Person).Select(c => c.Id).ToList();
        var linked = await db.PersonLinks.AsNoTracking().Where(l => personIds.Contains(l.PersonId)).Select(l => l.SubjectId)
            .ToListAsync(ct);
        var subjectIds = chosen.Where(c => c.Kind != SubjectRecordKind.Person).Select(c => c.Id).Concat(linked).ToHashSet();
        var referralIds = await db.ReferralChildren.Where(c => subjectIds.Contains(c.Id)).Select(c => c.ReferralId)
            .Union(db.ReferralAdults.Where(a => subjectIds.Contains(a.Id)).Select(a => a.ReferralId))
            .ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .Include(r => r.Children).Include(r => r.Adults).Include(r => r.Attachments)
            .AsSplitQuery().OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var cases = await db.MashCases.AsNoTracking().Where(c => referralIds.Contains(c.ReferralId)).OrderBy(c => c.ReceivedAt)
            .ToListAsync(ct);
        var requests = await db.InformationRequests.AsNoTracking()
            .Where(r => referralIds.Contains(r.ReferralId) && r.Subjects.Any(s => subjectIds.Contains(s.ReferralPersonId)))
            .Include(r => r.Subjects).Include(r => r.Responses).ThenInclude(x => x.Attachments)
            .AsSplitQuery().OrderBy(r => r.SentAt).ToListAsync(ct);
        var logged = referralIds.Concat(cases.Select(c => c.Id)).Concat(requests.Select(r => r.Id)).Concat(personIds)
            .Select(id => id.ToString()).ToList();
        var log = await db.AuditEvents.AsNoTracking().Where(e => logged.Contains(e.SubjectId))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(MaxAccessLogEntries).ToListAsync(ct);
        return new SubjectRecord(chosen, subjectIds, referrals, cases, requests, log);
    }
}
