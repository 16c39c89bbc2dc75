using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// Opens the MASH case for a referral as it is received, in the caller's unit of work: the submit
/// handler and the contact recording page both call this before their one SaveChanges, so a received
/// referral and its case are stored together or not at all. Early help requests open no case: they go
/// to the early help hub's list. A case urgent at intake also queues an e-mail to the MASH's duty
/// mailbox in the same transaction, with the reference and a link only (docs/decisions/0089).
/// </summary>
public sealed class MashIntake(
    PortalDbContext db, IAuditTrail audit, DecisionClock clock, IEmailOutbox outbox, IOptions<TriageOptions> options)
{
    public MashCase? OpenCase(Referral referral, ContactChannel channel)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.Kind != ReferralKind.MashReferral)
        {
            return null;
        }

        var mashCase = MashCase.Open(referral, channel, clock);
        db.MashCases.Add(mashCase);
        audit.Record(CaseEvents.Received, CaseEvents.SubjectType, mashCase.Id.ToString(),
            $"{channel.DisplayName()}; source {mashCase.SourceCode}");
        if (mashCase.AwaitsUrgentRating)
        {
            outbox.Enqueue(options.Value.DutyMailbox, EmailTemplate.UrgentReferral,
                $"/mash?reference={Uri.EscapeDataString(mashCase.Reference)}");
            audit.Record(CaseEvents.DutyMailboxAlerted, CaseEvents.SubjectType, mashCase.Id.ToString(), "Urgent at intake");
        }

        return mashCase;
    }
}
