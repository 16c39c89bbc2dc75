using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using AgencyRequest = ThresholdPortal.Web.Pages.Agency.Requests.DetailsModel;
using AnswerPage = ThresholdPortal.Web.Pages.Agency.Requests.AnswerModel;
using DeclinePage = ThresholdPortal.Web.Pages.Agency.Requests.DeclineModel;
using NotNeededPage = ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests.NotNeededModel;
using SendPage = ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests.SendModel;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Information requests on the demo MASH's cases (after <see cref="MashDemoData"/>, which makes the cases):
/// for the demo police responder one request waiting, one overdue (the chaser e-mails about it once the
/// app runs) and one answered with a document; a school responder (school@example.org) who answered one
/// and declined another; and one case whose checklist is complete, ready for its decision. Every step is the
/// live pages' command (send, open, answer, decline, not needed) as the person who takes it, with times in
/// the past, so the timelines read true; the e-mails they queue are stored as sent (<see cref="HistoryOutbox"/>).
/// </summary>
public sealed class InformationRequestDemoData(PortalDbContext db, UserManager<PortalUser> users, IUserStore<PortalUser> userStore,
    RequestDueTimes dueTimes, PortalActor actor, TimeProvider time, AccountsOptions accounts) : IDemoDataContributor
{
    public const string SchoolResponderEmail = "school@example.org";

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
        var practitioner = await HolderAsync(waiting, cancellationToken);
        await SendAsync(waiting, agencies["police"], organisations.Police, practitioner, now.AddMinutes(-20), cancellationToken);
        await SendAsync(waiting, agencies["school"], organisations.School, practitioner, now.AddMinutes(-18), cancellationToken);

        // Overdue: the police opened it but have not answered; the school declined.
        var sentAt = ProgressedAt(overdue);
        var holder = await HolderAsync(overdue, cancellationToken);
        var late = await SendAsync(overdue, agencies["police"], organisations.Police, holder, sentAt, cancellationToken);
        _ = CommandOutcomes.Found(await actor.SendAsync(police, new AgencyRequest.Open(late), sentAt.AddMinutes(50)),
            "Opening the request");
        var declined = await SendAsync(overdue, agencies["school"], organisations.School, holder, sentAt.AddMinutes(2), cancellationToken);
        CommandOutcomes.EnsureSaved(await actor.SendAsync(school, new DeclinePage.SubmitDecline
        {
            RequestId = declined,
            Reason = "The children left Riverside Primary in July and now attend Northtown Academy, which does not use the portal yet. " +
                "Please ask their designated safeguarding lead.",
        }, Before(sentAt.AddHours(2), now)), "The school's decline");

        // Answered: the police answered with a chronology, the school answered, every other agency has a
        // reason: the checklist is complete and the case is ready for its decision.
        var asker = await HolderAsync(answered, cancellationToken);
        var askedAt = ProgressedAt(answered);
        var policeRequest = await SendAsync(answered, agencies["police"], organisations.Police, asker, askedAt, cancellationToken);
        var chronology = Pdf("Northshire Police chronology (demo data)");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(police, new AnswerPage.SubmitAnswer
        {
            RequestId = policeRequest, KnownToAgency = true,
            InvolvementSummary = "Two domestic incidents at the address in the last year (March and September), both verbal arguments " +
                "between the mother and her former partner, DASH standard risk. The former partner was arrested in September for " +
                "criminal damage and bailed with a condition not to attend the address; the bail has since ended.",
            CurrentRisks = "The former partner's whereabouts are not known to us. No firearms certificates at the address.",
            ConcernLevel = AgencyConcernLevel.Medium,
            Files = [new FormFile(new MemoryStream(chronology), 0, chronology.Length, "Files", "police-chronology.pdf")
                { Headers = new HeaderDictionary(), ContentType = "application/pdf" }],
        }, Before(askedAt.AddHours(3), now)), "The police answer");
        var schoolRequest = await SendAsync(answered, agencies["school"], organisations.School, asker, askedAt.AddMinutes(3),
            cancellationToken);
        CommandOutcomes.EnsureSaved(await actor.SendAsync(school, new AnswerPage.SubmitAnswer
        {
            RequestId = schoolRequest, KnownToAgency = true,
            InvolvementSummary = "Attendance is 88% this year, with most absences on Mondays. Staff have noticed the children are " +
                "often hungry. Their mother engages well when contacted.",
            ConcernLevel = AgencyConcernLevel.Low,
        }, Before(askedAt.AddHours(4), now)), "The school answer");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(asker, new NotNeededPage.RecordNotNeeded
        {
            CaseId = answered.Id,
            AgencyKeys = [.. agencies.Values.Where(a => a.IsActive && a.Key is not ("police" or "school")).Select(a => a.Key)],
            Reason = "Nothing in the referral or in our own records suggests the family is known to this service.",
        }, askedAt.AddMinutes(10)), "Agencies not needed");
    }

    /// <summary>When the demo requests of a case are sent: after the MASH demo data has rated it and progressed it to checks.</summary>
    private static DateTimeOffset ProgressedAt(MashCase mashCase) => mashCase.ReceivedAt.AddHours(3);

    private static DateTimeOffset Before(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now.AddMinutes(-5);

    private Task<PortalUser> HolderAsync(MashCase mashCase, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleAsync(u => u.Id == mashCase.AssignedToUserId, cancellationToken);

    /// <summary>The send page's command, about every child and adult of the referral, with the agency's standard questions.</summary>
    private async Task<Guid> SendAsync(MashCase mashCase, PartnerAgency agency, Organisation organisation, PortalUser by,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
            .SingleAsync(r => r.Id == mashCase.ReferralId, cancellationToken);
        var consent = referral.Consent.Decision == ConsentDecision.Obtained;
        var sent = await actor.SendAsync(by, new SendPage.SendRequest
        {
            CaseId = mashCase.Id, AgencyKey = agency.Key, OrganisationId = organisation.Id,
            ChildIds = [.. referral.Children.Select(c => c.Id)],
            AdultIds = [.. referral.Adults.Select(a => a.Id)], Questions = [.. agency.StandardQuestions],
            LawfulBasis = consent ? RequestLawfulBasis.Consent : RequestLawfulBasis.SafeguardingPublicTask, ConsentObtained = consent,
        }, at);
        return CommandOutcomes.EnsureSaved(sent, $"The request to {agency.Name}").RequestId;
    }

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
        if (accounts.RequiresTwoFactor([PortalRole.AgencyResponder]))
        {
            // Like the other demo accounts that need it: the published demo key (docs/decisions/0103).
            await TwoFactorEnrolment.EnrolWithKeyAsync(users, userStore, user, DemoDataSeeder.DemoAuthenticatorKey);
        }

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
