using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Information requests on the demo MASH's cases (after <see cref="MashDemoData"/>, which makes the cases):
/// for the demo police responder one request waiting, one overdue (the chaser e-mails about it once the
/// app runs) and one answered with a document; a school responder (school@example.org) who answered one
/// and declined another; and one case whose checklist is complete, ready for its decision. Requests go
/// through the domain's own rules, with times in the past, so the timelines read true. No e-mails are
/// queued for them: they are history, not news.
/// </summary>
public sealed class InformationRequestDemoData(PortalDbContext db, UserManager<PortalUser> users, RequestDueTimes dueTimes,
    TimeProvider time) : IDemoDataContributor
{
    public const string SchoolResponderEmail = "school@example.org";

    private readonly List<AuditEvent> events = [];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await new InformationRequestReferenceData().EnsureAsync(db, time, cancellationToken);
        var now = time.GetUtcNow();
        var organisations = context.Organisations;
        var police = context.Users.PoliceResponder;
        var school = await UserAsync(SchoolResponderEmail, "Sarah", "Whitfield", "Deputy designated safeguarding lead",
            organisations.School);
        var agencies = await db.PartnerAgencies.AsNoTracking().ToDictionaryAsync(a => a.Key, cancellationToken);

        // Cases at MASH checks, oldest first: the oldest have had time for answers, or to go overdue.
        var cases = await db.MashCases
            .Where(c => c.Status == MashCaseStatus.AwaitingInformation && c.Rating != null && c.Channel == ContactChannel.Portal)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var overdue = cases.FirstOrDefault(c => dueTimes.DueAt(ProgressedAt(c), c.Rating) < now.AddHours(-1));
        var answered = cases.FirstOrDefault(c => c != overdue && ProgressedAt(c) < now.AddHours(-4));
        var waiting = cases.LastOrDefault(c => c != overdue && c != answered);
        if (overdue is null || answered is null || waiting is null)
        {
            throw new InvalidOperationException("The MASH demo data has too few cases at MASH checks for the information request demo.");
        }

        // Waiting: sent twenty minutes ago to the police and the school, not opened yet.
        var waitingReferral = await ReferralAsync(waiting, cancellationToken);
        var practitioner = waiting.AssignedToUserId!.Value;
        Send(waiting, waitingReferral, agencies["police"], organisations.Police, practitioner, now.AddMinutes(-20));
        Send(waiting, waitingReferral, agencies["school"], organisations.School, practitioner, now.AddMinutes(-18));

        // Overdue: the police opened it but have not answered; the school declined.
        var overdueReferral = await ReferralAsync(overdue, cancellationToken);
        var sentAt = ProgressedAt(overdue);
        var late = Send(overdue, overdueReferral, agencies["police"], organisations.Police, overdue.AssignedToUserId!.Value, sentAt);
        late.RecordViewed(sentAt.AddMinutes(50));
        Event(InformationRequestEvents.Viewed, late, police.Id, sentAt.AddMinutes(50), null);
        var declined = Send(overdue, overdueReferral, agencies["school"], organisations.School, overdue.AssignedToUserId!.Value,
            sentAt.AddMinutes(2));
        Respond(declined, declined.Decline(
            "The children left Riverside Primary in July and now attend Northtown Academy, which does not use the portal yet. Please ask " +
                "their designated safeguarding lead.",
            school.Id, school.FullName, Before(sentAt.AddHours(2), now)), school.Id, InformationRequestEvents.Declined);

        // Answered: the police answered with a chronology, the school answered, every other agency has a
        // reason: the checklist is complete and the case is ready for its decision.
        var answeredReferral = await ReferralAsync(answered, cancellationToken);
        var asker = answered.AssignedToUserId!.Value;
        var askedAt = ProgressedAt(answered);
        var policeRequest = Send(answered, answeredReferral, agencies["police"], organisations.Police, asker, askedAt);
        Respond(policeRequest, policeRequest.Answer(new AgencyAnswer(
                KnownToAgency: true,
                InvolvementSummary: "Two domestic incidents at the address in the last year (March and September), both verbal arguments " +
                    "between the mother and her former partner, DASH standard risk. The former partner was arrested in September for " +
                    "criminal damage and bailed with a condition not to attend the address; the bail has since ended.",
                CurrentRisks: "The former partner's whereabouts are not known to us. No firearms certificates at the address.",
                ConcernLevel: AgencyConcernLevel.Medium,
                Files: [new UploadedFile("police-chronology.pdf", Pdf("Northshire Police chronology (demo data)"))]),
            police.Id, police.FullName, Before(askedAt.AddHours(3), now)), police.Id, InformationRequestEvents.Answered);
        var schoolRequest = Send(answered, answeredReferral, agencies["school"], organisations.School, asker, askedAt.AddMinutes(3));
        Respond(schoolRequest, schoolRequest.Answer(new AgencyAnswer(
                KnownToAgency: true,
                InvolvementSummary: "Attendance is 88% this year, with most absences on Mondays. Staff have noticed the children are " +
                    "often hungry. Their mother engages well when contacted.",
                CurrentRisks: null,
                ConcernLevel: AgencyConcernLevel.Low,
                Files: []),
            school.Id, school.FullName, Before(askedAt.AddHours(4), now)), school.Id, InformationRequestEvents.Answered);
        foreach (var agency in agencies.Values.Where(a => a.IsActive && a.Key is not ("police" or "school")))
        {
            var check = new AgencyCheck(agency.Key, agency.Name, AgencyCheckStatus.Outstanding);
            var reason = AgencyNotNeeded.Record(answered, check,
                "Nothing in the referral or in our own records suggests the family is known to this service.", asker,
                askedAt.AddMinutes(10));
            db.AgencyChecksNotNeeded.Add(reason);
            events.Add(new AuditEvent
            {
                OccurredAt = reason.RecordedAt, UserId = asker, Action = InformationRequestEvents.NotNeeded,
                SubjectType = CaseEvents.SubjectType, SubjectId = answered.Id.ToString(), Detail = agency.Name,
            });
        }

        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When the demo requests of a case are sent: after the MASH demo data has rated it and progressed it to checks.</summary>
    private static DateTimeOffset ProgressedAt(MashCase mashCase) => mashCase.ReceivedAt.AddHours(3);

    private static DateTimeOffset Before(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now.AddMinutes(-5);

    private Task<Referral> ReferralAsync(MashCase mashCase, CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking().Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
            .SingleAsync(r => r.Id == mashCase.ReferralId, cancellationToken);

    private InformationRequest Send(MashCase mashCase, Referral referral, PartnerAgency agency, Organisation organisation, Guid by,
        DateTimeOffset at)
    {
        var request = InformationRequest.Send(mashCase, referral, new NewRequest(
                agency, organisation, [.. referral.Children.Select(c => c.Id)], [.. referral.Adults.Select(a => a.Id)],
                    agency.StandardQuestions, null,
                referral.Consent.Decision == ConsentDecision.Obtained ? RequestLawfulBasis.Consent
                    : RequestLawfulBasis.SafeguardingPublicTask,
                referral.Consent.Decision == ConsentDecision.Obtained),
            by, at, dueTimes);
        db.InformationRequests.Add(request);
        Event(InformationRequestEvents.Sent, request, by, at, $"due {MashDisplay.Long(request.DueAt)}");
        return request;
    }

    private void Respond(InformationRequest request, InformationResponse response, Guid by, string action)
    {
        db.InformationResponses.Add(response);
        Event(action, request, by, response.SubmittedAt, null);
    }

    private void Event(string action, InformationRequest request, Guid by, DateTimeOffset at, string? more) => events.Add(new AuditEvent
    {
        OccurredAt = at,
        UserId = by,
        Action = action,
        SubjectType = CaseEvents.SubjectType,
        SubjectId = request.CaseId.ToString(),
        Detail = InformationRequestEvents.Detail(request.AgencyName, request.Id) + (more is null ? string.Empty : "; " + more),
    });

    private async Task<PortalUser> UserAsync(string email, string givenName, string familyName, string jobTitle, Organisation organisation)
    {
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, GivenName = givenName, FamilyName = familyName, JobTitle = jobTitle,
            OrganisationId = organisation.Id,
        };
        var created = await users.CreateAsync(user, DemoDataSeeder.DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo user: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }

        await users.AddToRoleAsync(user, PortalRole.AgencyResponder);
        return user;
    }

    /// <summary>A one-page PDF with one line of text: a real document for the demo answer's attachment.</summary>
    public static byte[] Pdf(string line)
    {
        var text = line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal)
            .Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 14 Tf 72 720 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
