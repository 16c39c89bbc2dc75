using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>
/// Opens the MASH case for a referral as it is received, in the caller's unit of work: the submit
/// handler and the contact recording page both call this before their one SaveChanges, so a received
/// referral and its case are stored together or not at all. Early help requests open no case: they go
/// to the early help hub's list.
/// </summary>
public static class MashIntake
{
    public static MashCase? OpenCase(PortalDbContext db, IAuditTrail audit, Referral referral, ContactChannel channel, DecisionClock clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.Kind != ReferralKind.MashReferral)
        {
            return null;
        }

        var mashCase = MashCase.Open(referral, channel, clock);
        db.MashCases.Add(mashCase);
        audit.Record(CaseEvents.Received, CaseEvents.SubjectType, mashCase.Id.ToString(),
            $"{channel.DisplayName()}; source {mashCase.SourceCode}");
        return mashCase;
    }
}
