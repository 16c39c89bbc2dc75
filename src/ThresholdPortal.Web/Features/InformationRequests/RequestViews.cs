using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.InformationRequests;

public sealed record SubjectView(SubjectKind Kind, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDate, string? Address,
    string? Relationship);

public sealed record AttachmentView(Guid Id, string FileName, long SizeBytes, string Href);

public sealed record ResponseView(
    Guid Id,
    ResponseKind Kind,
    bool? KnownToAgency,
    string? InvolvementSummary,
    string? CurrentRisks,
    AgencyConcernLevel? ConcernLevel,
    string? DeclineReason,
    string By,
    DateTimeOffset At,
    bool IsCorrection,
    bool IsSuperseded,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>A request as both sides read it: what was asked, of whom, and every response, newest first.</summary>
public sealed record RequestView(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    string AgencyKey,
    string AgencyName,
    string OrganisationName,
    string SentBy,
    string? SentByJobTitle,
    DateTimeOffset SentAt,
    DateTimeOffset DueAt,
    RequestStatus Status,
    DateTimeOffset? FirstViewedAt,
    DateTimeOffset? ChasedAt,
    IReadOnlyList<SubjectView> Subjects,
    IReadOnlyList<string> Questions,
    string? AdditionalQuestions,
    RequestLawfulBasis LawfulBasis,
    bool ConsentObtained,
    IReadOnlyList<ResponseView> Responses)
{
    public ResponseView? Latest => Responses.Count > 0 ? Responses[0] : null;
}

/// <summary>
/// Loads requests for display, read-only and projected: the request's own copy of the people named and
/// the questions, and its responses without attachment bytes. It never reads the referral, so neither
/// side's page can show an agency more than the request carries (docs/decisions/0040).
/// </summary>
public static class RequestViews
{
    /// <summary>Each side downloads attachments from its own address: <paramref name="attachmentHref"/> makes it from the request and
    /// attachment ids.</summary>
    public static async Task<IReadOnlyList<RequestView>> LoadAsync(
        PortalDbContext db, IQueryable<InformationRequest> selected, DateTimeOffset now, Func<Guid, Guid, string> attachmentHref,
            CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attachmentHref);
        var requests = await selected.AsNoTracking()
            .OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.CaseId, r.CaseReference, r.AgencyKey, r.AgencyName, r.SentAt, r.DueAt, r.State, r.FirstViewedAt, r.ChasedAt,
                r.Questions, r.AdditionalQuestions, r.LawfulBasis, r.ConsentObtained,
                Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                // One scalar subquery per column: a FirstOrDefault of several numbers the whole table (ADR 0137).
                SenderName = db.Users.Where(u => u.Id == r.SentByUserId).Select(u => u.FullName).FirstOrDefault(),
                SenderJobTitle = db.Users.Where(u => u.Id == r.SentByUserId).Select(u => u.JobTitle).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return [];
        }

        var ids = requests.Select(r => r.Id).ToList();
        var subjects = (await db.InformationRequestSubjects.AsNoTracking()
                .Where(s => ids.Contains(s.RequestId))
                .OrderBy(s => s.Order)
                .Select(s =>
                    new { s.RequestId, View = new SubjectView(s.Kind, s.Name, s.DateOfBirth, s.ExpectedDate, s.Address, s.Relationship) })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.RequestId, s => s.View);
        var responses = (await db.InformationResponses.AsNoTracking()
                .Where(r => ids.Contains(r.RequestId))
                .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                .Select(r => new
                {
                    r.Id, r.RequestId, r.Kind, r.KnownToAgency, r.InvolvementSummary, r.CurrentRisks, r.ConcernLevel, r.DeclineReason,
                    r.RespondedByName, r.SubmittedAt, r.CorrectsResponseId,
                    Attachments = r.Attachments.OrderBy(a => a.FileName).Select(a => new { a.Id, a.FileName, a.SizeBytes }).ToList(),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.RequestId);

        return [.. requests.Select(r =>
        {
            var answers = responses[r.Id].ToList();
            return new RequestView(
                r.Id, r.CaseId, r.CaseReference, r.AgencyKey, r.AgencyName, r.Organisation ?? "Unknown organisation",
                    r.SenderName ?? "Unknown", r.SenderJobTitle,
                r.SentAt, r.DueAt, InformationRequest.StatusOf(r.State, r.DueAt, now), r.FirstViewedAt, r.ChasedAt,
                [.. subjects[r.Id]], r.Questions, r.AdditionalQuestions, r.LawfulBasis, r.ConsentObtained,
                [.. answers.Select((a, index) => new ResponseView(
                    a.Id, a.Kind, a.KnownToAgency, a.InvolvementSummary, a.CurrentRisks, a.ConcernLevel, a.DeclineReason, a.RespondedByName,
                        a.SubmittedAt,
                    IsCorrection: a.CorrectsResponseId is not null, IsSuperseded: index > 0,
                    [.. a.Attachments.Select(x => new AttachmentView(x.Id, x.FileName, x.SizeBytes, attachmentHref(r.Id, x.Id)))]))]);
        })];
    }
}
